package org.nanoguide.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Targeting;
import org.nanoguide.facts.WarningCode;

/**
 * The advice for one case, as result-format.md defines it (field names are the contract;
 * {@code findings}, {@code against}, {@code overrides}, {@code rule} and {@code disclaimer}
 * are added). Immutable; serialised by {@link org.nanoguide.render.JsonRenderer}.
 */
@JsonPropertyOrder({"caseId", "description", "knowledgeBase", "recommendations", "excluded", "warnings", "findings", "trace", "disclaimer"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Result(
        String caseId,
        String description,
        KnowledgeBaseRef knowledgeBase,
        List<RankedRecommendation> recommendations,
        List<ExcludedOption> excluded,
        List<CitedWarning> warnings,
        List<CitedFinding> findings,
        List<TraceStep> trace,
        String disclaimer) {

    public static final String DISCLAIMER = "Research decision support only, not a prescription: "
            + "every recommendation must be judged by a qualified clinician against the current evidence.";

    public Result {
        recommendations = List.copyOf(recommendations);
        excluded = List.copyOf(excluded);
        warnings = List.copyOf(warnings);
        findings = List.copyOf(findings);
        trace = List.copyOf(trace);
    }

    @JsonPropertyOrder({"version", "fingerprint", "rules"})
    public record KnowledgeBaseRef(String version, String fingerprint, int rules) { }

    /**
     * The rule that said something, and where the review says it.
     *
     * @param quote the review's sentences the rule rests on, word for word ({@code @quote}); null when it has none
     */
    @JsonPropertyOrder({"section", "refs", "quote"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String section, List<Integer> refs, String quote) {
        public Source {
            refs = refs == null ? List.of() : List.copyOf(refs);
        }

        public Source(String section, List<Integer> refs) {
            this(section, refs, null);
        }
    }

    @JsonPropertyOrder({"ruleId", "text", "source", "strength"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Citation(String ruleId, String text, Source source, Double strength) { }

    @JsonPropertyOrder({"rank", "carrier", "modality", "targeting", "certainty", "evidence", "summary", "reasons", "against", "cautions"})
    public record RankedRecommendation(
            int rank,
            Carrier carrier,
            Modality modality,
            List<Targeting> targeting,
            double certainty,
            EvidenceLevel evidence,
            String summary,
            List<Citation> reasons,
            List<Citation> against,
            List<Citation> cautions) {
        public RankedRecommendation {
            targeting = List.copyOf(targeting);
            reasons = List.copyOf(reasons);
            against = List.copyOf(against);
            cautions = List.copyOf(cautions);
        }
    }

    /**
     * A carrier ruled out (for one modality, or for all when {@code modality} is null), why, and
     * which support it overrode: the "why not".
     */
    @JsonPropertyOrder({"carrier", "modality", "reasons", "overrides"})
    public record ExcludedOption(Carrier carrier, Modality modality, List<Citation> reasons, List<String> overrides) {
        public ExcludedOption {
            reasons = List.copyOf(reasons);
            overrides = List.copyOf(overrides);
        }
    }

    @JsonPropertyOrder({"code", "ruleId", "text", "source"})
    public record CitedWarning(WarningCode code, String ruleId, String text, Source source) { }

    /** An intermediate conclusion (a threshold applied, a drug class recognised). */
    @JsonPropertyOrder({"code", "ruleId", "text", "source"})
    public record CitedFinding(String code, String ruleId, String text, Source source) { }

    @JsonPropertyOrder({"ruleId", "rule", "facts"})
    public record TraceStep(String ruleId, String rule, List<String> facts) {
        public TraceStep {
            facts = List.copyOf(facts);
        }
    }
}
