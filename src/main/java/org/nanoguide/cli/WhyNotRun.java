package org.nanoguide.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.nanoguide.Nanoguide;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseSources;
import org.nanoguide.render.JsonRenderer;
import org.nanoguide.whynot.WhyNot;
import org.nanoguide.whynot.WhyNotReport;
import org.nanoguide.whynot.WhyNotText;

/** {@code rules ID --why-not CASE}: every case of the path, explained for one rule. */
final class WhyNotRun {
    private WhyNotRun() { }

    /** @return 0 every case explained; 1 some case rejected; 2 the rules failed on a case, or a probe did not compile */
    static int run(KnowledgeBase kb, RuleInfo rule, String path, boolean json, PrintWriter out, PrintWriter err) {
        CaseSources sources = new CaseSources(Nanoguide.reader(), List.of(path), System.in);
        List<WhyNotReport> reports = new ArrayList<>();
        int code = 0;
        while (sources.hasNext()) {
            CaseInput in = sources.next();
            if (in instanceof CaseInput.Rejected r) {
                err.println(r.message());
                code = Math.max(code, 1);
                continue;
            }
            try {
                WhyNotReport report = WhyNot.explain(kb, rule, ((CaseInput.Valid) in).value());
                reports.add(report);
                if (!json) {
                    if (reports.size() > 1) out.println();
                    out.print(WhyNotText.render(report));
                }
            } catch (EvaluationException e) {
                err.println(in.source() + ": " + e.getMessage());
                code = 2;
            } catch (IllegalStateException e) {
                // a probe built from the rule's conditions did not compile: say so, the rule itself is fine
                err.println("nanoguide rules: cannot explain " + rule.quotedLabel() + " on " + in.source() + ": " + e.getMessage());
                code = 2;
            }
        }
        if (json) out.println(JsonRenderer.pretty(reports.size() == 1 ? reports.get(0) : reports));
        out.flush();
        err.flush();
        return code;
    }
}
