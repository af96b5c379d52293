package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nanoguide.explain.Result;

/** The README's embedding example, compiled and run as written (the body of {@link #example()}). */
class EmbeddingExampleTest {

    static void example() throws Exception {
        // --- README snippet: begin ---
        Nanoguide guide = Nanoguide.bundled();   // or Nanoguide.fromFolder(Path.of("rules")); build once, share across threads
        String caseJson = """
            {"id": "deep-1", "tumor": {"type": "PANCREATIC", "depthCm": 8.0},
             "resources": {"alternatingMagneticField": true, "mri": true}}""";
        Result result = guide.evaluate(caseJson);   // InvalidCaseException names the JSON path of bad input
        for (Result.RankedRecommendation r : result.recommendations()) {
            System.out.println(r.rank() + ". " + r.carrier() + " / " + r.modality() + ", certainty " + r.certainty()
                    + ", because " + r.reasons().get(0).text() + " [" + r.reasons().get(0).ruleId() + "]");
        }
        System.out.println(Nanoguide.toJson(result));   // the contract's JSON, as the CLI and the service give it
        // --- README snippet: end ---
    }

    @Test
    void theReadmeExampleRunsAndPrintsAdvice() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            example();
        } finally {
            System.setOut(saved);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("1. IRON_OXIDE_NP / MAGNETIC_HYPERTHERMIA"), out);
        assertTrue(out.contains("[ionp-deep-tumor-hyperthermia]"), out);
        assertTrue(out.contains("{\"caseId\":\"deep-1\""), out);
    }
}
