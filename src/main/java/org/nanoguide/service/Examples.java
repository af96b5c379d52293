package org.nanoguide.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example cases bundled with the program (the project's {@code cases/}), for the page to
 * offer: a person can see a report before writing a case of their own.
 */
record Examples(List<Example> all) {
    static final String ROOT = "nanoguide/cases";

    /** One example: its file name without {@code .json}, and the case as written. */
    record Example(String name, String json) { }

    static Examples bundled() {
        URL url = Examples.class.getClassLoader().getResource(ROOT);
        if (url == null) return new Examples(List.of());
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return new Examples(read(Path.of(uri)));
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return new Examples(read(fs.getPath("/" + ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Example> read(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> json = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            List<Example> out = new java.util.ArrayList<>();
            for (Path p : json) {
                String name = p.getFileName().toString();
                out.add(new Example(name.substring(0, name.length() - ".json".length()), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return List.copyOf(out);
        }
    }
}
