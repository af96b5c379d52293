package org.nanoguide.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.Modality;

/**
 * Rankings a clinician would insist on, checked on every example case rewritten: cardiac risk
 * with doxorubicin planned ranks PEGylated liposomal doxorubicin first, whatever else the case
 * says (review 2.1 [11]; O'Brien 2004); a heavy-metal concern never lets heavy-metal dots through.
 */
class ClinicalRankingTest {
    private final ObjectMapper json = new ObjectMapper();

    private List<ObjectNode> exampleCases() throws Exception {
        List<ObjectNode> out = new ArrayList<>();
        for (Path p : TestKb.exampleCases()) {
            ObjectNode c = (ObjectNode) json.readTree(p.toFile());
            c.remove("expected");
            out.add(c);
        }
        return out;
    }

    @Test
    void cardiacRiskWithDoxorubicinRanksPegylatedLiposomalDoxorubicinFirst() throws Exception {
        List<String> problems = new ArrayList<>();
        for (ObjectNode c : exampleCases()) {
            ObjectNode patient = c.has("patient") ? (ObjectNode) c.get("patient") : c.putObject("patient");
            patient.put("cardiacRisk", true);
            ObjectNode therapy = c.has("therapy") ? (ObjectNode) c.get("therapy") : c.putObject("therapy");
            ArrayNode drugs = therapy.has("plannedDrugs") ? (ArrayNode) therapy.get("plannedDrugs") : therapy.putArray("plannedDrugs");
            boolean has = false;
            for (var d : drugs) has |= d.asText().equalsIgnoreCase("DOXORUBICIN");
            if (!has) drugs.add("DOXORUBICIN");
            Result r = TestKb.guide().evaluate(json.writeValueAsString(c));
            Result.RankedRecommendation first = r.recommendations().isEmpty() ? null : r.recommendations().get(0);
            if (first == null || first.carrier() != Carrier.PEGYLATED_LIPOSOME || first.modality() != Modality.DRUG_DELIVERY) {
                problems.add(c.get("id").asText() + ": rank 1 is " + (first == null ? "nothing" : first.carrier() + " " + first.modality()));
            }
        }
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void heavyMetalConcernNeverRecommendsHeavyMetalDots() throws Exception {
        for (ObjectNode c : exampleCases()) {
            ObjectNode patient = c.has("patient") ? (ObjectNode) c.get("patient") : c.putObject("patient");
            patient.put("heavyMetalConcern", true);
            Result r = TestKb.guide().evaluate(json.writeValueAsString(c));
            assertFalse(r.recommendations().stream().anyMatch(x -> x.carrier() == Carrier.HEAVY_METAL_QD), c.get("id").asText());
        }
    }
}
