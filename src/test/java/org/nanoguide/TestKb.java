package org.nanoguide;

import java.nio.file.Path;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;

/** The real knowledge base from the project's rules/, compiled once for all tests. */
public final class TestKb {
    public static final Path ROOT = Path.of(System.getProperty("user.dir"));
    public static final Path RULES = ROOT.resolve("rules");
    public static final Path CASES = ROOT.resolve("cases");

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

    public static KnowledgeBase compile(Path dir) throws Exception { return KnowledgeBaseLoader.load(dir); }
}
