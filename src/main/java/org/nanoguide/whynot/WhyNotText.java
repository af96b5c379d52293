package org.nanoguide.whynot;

import java.util.List;

/** {@code rules ID --why-not CASE} as text for the rule's author. */
public final class WhyNotText {
    private WhyNotText() { }

    public static String render(WhyNotReport r) {
        StringBuilder sb = new StringBuilder();
        String rule = (r.ruleId() == null ? "" : r.ruleId() + " ") + "(\"" + r.rule() + "\", " + r.location() + ")";
        String onCase = r.caseId() == null ? "this case" : "case " + r.caseId();
        if (r.fired()) {
            sb.append("Rule ").append(rule).append(" fired on ").append(onCase).append(' ').append(r.firings().size())
                    .append(r.firings().size() == 1 ? " time" : " times").append(", matching:\n");
            for (List<String> facts : r.firings()) sb.append("  ").append(String.join("; ", facts)).append('\n');
            return sb.toString();
        }
        sb.append("Rule ").append(rule).append(" did not fire on ").append(onCase).append(".\n");
        if (!r.conditions().isEmpty()) {
            sb.append("\nIts conditions, in order (each checked together with the ones before it):\n");
            for (WhyNotReport.Condition c : r.conditions()) {
                String status = c.status() == WhyNotReport.Status.FAILS ? "FAILS" : c.status().json();
                sb.append(String.format(java.util.Locale.ROOT, "  %d. %-12s %s%n", c.number(), status, c.text().replaceAll("\\s*\\n\\s*", " ")));
            }
        }
        sb.append('\n').append(r.failing() == null ? "" : "Condition " + r.failing() + " failed: ").append(r.because()).append(".\n");
        if (r.closest() != null && !r.closest().isEmpty()) {
            sb.append("\nClosest facts (the constraints of condition ").append(r.failing()).append(" each passes and fails):\n");
            for (WhyNotReport.CloseFact f : r.closest()) {
                sb.append("  ").append(f.fact()).append('\n');
                if (!f.fails().isEmpty()) sb.append("      fails:  ").append(String.join("  |  ", f.fails())).append('\n');
                if (!f.passes().isEmpty()) sb.append("      passes: ").append(String.join("  |  ", f.passes())).append('\n');
            }
        }
        if (!r.limits().isEmpty()) {
            sb.append("\nLimits:\n");
            for (String l : r.limits()) sb.append("  - ").append(l).append('\n');
        }
        return sb.toString();
    }
}
