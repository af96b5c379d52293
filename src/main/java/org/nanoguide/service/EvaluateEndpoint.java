package org.nanoguide.service;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.nanoguide.Nanoguide;
import org.nanoguide.explain.Result;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseDocument;
import org.nanoguide.render.JsonRenderer;
import org.nanoguide.whatif.WhatIfJson;

/**
 * {@code POST /v1/evaluate}, request and response only: the body ({@link RequestBody}) becomes
 * cases, every invalid case is a 400 before anything is evaluated, the cases go to the
 * {@link EvaluationPool}, and the results come back as the contract's JSON, one object for a
 * case, an array for an array or for CSV rows.
 */
final class EvaluateEndpoint {
    /** The source name that messages about a request body use, as the CLI uses a file's name. */
    static final String SOURCE = "request";
    static final String FINGERPRINT_HEADER = "Nanoguide-Rules-Fingerprint";

    private final LiveRules rules;
    private final EvaluationPool pool;
    private final Uploads uploads;
    private final int maxCases;
    private final long maxAnswerBytes;
    private final HeldAnswers held;

    EvaluateEndpoint(LiveRules rules, EvaluationPool pool, Uploads uploads, int maxCases, long maxAnswerBytes, HeldAnswers held) {
        this.rules = rules;
        this.pool = pool;
        this.uploads = uploads;
        this.maxCases = maxCases;
        this.maxAnswerBytes = maxAnswerBytes;
        this.held = held;
    }

    void handle(Context ctx) {
        boolean csv = RequestBody.isCsv(ctx.contentType());
        QueryFlags flags = QueryFlags.of(ctx, List.of("trace", "whatIf"));
        boolean whatIf = flags.on("whatIf");
        byte[] body = uploads.read(ctx.req());
        RequestBody.requireUtf8(body);
        CaseDocument doc = read(body, csv);
        List<CaseInput> inputs = doc.cases();
        if (inputs.size() > maxCases) {
            throw new ApiException(413, "the request holds " + inputs.size() + " cases, over the limit of " + maxCases
                    + " cases per request; send them in several requests");
        }
        boolean array = doc.array();
        List<CaseInput.Valid> cases = valid(inputs, array);
        // once per request: a reload never changes the rules under it
        Nanoguide guide = rules.current().withTrace(flags.on("trace"));
        AnswerSize size = new AnswerSize(maxAnswerBytes, cases.size(), array, held);
        try {
            // the size is counted on the evaluation thread as each result is made, so an answer that
            // cannot be sent stops the evaluation there and costs no more work than its limit
            List<byte[]> results = whatIf
                    ? pool.evaluate(guide, cases, (c, r) -> size.add(WhatIfJson.bytes(r, guide.whatIf(c.value(), r), new byte[0])))
                    : pool.evaluate(guide, cases, (c, r) -> size.add(JsonRenderer.compactBytes(r)));
            ctx.header(FINGERPRINT_HEADER, guide.knowledgeBase().fingerprint());
            // returns once the client has read the answer, or has gone or been cut
            Answers.json(ctx, results, array, size.bytes());
        } finally {
            size.release();
        }
    }

    /**
     * The cases of a body: a JSON case or array, or CSV rows, named as the request and its rows.
     * CSV holds rows, so its answer is an array even for a single row.
     */
    static CaseDocument read(byte[] body, boolean csv) {
        return csv ? new CaseDocument(Nanoguide.reader().readCsv(SOURCE, body, 0), true)
                : Nanoguide.reader().readDocument(SOURCE, SOURCE, body, 0);
    }

    /**
     * The cases, when all are valid.
     *
     * @param array whether the body holds several cases (an array, CSV rows), so that each problem names its case
     * @throws ApiException 400 naming the first problem, listing all as text in {@code errors} (when
     *                      more than one) and field by field in {@code problems}
     */
    static List<CaseInput.Valid> valid(List<CaseInput> inputs, boolean array) {
        List<String> rejected = new ArrayList<>();
        List<ApiError.Problem> problems = new ArrayList<>();
        List<CaseInput.Valid> valid = new ArrayList<>(inputs.size());
        for (CaseInput in : inputs) {
            if (in instanceof CaseInput.Rejected r) {
                // a problem of the whole body (not JSON, an empty array) belongs to no case
                Long at = array && !r.source().equals(SOURCE) ? r.index() : null;
                if (r.problems().isEmpty()) {
                    rejected.add(r.message());
                    problems.add(new ApiError.Problem(at, r.source(), null, null, null, null, r.message()));
                } else {
                    r.problems().forEach(p -> {
                        rejected.add(p.toString());
                        problems.add(ApiError.Problem.of(at, p));
                    });
                }
            } else {
                valid.add((CaseInput.Valid) in);
            }
        }
        if (rejected.isEmpty()) return valid;
        // "error" is the first problem; "errors" lists every problem of every rejected case
        String first = rejected.get(0);
        throw new ApiException(400, rejected.size() == 1 ? first
                : first + " (and " + (rejected.size() - 1) + " more problem" + (rejected.size() > 2 ? "s" : "") + ", in errors)",
                rejected.size() == 1 ? List.of() : rejected, problems);
    }
}
