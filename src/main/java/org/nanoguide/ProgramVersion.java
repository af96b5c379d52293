package org.nanoguide;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * This program's version, from the build: the one source for {@code nanoguide --version} (as
 * picocli's version provider) and for the service's health answer.
 */
public final class ProgramVersion implements CommandLine.IVersionProvider {
    private static final String VERSION = read();

    /** The version the build wrote, or {@code unknown} when run from classes without it. */
    public static String version() { return VERSION; }

    /**
     * The program's version, then the knowledge base it carries (version and fingerprint of the
     * bundled rules) and, run from a project by {@code ./nanoguide}, the rules/ folder it uses by
     * default, which an author may have edited.
     */
    @Override
    public String[] getVersion() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("nanoguide " + VERSION);
        lines.add(knowledgeBase("bundled", org.nanoguide.kb.RuleFiles.bundled()));
        String home = System.getProperty("nanoguide.home");
        java.nio.file.Path folder = home == null || home.isBlank() ? null : java.nio.file.Path.of(home, "rules");
        if (folder != null && java.nio.file.Files.isDirectory(folder)) {
            try {
                lines.add(knowledgeBase("rules/ (used by default)", org.nanoguide.kb.RuleFiles.fromFolder(folder)));
            } catch (IOException e) {
                lines.add("rules/ (used by default): cannot be read: " + e.getMessage());
            }
        }
        lines.add("Java " + System.getProperty("java.version"));
        return lines.toArray(String[]::new);
    }

    private static String knowledgeBase(String where, org.nanoguide.kb.RuleFiles files) {
        return "knowledge base " + files.properties().getProperty("version", "unversioned") + ", " + where + ", " + files.fingerprint();
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = ProgramVersion.class.getResourceAsStream("/nanoguide/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // a version that cannot be read is reported as unknown, never a failure to start
        }
        return p.getProperty("version", "unknown");
    }
}
