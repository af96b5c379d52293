package org.nanoguide.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Targeting;
import org.nanoguide.facts.WarningCode;
import org.nanoguide.model.TumorType;

/**
 * The advice for one case, as result-format.md defines it (field names are the contract;
 * {@code considered}, {@code findings}, {@code products}, {@code evidenceBasis}, {@code against},
 * {@code overrides}, {@code rule} and {@code disclaimer} are added). {@code considered} holds the
 * options some rule supports but whose certainty is at or below {@link Certainty#OUTWEIGHED_AT_OR_BELOW}:
 * considered and outweighed, not recommended. {@code firings} counts the rule firings;
 * {@code trace} lists them, and is null unless asked for. Immutable; serialised by
 * {@link org.nanoguide.render.JsonRenderer}. {@code tumorType} (added) is the case's tumor type, so that a
 * result read alone (an NDJSON line, a CSV row) says which tumor it is for; null only for a
 * result built without a case.
 */
@JsonPropertyOrder({"caseId", "tumorType", "description", "knowledgeBase", "recommendations", "considered", "excluded", "warnings", "findings", "firings", "trace", "disclaimer"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Result(
        String caseId,
        String description,
        KnowledgeBaseRef knowledgeBase,
        List<RankedRecommendation> recommendations,
        List<RankedRecommendation> considered,
        List<ExcludedOption> excluded,
        List<CitedWarning> warnings,
        List<CitedFinding> findings,
        int firings,
        List<TraceStep> trace,
        String disclaimer,
        TumorType tumorType) {

    public static final String DISCLAIMER = "Research decision support only, not a prescription: "
            + "every recommendation must be judged by a qualified clinician against the current evidence.";

    public Result {
        recommendations = List.copyOf(recommendations);
        considered = List.copyOf(considered);
        excluded = List.copyOf(excluded);
        warnings = List.copyOf(warnings);
        findings = List.copyOf(findings);
        trace = trace == null ? null : List.copyOf(trace);
    }

    @JsonPropertyOrder({"version", "fingerprint", "rules"})
    public record KnowledgeBaseRef(String version, String fingerprint, int rules) { }

    /**
     * The rule that said something, and where the review says it.
     *
     * @param quote        the review's sentences the rule rests on, word for word ({@code @quote}); null when it has none
     * @param publicSource the public source of a fact the review does not state ({@code @source}: a label, an
     *                     agency decision, a trial, a paper), with {@code section} "beyond review"; null when none
     */
    @JsonPropertyOrder({"section", "refs", "quote", "publicSource"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String section, List<Integer> refs, String quote, String publicSource) {
        /** The section that marks a fact from outside the review. */
        public static final String BEYOND_REVIEW = "beyond review";

        public Source {
            refs = refs == null ? List.of() : List.copyOf(refs);
        }

        public Source(String section, List<Integer> refs) {
            this(section, refs, null, null);
        }

        public Source(String section, List<Integer> refs, String quote) {
            this(section, refs, quote, null);
        }

        /** True when the fact is not the review's, and {@code publicSource} says whose it is. */
        public boolean beyondReview() { return BEYOND_REVIEW.equalsIgnoreCase(section); }
    }

    @JsonPropertyOrder({"ruleId", "text", "source", "strength"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Citation(String ruleId, String text, Source source, Double strength) { }

    /**
     * One option: a carrier, a modality and its targeting (at most one ligand, with
     * {@code PASSIVE_EPR} when passive accumulation applies); a targeted variant is an option of
     * its own. {@code products} names the catalogued products its evidence rests on, and
     * {@code evidenceBasis} says how each matches (approved for this indication, off-label, in
     * trials).
     */
    @JsonPropertyOrder({"rank", "carrier", "modality", "targeting", "certainty", "evidence", "products", "summary",
            "reasons", "against", "cautions", "evidenceBasis"})
    public record RankedRecommendation(
            int rank,
            Carrier carrier,
            Modality modality,
            List<Targeting> targeting,
            double certainty,
            EvidenceLevel evidence,
            List<String> products,
            String summary,
            List<Citation> reasons,
            List<Citation> against,
            List<Citation> cautions,
            List<Citation> evidenceBasis) {
        public RankedRecommendation {
            targeting = List.copyOf(targeting);
            products = List.copyOf(products);
            reasons = List.copyOf(reasons);
            against = List.copyOf(against);
            cautions = List.copyOf(cautions);
            evidenceBasis = List.copyOf(evidenceBasis);
        }

        /** The option's ligand, or null when it is not actively targeted. */
        public Targeting ligand() {
            for (Targeting t : targeting) if (t != Targeting.PASSIVE_EPR) return t;
            return null;
        }
    }

    /**
     * A carrier ruled out (for one modality, or for all when {@code modality} is null; for one
     * ligand's variants only when {@code targeting} is set), why, and which support it overrode:
     * the "why not".
     */
    @JsonPropertyOrder({"carrier", "modality", "targeting", "reasons", "overrides"})
    public record ExcludedOption(Carrier carrier, Modality modality, Targeting targeting, List<Citation> reasons, List<String> overrides) {
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
