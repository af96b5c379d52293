package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nanoguide.Nanoguide;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.model.CaseSources;
import org.nanoguide.render.HtmlRenderer;
import org.nanoguide.render.JsonRenderer;
import org.nanoguide.render.MarkdownRenderer;
import org.nanoguide.render.ResultJson;
import org.nanoguide.render.TextRenderer;
import org.nanoguide.whatif.SetValues;
import org.nanoguide.whatif.WhatIfJson;
import org.nanoguide.whatif.WhatIfRequest;
import org.nanoguide.whatif.WhatIfResult;
import org.nanoguide.whatif.WhatIfText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate cases and print the advice: ranked recommendations with reasons and citations, "
                + "exclusions and why, warnings.",
                "PATH is a .json file (one case or an array), a folder (its .json and .ndjson files, in name order), "
                        + "an .ndjson file (one case a line) or - (NDJSON on standard input)."},
        footer = {"", "Examples:",
                "  nanoguide evaluate cases/breast-her2-cardiac-doxorubicin.json",
                "  nanoguide evaluate --format json cases/",
                "  nanoguide generate --count 1000 | nanoguide evaluate --format ndjson - > results.ndjson",
                "  nanoguide evaluate --what-if cases/breast-unknown-her2-unknown-drug.json",
                "  nanoguide evaluate --set resources.nirLaser=true --set tumor.receptors.HER2=POSITIVE cases/skin-shallow-no-devices.json",
                "", "Exit status: 0 all evaluated; 1 some input rejected or not evaluated (every good case is still evaluated "
                + "and printed); 2 usage or rule errors."})
final class EvaluateCommand implements Callable<Integer> {
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    enum Format { text, markdown, html, json, ndjson }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RulesOption rules = new RulesOption();

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text, markdown, html, json (one object, or an array for several cases) or ndjson (one result a line, as each case finishes). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--trace", description = "List every rule firing with the facts it matched (text, markdown, html; JSON always has it).")
    boolean trace;

    @Option(names = "--quotes", description = "Under each reason, the review's words its rule rests on (text, markdown; "
            + "HTML shows them on hover, JSON always has them).")
    boolean quotes;

    @Option(names = "--threads", paramLabel = "N", description = "Cases evaluated in parallel; output keeps input order. Default: the number of cores.")
    Integer threads;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "10000",
            description = "Stop a case whose rules fire more often than this (a runaway rule). Default: ${DEFAULT-VALUE}.")
    int maxFirings;

    @Option(names = "--what-if", description = "Also say what would change the advice: the unknown inputs that would "
            + "(decisiveUnknowns), and for options not recommended the smallest change that would bring them in (nearMisses). "
            + "Re-evaluates the case about a hundred times.")
    boolean whatIf;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Evaluate the case with this value set (repeatable), "
            + "such as resources.nirLaser=true or tumor.receptors.HER2=POSITIVE; checked as a case file is, and every report says what was set.")
    List<String> set = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No summary line on standard error.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Case files, folders, .ndjson files, or - for standard input.")
    List<String> inputs;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (maxFirings < 1) {
            err.println("nanoguide evaluate: --max-firings must be at least 1");
            return 2;
        }
        WhatIfRequest request;
        try {
            request = new WhatIfRequest(SetValues.parse(set), whatIf);
        } catch (IllegalArgumentException e) {
            err.println("nanoguide evaluate: " + e.getMessage());
            return 2;
        }
        warmUpCaseReader();
        KnowledgeBase kb = rules.load(err);
        if (kb == null) return 2;
        Nanoguide guide = Nanoguide.of(kb).withMaxFirings(maxFirings);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            err.println("nanoguide evaluate: --threads must be at least 1");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.forStderr(err);
        Writer writer = new Writer(out);
        long[] counts = new long[3];
        CaseSources sources = new CaseSources(Nanoguide.reader(), inputs, System.in, true);
        try {
            java.util.function.Consumer<Outcome<Object>> sink = outcome -> {
                if (outcome instanceof Outcome.Evaluated<Object> e) {
                    counts[0]++;
                    writer.write(e.result(), e.rendered());
                } else {
                    counts[outcome instanceof Outcome.Rejected ? 1 : 2]++;
                    out.flush();
                    err.println(outcome instanceof Outcome.Rejected<Object> r ? r.message() : ((Outcome.Failed<Object>) outcome).message());
                }
                if (out instanceof StdOut s && s.failed()) throw new OutputClosed();
                progress.tick(counts[0] + counts[1] + counts[2]);
            };
            BatchRunner runner = new BatchRunner(guide, n, request);
            if (request.isNone()) runner.run(sources, sources::ready, out::flush, renderer(), sink);
            else runner.runWhatIf(sources, sources::ready, out::flush, whatIfRenderer(), sink);
            writer.finish();
            out.flush();
            if (out instanceof StdOut s && s.failed()) throw new OutputClosed();
        } catch (OutputClosed e) {
            progress.done();
            // what was evaluated after the last successful write is lost: say so, never report success
            err.println("nanoguide: standard output was closed (its reader went away) after " + counts[0]
                    + " result" + (counts[0] == 1 ? "" : "s") + "; stopped, results not all written");
            err.flush();
            return 1;
        }
        progress.done();
        long total = counts[0] + counts[1] + counts[2];
        if (!quiet) {
            err.println("nanoguide: " + total + " case" + (total == 1 ? "" : "s") + ": " + counts[0] + " evaluated, "
                    + counts[1] + " rejected, " + counts[2] + " failed");
        }
        err.flush();
        return counts[1] + counts[2] > 0 ? 1 : 0;
    }

    /**
     * Readies the case reader (Jackson, the compiled case schema, its validators) on another core
     * while this one loads the rules: about 0.2 s of a one-case cold start (docs/performance.md).
     * Best effort: the first real read waits for it if it has not finished.
     */
    private static void warmUpCaseReader() {
        Thread t = new Thread(() -> {
            try {
                Nanoguide.reader().readOne("warm-up", "{\"schemaVersion\": 1, \"id\": \"warm-up\", \"tumor\": {\"type\": \"LUNG\"}}");
            } catch (RuntimeException | LinkageError e) {
                // the real read reports any problem
            }
        }, "nanoguide-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * How a worker thread writes one result in the chosen format: a line of UTF-8 bytes for NDJSON,
     * text otherwise; null where the whole output is built at the end.
     */
    private java.util.function.Function<Result, Object> renderer() {
        return switch (format) {
            case ndjson -> r -> ResultJson.bytes(r, NEWLINE);
            case json -> JsonRenderer::pretty;
            case text -> r -> TextRenderer.render(r, trace, quotes);
            case markdown -> r -> MarkdownRenderer.render(r, trace, quotes);
            case html -> null;
        };
    }

    /** As {@link #renderer()}, with the values set and the what-if parts; for HTML, the part to add to the page. */
    private java.util.function.Function<WhatIfResult, Object> whatIfRenderer() {
        return switch (format) {
            case ndjson -> w -> WhatIfJson.bytes(w.result(), w.whatIf(), NEWLINE);
            case json -> w -> WhatIfJson.pretty(w.result(), w.whatIf());
            case text -> w -> withNote(TextRenderer.render(w.result(), trace, quotes), "  " + WhatIfText.setNote(w.whatIf()))
                    + WhatIfText.text(w.whatIf());
            case markdown -> w -> withNote(MarkdownRenderer.render(w.result(), trace, quotes), "> " + WhatIfText.setNote(w.whatIf()) + "\n")
                    + WhatIfText.markdown(w.whatIf());
            case html -> w -> WhatIfText.html(w.whatIf());
        };
    }

    /** The report with the note on values set under its first line (the case's name), when there is a note. */
    private static String withNote(String report, String note) {
        if (note.isBlank() || note.equals("> \n")) return report;
        int nl = report.indexOf('\n');
        return report.substring(0, nl + 1) + note + "\n" + report.substring(nl + 1);
    }

    /** Standard output refused a write: nothing more can be delivered, so the batch stops. */
    private static final class OutputClosed extends RuntimeException {
        OutputClosed() { super(null, null, false, false); }
    }

    /** Writes results in the chosen format as they come, holding at most one back (json) or the page (html). */
    private final class Writer {
        private final PrintWriter out;
        private String held;
        private int written;
        private final List<Result> page = new ArrayList<>();
        private final List<String> extras = new ArrayList<>();

        Writer(PrintWriter out) { this.out = out; }

        void write(Result r, Object result) {
            String rendered = result instanceof String s ? s : null;
            switch (format) {
                case ndjson -> {
                    if (out instanceof StdOut bytes) bytes.writeBytes((byte[]) result);
                    else out.print(new String((byte[]) result, java.nio.charset.StandardCharsets.UTF_8));
                }
                case json -> {
                    // one case prints one object; from the second on, an array
                    if (written == 0 && held == null) {
                        held = rendered;
                        return;
                    }
                    if (held != null) {
                        out.print("[\n");
                        out.print(indent(held));
                        held = null;
                    }
                    out.print(",\n");
                    out.print(indent(rendered));
                }
                case text -> {
                    if (written > 0) out.println("-".repeat(72));
                    out.print(rendered);
                }
                case markdown -> out.print(rendered);
                case html -> {
                    page.add(r);
                    extras.add(rendered);
                }
            }
            written++;
        }

        void finish() {
            switch (format) {
                case json -> {
                    if (held != null) out.println(held);
                    else if (written > 0) out.println("\n]");
                    else out.println("[]");
                }
                case html -> out.print(HtmlRenderer.page(page, trace, extras));
                default -> { }
            }
        }

        private String indent(String json) {
            return "  " + json.replace("\n", "\n  ");
        }
    }
}
