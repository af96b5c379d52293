package org.nanoguide.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Targeting;
import org.nanoguide.facts.WarningCode;

/**
 * Hematologic cancers have no solid lesion: whatever else a case says (depth, leaky vessels, a
 * laser, an applicator), they never get photothermal, chemo-photothermal, magnetic hyperthermia
 * or passive EPR, and always get the HEMATOLOGIC_MALIGNANCY warning. Checked on every example
 * case, rewritten to each hematologic tumor type.
 */
class HematologicCasesTest {
    private static final List<String> HEMATOLOGIC = List.of("LEUKEMIA", "LYMPHOMA", "MULTIPLE_MYELOMA", "OTHER_HEMATOLOGIC");
    private static final List<Modality> SOLID_ONLY = List.of(Modality.PHOTOTHERMAL, Modality.CHEMO_PHOTOTHERMAL, Modality.MAGNETIC_HYPERTHERMIA);

    @Test
    void hematologicCasesGetNoSolidTumorReasoning() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        files = TestKb.exampleCases();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path p : files) {
            for (String type : HEMATOLOGIC) {
                ObjectNode c = (ObjectNode) json.readTree(p.toFile());
                c.remove("expected");
                ((ObjectNode) c.get("tumor")).put("type", type);
                Result r = TestKb.guide().evaluate(json.writeValueAsString(c));
                checked++;
                String where = p.getFileName() + " as " + type;
                for (Result.RankedRecommendation rec : r.recommendations()) {
                    if (SOLID_ONLY.contains(rec.modality())) problems.add(where + ": " + rec.carrier() + " " + rec.modality());
                    if (rec.targeting().contains(Targeting.PASSIVE_EPR)) problems.add(where + ": PASSIVE_EPR on " + rec.carrier());
                }
                if (r.warnings().stream().noneMatch(w -> w.code() == WarningCode.HEMATOLOGIC_MALIGNANCY)) {
                    problems.add(where + ": no HEMATOLOGIC_MALIGNANCY warning");
                }
                if (r.warnings().stream().anyMatch(w -> w.code() == WarningCode.EPR_COMPROMISED)) {
                    problems.add(where + ": EPR reasoning applied");
                }
            }
        }
        assertTrue(checked > 0);
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }
}
