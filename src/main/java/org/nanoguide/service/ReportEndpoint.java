package org.nanoguide.service;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nanoguide.Nanoguide;
import org.nanoguide.kb.References;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseDocument;
import org.nanoguide.render.HtmlRenderer;
import org.nanoguide.whatif.WhatIfText;

/**
 * {@code POST /v1/report}: the case report as HTML, one section per case (the page shows it;
 * anyone can save it), with the reasoning graph, the references and, with {@code ?whatIf=true},
 * what would change the advice with a control to try each value. Cases (JSON, or CSV rows) are
 * read, checked and evaluated exactly as {@code /v1/evaluate} does, and the answer is bounded the same way:
 * a report holds every rule firing's graph and can be hundreds of times its case's size.
 */
record ReportEndpoint(LiveRules rules, EvaluationPool pool, Uploads uploads, int maxCases, long maxAnswerBytes, HeldAnswers held) {

    void handle(Context ctx) {
        boolean csv = RequestBody.isCsv(ctx.contentType());
        boolean whatIf = QueryFlags.of(ctx, List.of("whatIf")).on("whatIf");
        byte[] body = uploads.read(ctx.req());
        RequestBody.requireUtf8(body);
        CaseDocument doc = EvaluateEndpoint.read(body, csv);
        List<CaseInput> inputs = doc.cases();
        if (inputs.size() > maxCases) {
            throw new ApiException(413, "the request holds " + inputs.size() + " cases, over the limit of " + maxCases + " cases per request");
        }
        List<CaseInput.Valid> cases = EvaluateEndpoint.valid(inputs, doc.array());
        // the graph is drawn from the trace
        Nanoguide guide = rules.current().withTrace(true);
        References refs = References.of(guide.knowledgeBase().files());
        AnswerSize size = new AnswerSize(maxAnswerBytes, cases.size(), false, held);
        try {
            // each section's size is counted on the evaluation thread as it is made, as /v1/evaluate counts its
            // results; its ids are prefixed by its case's place in the request, so no counter is shared between turns
            List<byte[]> sections = pool.evaluate(guide, cases, (c, r) -> size.add(HtmlRenderer.report("c" + (c.index() + 1) + "-", c.value(), r, refs,
                    false, whatIf ? WhatIfText.view(guide.whatIf(c.value(), r)).interactively() : null).getBytes(StandardCharsets.UTF_8)));
            ctx.header(EvaluateEndpoint.FINGERPRINT_HEADER, guide.knowledgeBase().fingerprint());
            Answers.write(WebPage.secure(ctx).contentType(WebPage.HTML), sections, false, size.bytes());
        } finally {
            size.release();
        }
    }
}
