package org.nanoguide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanoguide.engine.Engine;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.explain.Explainer;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.KnowledgeBaseLoader;
import org.nanoguide.kb.RulesInvalidException;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseReader;
import org.nanoguide.model.InvalidCaseException;
import org.nanoguide.model.NanoCase;
import org.nanoguide.render.JsonRenderer;

/**
 * The embedding API: load a knowledge base once, then evaluate cases from any number of threads.
 * <pre>{@code
 * Nanoguide guide = Nanoguide.bundled();            // or Nanoguide.fromFolder(Path.of("rules"))
 * Result result = guide.evaluate(caseJson);         // throws InvalidCaseException on bad input
 * String json = Nanoguide.toJson(result);           // the contract's JSON
 * }</pre>
 * Instances are immutable and thread-safe and hold no global state; results are immutable.
 * To change rules, build a new instance and swap it in (the service does this on reload).
 */
public final class Nanoguide {
    private static final CaseReader READER = new CaseReader();

    private final KnowledgeBase knowledgeBase;
    private final Engine engine;

    private Nanoguide(KnowledgeBase knowledgeBase, Engine engine) {
        this.knowledgeBase = knowledgeBase;
        this.engine = engine;
    }

    /** The rules bundled with this program. */
    public static Nanoguide bundled() throws RulesInvalidException {
        return of(KnowledgeBaseLoader.loadBundled());
    }

    /** The rules in a folder of {@code .drl} files (such as a copy of {@code rules/}). */
    public static Nanoguide fromFolder(Path rulesDir) throws RulesInvalidException, IOException {
        return of(KnowledgeBaseLoader.load(rulesDir));
    }

    public static Nanoguide of(KnowledgeBase kb) {
        return new Nanoguide(kb, new Engine());
    }

    /** The same knowledge base with another bound on rule firings per case. */
    public Nanoguide withMaxFirings(int maxFirings) {
        return new Nanoguide(knowledgeBase, new Engine(maxFirings));
    }

    public KnowledgeBase knowledgeBase() { return knowledgeBase; }

    /** The shared, thread-safe case reader and validator. */
    public static CaseReader reader() { return READER; }

    /** Evaluates a valid case. Throws {@link EvaluationException} only when the rules misbehave. */
    public Result evaluate(NanoCase c) {
        return Explainer.explain(engine.evaluate(knowledgeBase, c));
    }

    /** Reads, validates and evaluates one case given as JSON text. */
    public Result evaluate(String caseJson) throws InvalidCaseException {
        return evaluate(toCase(READER.readOne("case", caseJson)));
    }

    /** Reads, validates and evaluates one case from a stream of JSON. */
    public Result evaluate(InputStream caseJson) throws InvalidCaseException, IOException {
        return evaluate(new String(caseJson.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Evaluates a JSON document of one case or an array of cases; throws on the first invalid one. */
    public List<Result> evaluateAll(String json) throws InvalidCaseException {
        List<Result> out = new ArrayList<>();
        for (CaseInput in : READER.readDocument("case", "case", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0)) {
            out.add(evaluate(toCase(in)));
        }
        return out;
    }

    private static NanoCase toCase(CaseInput in) throws InvalidCaseException {
        if (in instanceof CaseInput.Rejected r) throw new InvalidCaseException(r.message());
        return ((CaseInput.Valid) in).value();
    }

    /** The contract's JSON for a result, on one line; the same result always gives the same bytes. */
    public static String toJson(Result result) {
        return JsonRenderer.compact(result);
    }
}
