package org.nanoguide.service;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nanoguide.Nanoguide;
import org.nanoguide.explain.Result;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseReader;

/**
 * {@code POST /v1/evaluate}, request and response only: the body ({@link RequestBody}) becomes
 * cases, every invalid case is a 400 before anything is evaluated, the cases go to the
 * {@link EvaluationPool}, and the results come back as the contract's JSON, one object for a
 * case, an array for an array.
 */
final class EvaluateEndpoint {
    /** The source name that messages about a request body use, as the CLI uses a file's name. */
    static final String SOURCE = "request";
    static final String FINGERPRINT_HEADER = "Nanoguide-Rules-Fingerprint";

    private final LiveRules rules;
    private final EvaluationPool pool;
    private final long maxBodyBytes;
    private final CaseReader reader = Nanoguide.reader();

    EvaluateEndpoint(LiveRules rules, EvaluationPool pool, long maxBodyBytes) {
        this.rules = rules;
        this.pool = pool;
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(Context ctx) {
        RequestBody.requireJson(ctx.contentType());
        byte[] body = RequestBody.read(ctx.req()::getInputStream, ctx.req().getContentLengthLong(), maxBodyBytes);
        List<CaseInput.Valid> cases = valid(reader.readDocument(SOURCE, SOURCE, body, 0));
        Nanoguide guide = rules.current(); // once per request: a reload never changes the rules under it
        List<Result> results = pool.evaluate(guide, cases);
        String out = RequestBody.isArray(body) ? Nanoguide.toJson(results) : Nanoguide.toJson(results.get(0));
        ctx.header(FINGERPRINT_HEADER, guide.knowledgeBase().fingerprint());
        Answers.json(ctx, out.getBytes(StandardCharsets.UTF_8));
    }

    /** The cases, when all are valid. @throws ApiException 400 naming the first invalid one, listing all */
    private static List<CaseInput.Valid> valid(List<CaseInput> inputs) {
        List<String> rejected = new ArrayList<>();
        List<CaseInput.Valid> valid = new ArrayList<>(inputs.size());
        for (CaseInput in : inputs) {
            if (in instanceof CaseInput.Rejected r) rejected.add(r.message());
            else valid.add((CaseInput.Valid) in);
        }
        if (rejected.isEmpty()) return valid;
        String first = rejected.get(0);
        throw new ApiException(400, rejected.size() == 1 ? first
                : first + " (and " + (rejected.size() - 1) + " more invalid case" + (rejected.size() > 2 ? "s" : "") + ")",
                rejected.size() == 1 ? List.of() : rejected);
    }
}
