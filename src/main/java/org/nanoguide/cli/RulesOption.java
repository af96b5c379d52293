package org.nanoguide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

    /** The default rules' knowledge base being loaded ahead, by {@link #loadDefaultAhead()}; null when not started. */
    private static volatile Ahead ahead;

    /** A knowledge base loading on its own thread, for the rules of {@code folder} (null: the bundled copy). */
    private record Ahead(Path folder, FutureTask<KnowledgeBase> task) { }

    /** The folder the rules come from, or null for the bundled copy. */
    Path folder() {
        return rules != null ? rules : defaultFolder();
    }

    /** The project's rules/ when the launcher names the project, else null (the bundled copy). */
    private static Path defaultFolder() {
        String home = System.getProperty("nanoguide.home");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home, "rules");
            if (Files.isDirectory(p)) return p;
        }
        return null;
    }

    /**
     * Starts loading the default rules on another thread, before the command line is parsed:
     * loading them is the longest step of a short run, and the other core is otherwise idle
     * while this one parses the arguments. {@link #load} uses the result when it asks for the
     * same folder and loads its own otherwise (a {@code --rules} the caller did not see).
     */
    static void loadDefaultAhead() {
        Path folder = defaultFolder();
        FutureTask<KnowledgeBase> task = new FutureTask<>(() -> loadFrom(folder));
        Thread t = new Thread(task, "nanoguide-rules");
        t.setDaemon(true);
        t.start();
        ahead = new Ahead(folder, task);
    }

    private static KnowledgeBase loadFrom(Path folder) throws RulesInvalidException, IOException {
        return folder == null ? KnowledgeBaseLoader.loadBundled() : KnowledgeBaseLoader.load(folder);
    }

    /** The knowledge base of this folder: the one loading ahead when it is for this folder, else loaded now. */
    private static KnowledgeBase loadOrTake(Path folder) throws RulesInvalidException, IOException {
        Ahead a = ahead;
        if (a == null || !Objects.equals(a.folder(), folder)) return loadFrom(folder);
        ahead = null;
        try {
            return a.task().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the rules", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RulesInvalidException r) throw r;
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
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
            return loadOrTake(folder);
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
