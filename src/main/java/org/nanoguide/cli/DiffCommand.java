package org.nanoguide.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.nanoguide.Nanoguide;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.model.CaseSources;
import org.nanoguide.render.JsonRenderer;
import org.nanoguide.whatif.Comparison;
import org.nanoguide.whatif.RuleDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What a rule edit changes: evaluate every case under the base rules and the edited rules, "
                + "and list each case whose advice changed and how (first option, option added or removed, exclusion, "
                + "evidence level, warning, certainty), with a summary by kind.",
                "PATH is as for evaluate: a .json file, a folder, an .ndjson file, or - for NDJSON on standard input."},
        footer = {"", "Examples:",
                "  nanoguide diff --base-rules rules cases/",
                "  nanoguide generate --count 500 > cohort.ndjson && nanoguide diff --base-rules rules --format json cohort.ndjson",
                "  (keep a copy of the rules before an edit, cp -r rules rules-before, and give it as --base-rules)",
                "", "Exit status: 0 no case changed; 1 some case changed; 2 usage or rule errors, or an input that could not be read "
                + "(the cases that could are still compared and printed)."})
final class DiffCommand extends RuleCommand {
    enum Format { text, json }

    @Option(names = "--base-rules", required = true, paramLabel = "DIR", description = "The rules before the edit (a folder of .drl files).")
    Path baseRules;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--certainty-delta", defaultValue = "" + Comparison.DEFAULT_CERTAINTY_DELTA, paramLabel = "X",
            description = "Report a certainty change only when it exceeds this (0 to 1). Default: ${DEFAULT-VALUE}.")
    double certaintyDelta;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Case files, folders, .ndjson files, or - for standard input.")
    List<String> inputs;

    @Override
    public Integer call() {
        PrintWriter err = err();
        PrintWriter out = out();
        if (!(certaintyDelta >= 0 && certaintyDelta <= 1)) {
            throw Options.usage(spec, "--certainty-delta must be between 0 and 1 (was " + certaintyDelta + ")");
        }
        RulesOption base = new RulesOption();
        base.rules = baseRules;
        KnowledgeBase before = base.load(err);
        if (before == null) return 2;
        KnowledgeBase after = rules.load(err);
        if (after == null) return 2;
        CaseSources sources = new CaseSources(Nanoguide.reader(), inputs, System.in);
        RuleDiff.Report report = RuleDiff.compare(Nanoguide.of(before), Nanoguide.of(after), sources, certaintyDelta, err::println);
        out.print(format == Format.json ? JsonRenderer.pretty(report) + System.lineSeparator() : RuleDiff.text(report));
        out.flush();
        err.flush();
        if (!report.problems().isEmpty()) return 2;
        return report.changed() > 0 ? 1 : 0;
    }
}
