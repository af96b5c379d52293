package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.nanoguide.Nanoguide;
import org.nanoguide.whatif.SetValues;
import org.nanoguide.whatif.WhatIfJson;
import org.nanoguide.whatif.WhatIfRequest;
import org.nanoguide.whatif.WhatIfResult;
import org.nanoguide.whatif.WhatIfText;
import org.nanoguide.Outcome;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.References;
import org.nanoguide.model.CaseSources;
import org.nanoguide.render.CsvFormat;
import org.nanoguide.render.HtmlFormat;
import org.nanoguide.render.JsonFormat;
import org.nanoguide.render.MarkdownFormat;
import org.nanoguide.render.NdjsonFormat;
import org.nanoguide.render.Output;
import org.nanoguide.render.Printable;
import org.nanoguide.render.ResultFormat;
import org.nanoguide.render.TextFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate cases and print the advice: ranked recommendations with reasons and citations, "
                + "exclusions and why, warnings.",
                "PATH is a .json file (one case or an array), a folder (its .json, .ndjson and .csv files, in name order), "
                        + "an .ndjson file (one case a line), a .csv file (a header of case paths, one case a row) "
                        + "or - (standard input: NDJSON, or CSV when it starts with a header)."},
        footer = {"", "Examples:",
                "  nanoguide evaluate cases/breast-her2-cardiac-doxorubicin.json",
                "  nanoguide evaluate --format json cases/",
                "  nanoguide generate --count 1000 | nanoguide evaluate --format ndjson - > results.ndjson",
                "  nanoguide evaluate --what-if cases/breast-unknown-her2-unknown-drug.json",
                "  nanoguide evaluate --set resources.nirLaser=true --set tumor.receptors.HER2=POSITIVE cases/skin-shallow-no-devices.json",
                "", "Exit status: 0 all evaluated; 1 some input rejected or not evaluated (every good case is still evaluated "
                + "and printed); 2 usage or rule errors."})
final class EvaluateCommand extends RuleCommand {
    /** The output formats; each is one {@link ResultFormat} class, with how it shows a what-if result. */
    enum Format {
        text, markdown, html, json, ndjson, csv;

        /**
         * The format, and a result with its what-if parts in it: the format's own rendering of the
         * result, with the note on values set under the case's first line and the what-if sections
         * after it (inside the case's section in HTML); JSON with the fields added. Built together,
         * so that both give the same type of rendering.
         */
        Chosen<?> create(Output out, boolean trace, boolean quotes, References references, Nanoguide guide) {
            return switch (this) {
                case text -> {
                    TextFormat f = new TextFormat(out, trace, quotes, references);
                    yield new Chosen<>(f, w -> WhatIfText.withNote(f.render(w.result()), "  " + WhatIfText.setNote(w.whatIf()))
                            + WhatIfText.text(w.whatIf()));
                }
                case markdown -> {
                    MarkdownFormat f = new MarkdownFormat(out, trace, quotes, references);
                    yield new Chosen<>(f, w -> WhatIfText.withNote(f.render(w.result()), "> " + WhatIfText.setNote(w.whatIf()) + "\n")
                            + WhatIfText.markdown(w.whatIf()));
                }
                case html -> new Chosen<>(new HtmlFormat(out, trace, references, guide.withTrace(true)::evaluate),
                        w -> new HtmlFormat.Item(null, w.result(), WhatIfText.view(w.whatIf())));
                case json -> new Chosen<>(new JsonFormat(out), w -> WhatIfJson.pretty(w.result(), w.whatIf()));
                case ndjson -> new Chosen<>(new NdjsonFormat(out),
                        w -> WhatIfJson.bytes(w.result(), w.whatIf(), System.lineSeparator().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                case csv -> {
                    CsvFormat f = new CsvFormat(out);
                    yield new Chosen<>(f, w -> f.render(w.result()));
                }
            };
        }
    }

    /** An output format and its rendering of a what-if result. */
    record Chosen<R>(ResultFormat<R> format, java.util.function.Function<WhatIfResult, R> whatIf) { }

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text, markdown, html, json (one object, or an array for several cases), ndjson (one result a line, as each case finishes) "
                    + "or csv (a header, then one row per case: the first three options, exclusions, warnings). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--trace", description = "Add the trace: every rule firing with the facts it matched (every format; "
            + "without it a result says how many rules fired).")
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

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Case files, folders, .ndjson and .csv files, or - for standard input.")
    List<String> inputs;

    /** More threads than this is a typing mistake, and each costs a stack. */
    static final int MAX_THREADS = 1024;

    private Tally tally = Tally.NONE;

    @Override
    public Integer call() {
        Options.atLeast(spec, "--max-firings", maxFirings, 1);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Options.between(spec, "--threads", n, 1, MAX_THREADS);
        PrintWriter err = err();
        WhatIfRequest request;
        try {
            request = new WhatIfRequest(SetValues.parse(set), whatIf);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (whatIf && format == Format.csv) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--what-if has no CSV form (one row per case has no room for it); use --format json or ndjson");
        }
        warmUpCaseReader();
        KnowledgeBase kb = rules.load(err);
        if (kb == null) return 2;
        // the HTML report draws its reasoning graph from the trace (a table only with --trace); a what-if
        // result comes without its case, so it cannot be traced again later
        Nanoguide guide = Nanoguide.of(kb).withMaxFirings(maxFirings).withTrace(trace || (format == Format.html && !request.isNone()));
        PrintWriter out = out();
        // standard output as main() sets it up takes NDJSON bytes directly and reports a closed pipe
        Output output = out instanceof StdOut s ? s : Output.of(out);
        BooleanSupplier closed = out instanceof StdOut s ? s::failed : () -> false;
        Progress progress = Progress.forStderr(err);
        try {
            run(guide, n, request, format.create(output, trace, quotes, References.of(kb.files()), guide), out, err, closed, progress);
        } catch (OutputClosed e) {
            progress.done();
            // what was evaluated after the last successful write is lost: say so, never report success
            err.println("nanoguide: standard output " + (out instanceof StdOut s ? s.failure() : "was closed") + " after " + tally.evaluated()
                    + " result" + (tally.evaluated() == 1 ? "" : "s") + "; stopped, results not all written");
            err.flush();
            return 1;
        }
        progress.done();
        if (!quiet) err.println("nanoguide: " + tally);
        err.flush();
        return tally.allEvaluated() ? 0 : 1;
    }

    private <R> void run(Nanoguide guide, int threads, WhatIfRequest request, Chosen<R> chosen, PrintWriter out, PrintWriter err,
                         BooleanSupplier closed, Progress progress) {
        ResultFormat<R> f = chosen.format();
        CaseSources sources = new CaseSources(Nanoguide.reader(), inputs, System.in, true)
                .onNotRead(note -> err.println(Printable.line("nanoguide: " + note)));
        Interruption stop = new Interruption(out, err, () -> tally);
        java.util.function.Consumer<Outcome<R>> sink = outcome -> {
            synchronized (stop) {
                stop.holdIfStopping();
                tally = tally.plus(outcome);
                if (outcome instanceof Outcome.Evaluated<R> e) {
                    f.write(e.result(), e.rendered());
                } else {
                    out.flush();
                    for (String line : lines(outcome)) err.println(Printable.line(line));
                }
            }
            if (closed.getAsBoolean()) throw new OutputClosed();
            progress.tick(tally.total());
        };
        stop.install();
        try {
            BatchRunner runner = new BatchRunner(guide, threads, request);
            if (request.isNone()) runner.run(sources, sources::ready, stop::flush, f::render, sink);
            else runner.runWhatIf(sources, sources::ready, stop::flush, chosen.whatIf(), sink);
            synchronized (stop) {
                stop.holdIfStopping();
                f.finish();
                out.flush();
            }
        } finally {
            stop.remove();
        }
        if (closed.getAsBoolean()) throw new OutputClosed();
    }

    /**
     * What stderr says of an input without a result: one line per problem, each escaped so that
     * nothing in the input's own text (a field name with a line break) can add lines of its own.
     */
    private static List<String> lines(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> r) {
            return r.problems().isEmpty() ? List.of(r.message()) : r.problems();
        }
        return List.of(((Outcome.Failed<?>) outcome).message());
    }

    /**
     * Starts, before the command line is parsed, what every evaluation needs whatever its options:
     * the default rules and the case reader, each on a thread of its own, so that a short run
     * spends its start on both cores.
     */
    static void startAhead() {
        RulesOption.loadDefaultAhead();
        warmUpCaseReader();
    }

    private static final AtomicBoolean READER_WARMING = new AtomicBoolean();

    /**
     * Readies the case reader (Jackson, the compiled case schema, its validators) on a thread of
     * its own while the rules load: both are a large part of a one-case cold start.
     * Best effort: the first real read waits for it if it has not finished. Once a process.
     */
    private static void warmUpCaseReader() {
        if (!READER_WARMING.compareAndSet(false, true)) return;
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

    /** Standard output refused a write: nothing more can be delivered, so the batch stops. */
    private static final class OutputClosed extends RuntimeException {
        OutputClosed() { super(null, null, false, false); }
    }
}
