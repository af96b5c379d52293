package org.nanoguide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanoguide.check.CheckReport;
import org.nanoguide.check.CheckText;
import org.nanoguide.check.Checker;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.render.JsonRenderer;
import org.nanoguide.review.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the rules after an edit: do they compile, are they well labelled, do the example cases "
                + "still give their expected advice, which rules never fire, and where an exclusion overrides support.",
                "PATH is a case file or a folder of them (default: the project's cases/). Only cases with an "
                        + "\"expected\" block are run; see docs/authoring.md."},
        footer = {"", "Examples:",
                "  nanoguide check",
                "  cp -r rules my-rules && nanoguide check --rules my-rules/ cases/",
                "  nanoguide check --format json > check.json",
                "  nanoguide check --review ../shared/seeds/000_15ba5d730a2e0ee9.txt",
                "", "Exit status: 0 all clean (warnings alone do not fail, unless --strict); 1 lint errors or failing cases "
                + "(or warnings with --strict); 2 the rules do not compile, or a usage error."})
final class CheckCommand extends RuleCommand {
    enum Format { text, json }

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for people) or json (for other tools). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--strict", description = "Warnings fail the check too (exit 1).")
    boolean strict;

    @Option(names = "--review", paramLabel = "FILE",
            description = "The review's plain text: verify every rule's @quote against it, word for word, with its section and refs. "
                    + "Without it, quotes are not verified.")
    Path review;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Case files or folders. Default: the project's cases/.")
    List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        RuleFiles files;
        try {
            files = rules.files();
        } catch (IOException e) {
            err.println("nanoguide check: cannot read rules: " + e.getMessage());
            return 2;
        }
        if (!files.isBundled() && files.drlFiles().isEmpty()) {
            err.println(RulesOption.noRules(rules.folder()));
            return 2;
        }
        Review text = null;
        if (review != null) {
            try {
                text = Review.read(review);
            } catch (IOException e) {
                err.println("nanoguide check: cannot read the review " + review + ": " + org.nanoguide.model.CaseSources.why(e));
                return 2;
            } catch (java.io.UncheckedIOException e) {
                err.println("nanoguide check: cannot read the review " + review + ": " + org.nanoguide.model.CaseSources.why(e.getCause()));
                return 2;
            }
        }
        List<String> paths = inputs.isEmpty() ? defaultCases() : inputs;
        CheckReport report = Checker.check(files, paths, strict, text);
        if (format == Format.json) {
            out.println(JsonRenderer.pretty(report));
        } else {
            out.print(CheckText.render(report));
        }
        out.flush();
        return report.exitCode();
    }

    /** The project's cases/: beside the launcher, else in the working directory; none when neither exists. */
    static List<String> defaultCases() {
        String home = System.getProperty("nanoguide.home");
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "cases"))) return List.of(Path.of(home, "cases").toString());
        if (Files.isDirectory(Path.of("cases"))) return List.of("cases");
        return List.of();
    }
}
