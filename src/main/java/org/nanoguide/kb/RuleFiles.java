package org.nanoguide.kb;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The files of a knowledge base, read once: every {@code .drl} below a folder, its
 * {@code knowledge-base.properties} (version and title), its product catalogue and
 * {@code guidance.tsv} (the guidance items the rules name) and {@code references.tsv} (the review's
 * bibliography, which the rules' {@code @refs} number). The fingerprint is sha256 over the
 * files' relative paths and contents, in path order: the same files give the same fingerprint
 * wherever they are.
 *
 * @param origin the folder they were read from, or {@value #BUNDLED}
 */
public record RuleFiles(String origin, List<RuleFile> files) {
    /** Where the bundled copy of {@code rules/} lives on the class path. */
    public static final String BUNDLED_ROOT = "nanoguide/rules";
    /** The origin of the copy of the rules packaged with the program. */
    public static final String BUNDLED = "bundled";
    public static final String PROPERTIES = "knowledge-base.properties";
    /** The key of {@link #PROPERTIES} that records which rules its version was declared for. */
    public static final String VERSIONED_RULES = "versionedRules";
    /** The guidance items the rules' {@code @guidance} names: medical content, so it lives with the rules. */
    public static final String GUIDANCE = "guidance.tsv";
    /** The review's bibliography, by the numbers the rules' {@code @refs} cite: it changes with the rules it explains. */
    public static final String REFERENCES = "references.tsv";
    /** Far above any real rule file; a bigger one (a stray dump, a sparse file) is refused before it is read. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** One file, by its path relative to the rules folder ('/'-separated). */
    public record RuleFile(String path, String text) {
        public boolean isDrl() { return path.endsWith(".drl"); }
    }

    public RuleFiles {
        files = files.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
    }

    public static RuleFiles fromFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            // a rule file given for its folder is a common slip: "not found" would send the user looking for it
            throw new IOException((Files.exists(dir) ? "rules folder is a file, not a folder of .drl files: " : "rules folder not found: ") + dir);
        }
        return new RuleFiles(dir.toString(), readTree(dir));
    }

    /** The copy of {@code rules/} packaged with the program. */
    public static RuleFiles bundled() {
        URL url = RuleFiles.class.getClassLoader().getResource(BUNDLED_ROOT + "/" + PROPERTIES);
        if (url == null) throw new IllegalStateException("the bundled rules are missing from the class path");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return new RuleFiles(BUNDLED, readTree(fs.getPath("/" + BUNDLED_ROOT)));
            }
            return new RuleFiles(BUNDLED, readTree(Path.of(uri).getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RuleFile> readTree(Path dir) throws IOException {
        List<RuleFile> out = new ArrayList<>();
        Path realDir = dir.toRealPath();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".drl") || rel.equals(PROPERTIES) || rel.equals(ProductCatalogue.FILE) || rel.equals(GUIDANCE)
                        || rel.equals(REFERENCES)) {
                    // a rule file that is not loaded must not pass unseen (its rules would silently not
                    // apply), and a named pipe would block the reader: refused, named, unread
                    String kind = org.nanoguide.model.FileKind.of(p);
                    if (kind != null) throw new IOException("rules file " + rel + " is " + kind + ", not a file of rules");
                    // a link may point anywhere the server can read, and a file that is not DRL is
                    // quoted in the syntax error health shows: only files inside the folder are rules
                    if (!p.toRealPath().startsWith(realDir)) {
                        throw new IOException("rules file " + rel + " is a link to a file outside the rules folder;"
                                + " rule files must lie inside it");
                    }
                    long size = Files.size(p);
                    if (size > MAX_FILE_BYTES) {
                        throw new IOException("rules file " + rel + " is " + size + " bytes, over the limit of " + MAX_FILE_BYTES
                                + " bytes for one rule file");
                    }
                    out.add(new RuleFile(rel, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    public List<RuleFile> drlFiles() { return files.stream().filter(RuleFile::isDrl).toList(); }

    public boolean isBundled() { return BUNDLED.equals(origin); }

    /** A file's path as the user can open it: under the rules folder, or {@code bundled:file} for the packaged copy. */
    public String pathOf(String file) {
        if (isBundled()) return BUNDLED + ":" + file;
        return Path.of(origin).resolve(file).normalize().toString();
    }

    /** The file at this path (relative, '/'-separated), if there is one. */
    public java.util.Optional<RuleFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public String fingerprint() {
        return digest(files);
    }

    /**
     * The same over the {@code .drl} files only: what a compiled rule base depends on (the
     * properties file changes the version, not the rules). The rules precompiled at build time
     * are used while this matches.
     */
    public String drlFingerprint() {
        return digest(drlFiles());
    }

    /**
     * The same over every file but {@code knowledge-base.properties}: what a version is declared
     * for. The properties file records it beside the version ({@value #VERSIONED_RULES}), so that
     * {@code check} can say when the rules changed but the version did not.
     */
    public String rulesFingerprint() {
        return digest(files.stream().filter(f -> !f.path().equals(PROPERTIES)).toList());
    }

    private static String digest(List<RuleFile> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (RuleFile f : files) {
                md.update(f.path().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The properties file, or empty properties when there is none. */
    public Properties properties() {
        Properties p = new Properties();
        file(PROPERTIES).ifPresent(f -> {
            try {
                p.load(new java.io.StringReader(f.text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return p;
    }
}
