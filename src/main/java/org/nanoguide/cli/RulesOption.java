package org.nanoguide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RulesInvalidException;
import picocli.CommandLine.Option;

/** {@code --rules DIR}; else the project's rules/ (the launcher says where); else the bundled copy. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Folder of .drl rule files. Default: the project's rules/ when run by ./nanoguide, else the rules bundled in the jar.")
    Path rules;

    /** The folder the rules come from, or null for the bundled copy. */
    Path folder() {
        if (rules != null) return rules;
        String home = System.getProperty("nanoguide.home");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home, "rules");
            if (Files.isDirectory(p)) return p;
        }
        return null;
    }

    /** Loads the rules, or prints why not (file:line:column: message) and returns null. */
    KnowledgeBase load(PrintWriter err) {
        Path folder = folder();
        try {
            return folder == null ? KnowledgeBaseLoader.loadBundled() : KnowledgeBaseLoader.load(folder);
        } catch (RulesInvalidException e) {
            Path base = folder;
            for (RuleProblem p : e.problems()) {
                err.println(base == null ? p.toString() : base.resolve(p.file()).normalize() + p.toString().substring(p.file().length()));
            }
            err.println("nanoguide: the rules do not compile (" + e.problems().size() + " error"
                    + (e.problems().size() == 1 ? "" : "s") + ")");
            return null;
        } catch (IOException e) {
            err.println("nanoguide: cannot read rules: " + e.getMessage());
            return null;
        }
    }
}
