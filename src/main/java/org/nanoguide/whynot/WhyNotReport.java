package org.nanoguide.whynot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Why a rule did or did not fire on a case ({@code nanoguide rules ID --why-not CASE}).
 *
 * @param firings    when it fired: the facts each firing matched
 * @param conditions the rule's conditions in order, each with whether it held (with the ones before it)
 * @param failing    the number (1-based) of the first condition no facts satisfied; null when it fired or every condition holds
 * @param because    that condition's failure in words
 * @param closest    the facts that came closest to it: which of its constraints each passes and fails
 * @param limits     what this explanation cannot see
 */
@JsonPropertyOrder({"ruleId", "rule", "location", "caseId", "fired", "firings", "conditions", "failing", "because", "closest", "limits"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhyNotReport(String ruleId, String rule, String location, String caseId, boolean fired, List<List<String>> firings,
                           List<Condition> conditions, Integer failing, String because, List<CloseFact> closest, List<String> limits) {

    /** One top-level condition of the rule: its text as written and whether it held. */
    public record Condition(int number, String text, Status status) { }

    public enum Status {
        HOLDS, FAILS, NOT_REACHED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '); }
    }

    /** A fact of the failing condition's type, and which of the condition's constraints it passes and fails. */
    public record CloseFact(String fact, List<String> passes, List<String> fails) { }
}
