package org.nanoguide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nanoguide.Nanoguide;
import org.nanoguide.check.CheckReport;
import org.nanoguide.check.Checker;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.model.CaseSources;
import org.nanoguide.render.JsonRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the rules after an edit: do they compile, are they well labelled, do the example cases still give "
                + "their expected advice, which rules never fire, and where an exclusion overrides support.",
                "PATH: case files or folders with `expected` blocks; default: the project's cases/."},
        footer = {"", "Exit status: 0 all clean; 1 lint errors or cases that no longer give their expected advice "
                + "(with --strict, warnings too); 2 the rules do not compile.", "See docs/authoring.md."})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Cases to run (files or folders). Default: cases/.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleFiles files;
        try {
            files = rules.files();
        } catch (IOException | RuntimeException e) {
            err.println("nanoguide check: cannot read rules: " + e.getMessage());
            return 2;
        }
        List<String> inputs = paths.isEmpty() ? defaultCases() : paths;
        CheckReport report = Checker.run(files, new CaseSources(Nanoguide.reader(), inputs, System.in), strict);
        if (format == Format.json) {
            out.println(JsonRenderer.pretty(new JsonView(report)));
        } else {
            text(report, out);
        }
        out.flush();
        return report.exitCode();
    }

    private static List<String> defaultCases() {
        String home = System.getProperty("nanoguide.home");
        Path p = home != null ? Path.of(home, "cases") : Path.of("cases");
        return Files.isDirectory(p) ? List.of(p.toString()) : List.of();
    }

    /** The report as JSON, with file names as the user would open them. */
    record JsonView(String status, int exitCode, CheckReport.RulesSummary rules, List<RuleProblem> compileErrors,
                    List<RuleProblem> lint, List<CheckReport.CaseCheck> cases, int casesWithoutExpected,
                    List<CheckReport.RuleCoverage> coverage, List<String> neverFired, List<CheckReport.Conflict> conflicts) {
        JsonView(CheckReport r) {
            this(r.status(), r.exitCode(), r.rules(), r.compileErrors(), r.lint(), r.cases(), r.casesWithoutExpected(),
                    r.coverage(), r.neverFired().stream().map(CheckReport.RuleCoverage::id).toList(), r.conflicts());
        }
    }

    private void text(CheckReport r, PrintWriter out) {
        out.println("Checking the rules in " + r.rules().folder()
                + (r.rules().fingerprint() == null ? "" : " (" + r.rules().count() + " rules, version " + r.rules().version() + ")"));
        if (!r.compileErrors().isEmpty()) {
            out.println("\nThe rules do not compile:");
            for (RuleProblem p : r.compileErrors()) out.println("  " + rules.display(p));
        }
        List<RuleProblem> errors = r.lint().stream().filter(RuleProblem::isError).toList();
        List<RuleProblem> warnings = r.lint().stream().filter(p -> !p.isError()).toList();
        if (!errors.isEmpty()) {
            out.println("\nErrors in the rules (" + errors.size() + "):");
            for (RuleProblem p : errors) out.println("  " + rules.display(p));
        }
        if (!r.compileErrors().isEmpty()) {
            out.println("\nFix the errors above, then run check again: nothing else was checked.");
            out.println("\nRESULT: the rules do not compile (exit 2)");
            return;
        }
        if (errors.isEmpty()) out.println("\nCompiles, and every rule is labelled (@id, @section, @refs).");
        if (!warnings.isEmpty()) {
            out.println("\nWarnings (" + warnings.size() + "):");
            for (RuleProblem p : warnings) out.println("  " + rules.display(p));
        }

        long pass = r.cases().stream().filter(c -> c.status().equals("pass")).count();
        out.println("\nExample cases: " + r.cases().size() + " with expected advice, " + pass + " give it"
                + (r.casesWithoutExpected() > 0 ? " (" + r.casesWithoutExpected() + " without an expected block, not checked)" : ""));
        for (CheckReport.CaseCheck c : r.cases()) {
            if (c.status().equals("pass")) continue;
            out.println("  " + c.status().toUpperCase() + " " + c.source() + (c.caseId() == null ? "" : " (case " + c.caseId() + ")"));
            for (String f : c.failures()) out.println("      " + f);
        }

        List<CheckReport.RuleCoverage> never = r.neverFired();
        out.println("\nRule coverage over these cases: " + (r.coverage().size() - never.size()) + " of " + r.coverage().size() + " rules fired");
        for (CheckReport.RuleCoverage c : r.coverage()) {
            if (c.fired() > 0) out.printf("  %5d firings in %3d cases  %s%n", c.fired(), c.cases(), c.id());
        }
        if (!never.isEmpty()) {
            out.println("  Never fired (add a case that needs them, or check their conditions):");
            for (CheckReport.RuleCoverage c : never) out.println("    " + c.id() + "  " + rules.place(c.file(), c.line()) + "  \"" + c.name() + "\"");
        }

        if (!r.conflicts().isEmpty()) {
            out.println("\nConflicts (the exclusion wins; worth a look):");
            for (CheckReport.Conflict c : r.conflicts()) {
                out.println("  case " + c.caseId() + ": " + c.carrier() + (c.modality() == null ? "" : " for " + c.modality())
                        + " is supported by " + String.join(", ", c.supportedBy()) + " but excluded by " + String.join(", ", c.excludedBy()));
            }
        }
        out.println();
        if (r.exitCode() == 0) {
            out.println("RESULT: ok" + (warnings.isEmpty() ? "" : " (" + warnings.size() + " warnings)"));
        } else {
            List<String> why = new ArrayList<>();
            if (!errors.isEmpty()) why.add(errors.size() + " error" + (errors.size() == 1 ? "" : "s") + " in the rules");
            if (r.failingCases() > 0) why.add(r.failingCases() + " case" + (r.failingCases() == 1 ? "" : "s") + " without the expected advice");
            if (why.isEmpty()) why.add(warnings.size() + " warnings (--strict)");
            out.println("RESULT: failed: " + String.join("; ", why) + " (exit " + r.exitCode() + ")");
        }
    }
}
