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

/** The streaming writer gives exactly the bytes of the Jackson mapper it stands in for. */
class ResultJsonTest {
    private static final byte[] NONE = new byte[0];

    private static void assertSameAsMapper(Result r) throws Exception {
        byte[] expected = JsonRenderer.mapper().writeValueAsBytes(r);
        byte[] actual = ResultJson.bytes(r, NONE);
        int at = java.util.Arrays.mismatch(expected, actual);
        if (at >= 0) {
            int from = Math.max(0, at - 60);
            assertEquals(window(expected, from), window(actual, from), r.caseId() + ": first difference at byte " + at);
        }
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
        for (int i = 0; i < 3000; i++) assertSameAsMapper(TestKb.guide().evaluate(gen.next().toString()));
    }

    @Test
    void oddValuesAreEscapedAndNullsKeptAsTheMapperDoes() throws Exception {
        Result base = TestKb.guide().evaluate(new CaseGenerator(3).next().toString());
        Citation odd = new Citation("id \"q\" \\ /", "tab\tnew\nline \u0001 é ✓ \uD83D\uDE00 \u2028", new Source("2.1", List.of(1, 2)), null);
        Result r = new Result("case \"é\"", "a <b> & ' description", base.knowledgeBase(), base.recommendations(),
                base.recommendations(),
                List.of(new ExcludedOption(Carrier.GOLD_NP, null, null, List.of(odd), List.of("x", "y"))),
                base.warnings(), base.findings(), base.trace(), base.disclaimer());
        assertSameAsMapper(r);
        Citation quoted = new Citation("ionp-deep", "deep", new Source("2.2(c)", List.of(17), "Deep-seated \"tumors\" \u2013 é\nnot useful."), 0.8);
        assertSameAsMapper(new Result("quoted", null, base.knowledgeBase(), base.recommendations(), base.considered(),
                List.of(new ExcludedOption(Carrier.SILVER_NP, null, null, List.of(quoted), List.of())), base.warnings(), base.findings(), base.trace(), null));
        Result noId = new Result(null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        assertSameAsMapper(noId);
    }

    @Test
    void aResultOverTheKeptBufferSizeAndTheOnesAfterItAreWrittenWhole() throws Exception {
        Result base = TestKb.guide().evaluate(new CaseGenerator(7).next().toString());
        Result huge = new Result(base.caseId(), "x".repeat(3 << 20), base.knowledgeBase(), base.recommendations(),
                base.considered(), base.excluded(), base.warnings(), base.findings(), base.trace(), base.disclaimer());
        assertSameAsMapper(base);
        assertSameAsMapper(huge);
        assertSameAsMapper(base);
        assertSameAsMapper(huge);
    }

    @Test
    void theApiAndTheNdjsonLineAreTheSameBytes() throws Exception {
        Result r = TestKb.guide().evaluate(new CaseGenerator(5).next().toString());
        byte[] line = ResultJson.bytes(r, new byte[] {'\n'});
        assertArrayEquals((Nanoguide.toJson(r) + "\n").getBytes(StandardCharsets.UTF_8), line);
    }
}
