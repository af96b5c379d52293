package org.nanoguide.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.explain.Result.Citation;
import org.nanoguide.explain.Result.ExcludedOption;
import org.nanoguide.explain.Result.Source;
import org.nanoguide.facts.Carrier;
import org.nanoguide.model.CaseGenerator;

/**
 * A result's JSON line is the same bytes however it is asked for (NDJSON, HTTP, the Java API), and
 * reads back into the same result: with a trace and without, with odd characters and nulls.
 */
class ResultJsonTest {
    private static void assertSameAsMapper(Result r) throws Exception {
        byte[] expected = Nanoguide.toJson(r).getBytes(StandardCharsets.UTF_8);
        byte[] actual = JsonRenderer.compactBytes(r);
        int at = java.util.Arrays.mismatch(expected, actual);
        if (at >= 0) {
            int from = Math.max(0, at - 60);
            assertEquals(window(expected, from), window(actual, from), r.caseId() + ": first difference at byte " + at);
        }
        String json = Nanoguide.toJson(r);
        assertEquals(json, Nanoguide.toJson(Nanoguide.fromJson(json)), r.caseId() + ": a result survives a JSON round trip");
    }

    private static String window(byte[] b, int from) {
        return new String(b, from, Math.min(b.length - from, 160), StandardCharsets.UTF_8);
    }

    @Test
    void everyExampleCaseIsWrittenAsTheMapperWritesIt() throws Exception {
        List<Path> files;
        files = TestKb.exampleCases();
        assertTrue(files.size() > 10);
        for (Path f : files) assertSameAsMapper(TestKb.guide().evaluate(Files.readString(f)));
    }

    @Test
    void generatedCasesAreWrittenAsTheMapperWritesThem() throws Exception {
        CaseGenerator gen = new CaseGenerator(20261129L);
        Nanoguide traced = TestKb.guide().withTrace(true);
        for (int i = 0; i < 3000; i++) assertSameAsMapper((i % 2 == 0 ? TestKb.guide() : traced).evaluate(gen.next().toString()));
    }

    @Test
    void oddValuesAreEscapedAndNullsKeptAsTheMapperDoes() throws Exception {
        Result base = TestKb.guide().evaluate(new CaseGenerator(3).next().toString());
        Citation odd = new Citation("id \"q\" \\ /", "tab\tnew\nline \u0001 é ✓ \uD83D\uDE00 \u2028", new Source("2.1", List.of(1, 2)), null);
        Result r = new Result("case \"é\"", "a <b> & ' description", base.knowledgeBase(), base.recommendations(),
                base.recommendations(),
                List.of(new ExcludedOption(Carrier.GOLD_NP, null, null, List.of(odd), List.of("x", "y"))),
                base.warnings(), base.findings(), base.firings(), base.trace(), base.disclaimer(), base.tumorType());
        assertSameAsMapper(r);
        Citation quoted = new Citation("ionp-deep", "deep", new Source("2.2(c)", List.of(17), "Deep-seated \"tumors\" \u2013 é\nnot useful."), 0.8);
        assertSameAsMapper(new Result("quoted", null, base.knowledgeBase(), base.recommendations(), base.considered(),
                List.of(new ExcludedOption(Carrier.SILVER_NP, null, null, List.of(quoted), List.of())), base.warnings(), base.findings(), base.firings(), base.trace(), null, null));
        Result noId = new Result(null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), 0, null, null, null);
        assertSameAsMapper(noId);
    }

    @Test
    void aHugeResultAndTheOnesAfterItAreWrittenWhole() throws Exception {
        Result base = TestKb.guide().evaluate(new CaseGenerator(7).next().toString());
        Result huge = new Result(base.caseId(), "x".repeat(3 << 20), base.knowledgeBase(), base.recommendations(),
                base.considered(), base.excluded(), base.warnings(), base.findings(), base.firings(), base.trace(), base.disclaimer(), base.tumorType());
        assertSameAsMapper(base);
        assertSameAsMapper(huge);
        assertSameAsMapper(base);
        assertSameAsMapper(huge);
    }

    @Test
    void theApiAndTheNdjsonLineAreTheSameBytes() throws Exception {
        Result r = TestKb.guide().evaluate(new CaseGenerator(5).next().toString());
        byte[] line = new NdjsonFormat(Output.of(new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()))).render(r);
        assertArrayEquals(Nanoguide.toJson(r).getBytes(StandardCharsets.UTF_8), line);
    }
}
