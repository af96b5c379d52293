package org.nanoguide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;

/** The real knowledge base from the project's rules/, compiled once for all tests. */
public final class TestKb {
    public static final Path ROOT = Path.of(System.getProperty("user.dir"));
    public static final Path RULES = ROOT.resolve("rules");
    public static final Path CASES = ROOT.resolve("cases");

    /** The package and imports every rule file starts with. */
    public static final String DRL_HEADER = "package org.nanoguide.rules;\n\nimport org.nanoguide.model.*;\nimport org.nanoguide.facts.*;\n\n";

    private static volatile Nanoguide guide;

    private TestKb() { }

    public static synchronized Nanoguide guide() {
        if (guide == null) {
            try {
                guide = Nanoguide.fromFolder(RULES);
            } catch (Exception e) {
                throw new IllegalStateException("rules/ does not compile: " + e.getMessage(), e);
            }
        }
        return guide;
    }

    public static KnowledgeBase kb() { return guide().knowledgeBase(); }

    /** The example case files in cases/, in name order. */
    public static List<Path> exampleCases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    public static KnowledgeBase compile(Path dir) throws Exception { return KnowledgeBaseLoader.load(dir); }

    /** A copy of the project's rules/ under {@code into}/rules, for tests that edit rules. */
    public static Path copyOfRules(Path into) throws java.io.IOException {
        Path dir = into.resolve("rules");
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(RULES)) {
            for (Path p : walk.sorted().toList()) {
                Path target = dir.resolve(RULES.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(target);
                else java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
