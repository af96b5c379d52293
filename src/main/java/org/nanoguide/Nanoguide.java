package org.nanoguide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanoguide.engine.Engine;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.explain.Explainer;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RulesInvalidException;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseReader;
import org.nanoguide.model.InvalidCaseException;
import org.nanoguide.model.NanoCase;
import org.nanoguide.render.JsonRenderer;
import org.nanoguide.whatif.Counterfactuals;
import org.nanoguide.whatif.WhatIf;
import org.nanoguide.whatif.WhatIfJson;
import org.nanoguide.whatif.WhatIfResult;

/**
 * The embedding API: load a knowledge base once, then evaluate cases from any number of threads.
 * <pre>{@code
 * Nanoguide guide = Nanoguide.bundled();            // or Nanoguide.fromFolder(Path.of("rules"))
 * Result result = guide.evaluate(caseJson);         // throws InvalidCaseException on bad input
 * String json = Nanoguide.toJson(result);           // the contract's JSON
 * Result traced = guide.withTrace(true).evaluate(caseJson); // with every rule firing
 * }</pre>
 *
 * <p><b>Threads.</b> An instance is immutable and thread-safe: share one across threads; each
 * evaluation runs in its own rule session. Loading takes up to seconds (the bundled rules load
 * precompiled, edited ones are compiled), evaluating a case takes well under a millisecond, so
 * build an instance once and keep it.
 *
 * <p><b>No global state.</b> Instances share nothing but the immutable case reader and
 * schema; two instances over different rules can serve side by side. To change rules, build a
 * new instance and swap it in (the HTTP service does this on reload, see
 * {@code org.nanoguide.service.LiveRules}).
 *
 * <p><b>Results.</b> {@link Result} and everything in it are immutable records.
 * {@link #toJson(Result)} gives the contract's JSON (result-format.md), byte for byte what
 * {@code nanoguide evaluate --format ndjson} prints for the same case and rules.
 *
 * <p><b>Errors.</b> Invalid input throws {@link InvalidCaseException}, whose message names the
 * JSON path (and the line and column, where known). Rules that misbehave (a runaway rule hits the
 * firing bound, or a rule fails) throw {@link EvaluationException}, naming the rules involved.
 */
public final class Nanoguide {
    private static final CaseReader READER = new CaseReader();

    private final KnowledgeBase knowledgeBase;
    private final Engine engine;
    private final boolean trace;
    /** Built on first use: the thresholds come from running the rules once. */
    private volatile Counterfactuals counterfactuals;

    private Nanoguide(KnowledgeBase knowledgeBase, Engine engine, boolean trace) {
        this.knowledgeBase = knowledgeBase;
        this.engine = engine;
        this.trace = trace;
    }

    /**
     * The rules bundled with this program (the project's {@code rules/} at build time).
     *
     * @throws RulesInvalidException when they do not compile; the problems name file and line
     */
    public static Nanoguide bundled() throws RulesInvalidException {
        return of(KnowledgeBaseLoader.loadBundled());
    }

    /**
     * The rules in a folder of {@code .drl} files (such as a copy of {@code rules/}), read and
     * compiled now; later edits to the folder do not affect this instance.
     *
     * @throws RulesInvalidException when they do not compile; the problems name file and line
     * @throws IOException           when the folder cannot be read
     */
    public static Nanoguide fromFolder(Path rulesDir) throws RulesInvalidException, IOException {
        return of(KnowledgeBaseLoader.load(rulesDir));
    }

    /** An instance over a knowledge base already compiled, with the default firing bound. */
    public static Nanoguide of(KnowledgeBase kb) {
        return new Nanoguide(kb, new Engine(), false);
    }

    /** The same knowledge base with another bound on rule firings per case (default 10,000). */
    public Nanoguide withMaxFirings(int maxFirings) {
        return new Nanoguide(knowledgeBase, new Engine(maxFirings), trace);
    }

    /**
     * The same rules, with or without a trace in each result: every rule firing with the facts it
     * matched (the contract's {@code trace}). Off by default: every result already says why
     * through its reasons and citations, and how many rules fired; the trace costs time and
     * space, and the knowledge base's fingerprint lets anyone replay a case to get it.
     */
    public Nanoguide withTrace(boolean trace) {
        return trace == this.trace ? this : new Nanoguide(knowledgeBase, engine, trace);
    }

    /** Whether results carry the trace ({@link #withTrace(boolean)}). */
    public boolean tracing() { return trace; }

    /** The compiled rules this instance evaluates with. */
    public KnowledgeBase knowledgeBase() { return knowledgeBase; }

    /** The knowledge base's version ({@code knowledge-base.properties}), as every result carries it. */
    public String version() { return knowledgeBase.version(); }

    /** sha256 over the rule files, as every result carries it: the same rules give the same fingerprint. */
    public String fingerprint() { return knowledgeBase.fingerprint(); }

    /** Every rule with its metadata (id, section, refs, strength, file and line). */
    public List<RuleInfo> rules() { return knowledgeBase.rules(); }

    /** The shared, thread-safe case reader and validator (the case schema is {@code reader().schemaText()}). */
    public static CaseReader reader() { return READER; }

    /**
     * Evaluates a case already in the model.
     *
     * @throws EvaluationException only when the rules misbehave (runaway or failing rule)
     */
    public Result evaluate(NanoCase c) {
        return Explainer.explain(engine.evaluate(knowledgeBase, c, trace));
    }

    /**
     * Reads, validates and evaluates one case given as JSON text (one object). A case without
     * an {@code id} gets the id {@code case}.
     *
     * @throws InvalidCaseException when the text is not a valid case; the message names the JSON path
     */
    public Result evaluate(String caseJson) throws InvalidCaseException {
        return evaluate(toCase(READER.readOne("case", caseJson)));
    }

    /**
     * Reads, validates and evaluates one case from a stream of UTF-8 JSON, read to its end (the
     * caller closes it).
     *
     * @throws InvalidCaseException when the text is not a valid case; the message names the JSON path
     */
    public Result evaluate(InputStream caseJson) throws InvalidCaseException, IOException {
        return evaluate(new String(caseJson.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Evaluates a JSON document of one case or an array of cases, in order. Every case is
     * validated before any is evaluated.
     *
     * @throws InvalidCaseException naming the first invalid case ({@code case[2]: $[2].tumor...})
     */
    public List<Result> evaluateAll(String json) throws InvalidCaseException {
        List<NanoCase> cases = new ArrayList<>();
        for (CaseInput in : READER.readDocument("case", "case", json.getBytes(StandardCharsets.UTF_8), 0).cases()) {
            cases.add(toCase(in));
        }
        List<Result> out = new ArrayList<>(cases.size());
        for (NanoCase c : cases) out.add(evaluate(c));
        return List.copyOf(out);
    }

    /** {@link #evaluateAll(String)} from a stream of UTF-8 JSON (the caller closes it). */
    public List<Result> evaluateAll(InputStream json) throws InvalidCaseException, IOException {
        return evaluateAll(new String(json.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Evaluates a case and asks what would change the advice (result-format.md, {@code
     * decisiveUnknowns} and {@code nearMisses}): the real rules re-evaluated on variants of the
     * case, about a hundred evaluations, so tens of milliseconds rather than one.
     *
     * @throws InvalidCaseException when the text is not a valid case; the message names the JSON path
     */
    public WhatIfResult evaluateWhatIf(String caseJson) throws InvalidCaseException {
        NanoCase c = toCase(READER.readOne("case", caseJson));
        Result base = evaluate(c);
        return new WhatIfResult(base, whatIf(c, base));
    }

    /** Decisive unknowns and near misses of a case whose result under these rules is {@code base}. */
    public WhatIf whatIf(NanoCase c, Result base) {
        return counterfactuals().explore(c, base);
    }

    /** The explorer of variants over these rules (shared, thread-safe). */
    public Counterfactuals counterfactuals() {
        Counterfactuals cf = counterfactuals;
        if (cf == null) {
            cf = Counterfactuals.of(this);
            counterfactuals = cf;
        }
        return cf;
    }

    /** The contract's JSON of a result with its what-if parts, on one line. */
    public static String toJson(WhatIfResult result) {
        return WhatIfJson.compact(result.result(), result.whatIf());
    }

    private static NanoCase toCase(CaseInput in) throws InvalidCaseException {
        if (in instanceof CaseInput.Rejected r) throw new InvalidCaseException(r.message(), r.problems());
        return ((CaseInput.Valid) in).value();
    }

    /** The contract's JSON for a result, on one line; the same result always gives the same bytes. */
    public static String toJson(Result result) {
        return JsonRenderer.compact(result);
    }

    /** A JSON array of results on one line, as {@code POST /v1/evaluate} answers an array of cases. */
    public static String toJson(List<Result> results) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(toJson(results.get(i)));
        }
        return sb.append(']').toString();
    }

    /** Reads a result back from its JSON (for storing and replaying answers). */
    public static Result fromJson(String resultJson) {
        return JsonRenderer.parse(resultJson);
    }
}
