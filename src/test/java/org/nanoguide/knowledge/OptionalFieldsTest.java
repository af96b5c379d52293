package org.nanoguide.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.RuleFiles;

/**
 * Unknown is not "no" (case-format.md): for every optional field a rule reads, every example
 * case is evaluated with that field left out, and the rules that need the field to say "no"
 * (or a value) must not fire. The table below is the documentation of what each rule does when
 * the field is absent; a test holds that every field the rules read is in it, so a new rule
 * reading a new field cannot skip this check.
 */
class OptionalFieldsTest {
    /** Dotted case path: the rules that must not fire when the case leaves it out. */
    private static final Map<String, Set<String>> NEVER_WHEN_ABSENT = new LinkedHashMap<>();

    static {
        never("patient.age", "label-age-other");
        never("patient.cardiacRisk", "label-cardiac-other", "cardiac-risk-anthracycline");
        never("patient.priorAnthracyclineMgPerM2", "cumulative-anthracycline");
        never("patient.heavyMetalConcern", "qd-heavy-metal-exclusion", "heavy-metal-no-silver", "heavy-metal-gold-caution", "carbon-np-biocompatible");
        never("patient.pregnant", "pregnancy-approved-only", "pregnancy-no-anti-her2");
        never("patient.renalImpairment", "renal-silicon-dots");
        never("patient.hepaticImpairment", "hepatic-liposomal-dose");
        never("tumor.subtype", "label-subtype-other", "subtype-of-another-type");
        never("tumor.depthCm", "finding-light-reachable", "finding-light-marginal", "finding-deep-lesion");
        never("tumor.sizeCm");
        never("tumor.metastatic", "label-metastatic-other", "local-therapy-metastatic");
        never("tumor.vascularLeakiness", "finding-epr-favourable");
        never("tumor.interstitialPressure");
        never("tumor.multidrugResistance", "mdr-combination-co-delivery", "mdr-single-agent-note", "gold-chemo-photothermal-mdr");
        never("tumor.receptors", "her2-antibody-targeting", "her2-targeting-unvalidated", "folate-receptor-targeting", "transferrin-receptor-targeting");
        never("therapy.priorLines", "label-first-line-other", "label-later-line-other");
        never("therapy.priorDrugs", "label-prior-drugs-other");
        never("therapy.plannedAnthracyclineMgPerM2", "cumulative-anthracycline-planned-only");
        never("therapy.geneSilencing");
        never("therapy.drugPoorlySoluble", "dendrimer-poorly-soluble");
        never("therapy.drugEnzymeLabile");
        never("therapy.sustainedReleaseWanted");
        never("goals.imaging", "qd-imaging-system-missing", "qd-imaging-system-unknown");
        never("goals.realTimeMonitoring", "qd-real-time-monitoring");
        never("goals.theranostic", "ionp-theranostic-hyperthermia-mri", "ionp-theranostic-mri", "qd-theranostic", "hybrid-targeted-theranostic");
        never("resources.nirLaser", "photothermal-laser-missing", "gold-photothermal", "gold-photothermal-marginal", "finding-light-by-fibre");
        never("resources.alternatingMagneticField", "hyperthermia-applicator-missing", "ionp-deep-tumor-hyperthermia");
        never("resources.mri", "ionp-mri-imaging", "qd-imaging-system-missing");
        never("resources.fluorescenceImaging", "qd-fluorescence-imaging", "qd-imaging-system-missing");
        never("resources.interstitialFibre", "finding-light-by-fibre");
        never("constraints.costSensitive", "liposome-cost", "polymeric-cost", "qd-cost", "targeted-variant-cost");
        never("constraints.evidence", "silver-ros-cytotoxic", "evidence-approved-only", "evidence-clinical-trial-minimum");
        never("constraints.region", "label-region-other");
    }

    private static void never(String field, String... ruleIds) {
        NEVER_WHEN_ABSENT.put(field, new TreeSet<>(List.of(ruleIds)));
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFieldLeftOutNeverFiresARuleThatNeedsItsValue() throws Exception {
        List<String> problems = new ArrayList<>();
        int evaluated = 0;
        for (Path p : TestKb.exampleCases()) {
            for (Map.Entry<String, Set<String>> e : NEVER_WHEN_ABSENT.entrySet()) {
                ObjectNode c = (ObjectNode) json.readTree(p.toFile());
                c.remove("expected");
                String[] path = e.getKey().split("\\.");
                if (!(c.get(path[0]) instanceof ObjectNode section) || !section.has(path[1])) continue;
                section.remove(path[1]);
                Result r = TestKb.guide().withTrace(true).evaluate(json.writeValueAsString(c));
                evaluated++;
                for (Result.TraceStep t : r.trace()) {
                    if (e.getValue().contains(t.ruleId())) {
                        problems.add(p.getFileName() + " without " + e.getKey() + ": " + t.ruleId() + " fired");
                    }
                }
            }
        }
        assertTrue(evaluated > 100, "the example cases set the optional fields: " + evaluated);
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    private static final Pattern PATTERN = Pattern.compile("\\b(Patient|Tumor|Therapy|Resources|Goals|Constraints)\\s*\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)");
    private static final Pattern FIELD = Pattern.compile("(?<![$\\w.\"])([a-z][A-Za-z0-9]*)\\s*(==|!=|>=|<=|>|<|\\bcontains\\b|\\bin\\b|\\bnot in\\b|,|\\)|$)");
    private static final Map<String, String> SECTION = Map.of("Patient", "patient", "Tumor", "tumor", "Therapy", "therapy",
            "Resources", "resources", "Goals", "goals", "Constraints", "constraints");
    /** Derived or always-present properties, not optional case fields. */
    private static final Set<String> NOT_OPTIONAL = Set.of("tumor.type", "tumor.solid", "tumor.hematologic", "tumor.subtypeOfType",
            "tumor.deepMarginCm", "constraints.evidenceStated", "therapy.plannedDrugs");

    @Test
    void everyOptionalFieldTheRulesReadIsInTheTable() {
        Set<String> read = new TreeSet<>();
        for (RuleFiles.RuleFile f : RuleFiles.bundled().drlFiles()) {
            String code = f.text().replaceAll("(?m)//.*$", "").replaceAll("\"[^\"]*\"", "\"\"");
            Matcher m = PATTERN.matcher(code);
            while (m.find()) {
                Matcher field = FIELD.matcher(m.group(2));
                while (field.find()) {
                    if (!Set.of("null", "true", "false").contains(field.group(1))) read.add(SECTION.get(m.group(1)) + "." + field.group(1));
                }
            }
        }
        read.removeAll(NOT_OPTIONAL);
        assertTrue(read.contains("patient.pregnant") && read.contains("resources.nirLaser"), "the scan finds fields: " + read);
        Set<String> missing = read.stream().filter(f -> !NEVER_WHEN_ABSENT.containsKey(f)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "fields the rules read that the unknown-is-not-no table does not document");
    }
}
