package org.nanoguide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RuleFiles;
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

    /** The rule files, from the folder or the bundled copy. */
    RuleFiles files() throws IOException {
        Path folder = folder();
        return folder == null ? RuleFiles.bundled() : RuleFiles.fromFolder(folder);
    }

    /** A problem with its file named as the user would open it: the folder joined to the file. */
    String display(RuleProblem p) {
        Path base = folder();
        return base == null ? p.toString() : p.inFile(base.resolve(p.file()).normalize().toString()).toString();
    }

    /**
     * One line for a rules folder without rule files (a wrong --rules path, most likely), which
     * is not a compile error; null when the folder has some, or is the bundled copy.
     */
    static String emptyFolder(Path folder) {
        if (folder == null) return null;
        try {
            if (!RuleFiles.fromFolder(folder).drlFiles().isEmpty()) return null;
        } catch (IOException e) {
            return null; // reported where the rules are read
        }
        return noRules(folder);
    }

    static String noRules(Path folder) {
        return "nanoguide: no .drl files in " + folder + ": --rules wants the folder of rule files, such as rules/";
    }

    /** Loads the rules, or prints why not (file:line:column: message) and returns null. */
    KnowledgeBase load(PrintWriter err) {
        Path folder = folder();
        try {
            return folder == null ? KnowledgeBaseLoader.loadBundled() : KnowledgeBaseLoader.load(folder);
        } catch (RulesInvalidException e) {
            String empty = emptyFolder(folder);
            if (empty != null) {
                err.println(empty);
                return null;
            }
            for (RuleProblem p : e.problems()) err.println(display(p));
            err.println("nanoguide: the rules do not compile (" + e.problems().size() + " error"
                    + (e.problems().size() == 1 ? "" : "s") + ")");
            return null;
        } catch (IOException e) {
            err.println("nanoguide: cannot read rules: " + e.getMessage());
            return null;
        }
    }
}
