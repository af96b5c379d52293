package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.Expected;
import org.nanoguide.model.NanoCase;

/** The expected block's cautions, firings and certainty ranges, on the real rules and a real case. */
class ExpectationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IDS = TestKb.kb().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());

    /** The breast case with its expected block replaced by {@code expected}. */
    private static List<String> failures(String expected) throws Exception {
        ObjectNode c = (ObjectNode) JSON.readTree(Files.readString(TestKb.CASES.resolve("breast-her2-cardiac-doxorubicin.json")));
        c.set("expected", JSON.readTree(expected));
        List<CaseInput> in = Nanoguide.reader().readDocument("x.json", "x", JSON.writeValueAsBytes(c), 0).cases();
        assertTrue(in.get(0) instanceof CaseInput.Valid, () -> in.get(0).toString());
        NanoCase nc = ((CaseInput.Valid) in.get(0)).value();
        Result r = TestKb.guide().withTrace(true).evaluate(nc);
        return Expectations.failures(nc.expected(), r, IDS);
    }

    @Test
    void whatTheRulesDoPasses() throws Exception {
        assertEquals(List.of(), failures("""
                {"recommended": [{"carrier": "PEGYLATED_LIPOSOME", "rank": 1, "certainty": {"min": 0.9, "max": 1.0},
                                  "cautions": ["pegylated-liposome-cardioprotection"]}],
                 "cautions": ["label-condition-unknown"],
                 "fired": ["cardiac-risk-anthracycline"], "notFired": ["hematologic-no-solid-reasoning"]}"""));
    }

    @Test
    void aCertaintyOutsideTheRangeFailsAndSaysWhatCameOut() throws Exception {
        List<String> f = failures("{\"recommended\": [{\"carrier\": \"PEGYLATED_LIPOSOME\", \"rank\": 1, \"certainty\": {\"max\": 0.5}}]}");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("expected recommended: PEGYLATED_LIPOSOME at rank 1 with certainty at most 0.5; got #1 PEGYLATED_LIPOSOME"), f.get(0));
    }

    @Test
    void aCautionTheRecommendationDoesNotCarryFails() throws Exception {
        List<String> f = failures("{\"recommended\": [{\"carrier\": \"LIPOSOME\", \"cautions\": [\"pegylated-liposome-cardioprotection\"]}]}");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("with cautions from liposome-limitations"), f.get(0));
    }

    @Test
    void firingsAreCheckedBothWays() throws Exception {
        List<String> f = failures("{\"fired\": [\"gold-photothermal\"], \"notFired\": [\"cardiac-risk-anthracycline\"]}");
        assertEquals(List.of("expected rule gold-photothermal to fire; it did not (`nanoguide rules gold-photothermal --why-not CASE` says why)",
                "expected rule cardiac-risk-anthracycline not to fire; it fired"), f);
    }

    @Test
    void aMisspeltRuleIdFailsRatherThanPassingForever() throws Exception {
        List<String> f = failures("{\"notFired\": [\"cardiac-risk-anthracyclin\"]}");
        assertEquals(List.of("no rule has the id cardiac-risk-anthracyclin (named in the expected block; `nanoguide rules` lists them)"), f);
    }

    @Test
    void firingsNeedATrace() throws Exception {
        Expected e = new Expected(null, null, null, null, null, null, List.of("cardiac-risk-anthracycline"), null, null);
        NanoCase nc = ((CaseInput.Valid) Nanoguide.reader().readDocument("x.json", "x",
                Files.readAllBytes(TestKb.CASES.resolve("breast-her2-cardiac-doxorubicin.json")), 0).cases().get(0)).value();
        assertEquals(List.of("expected rule firings, but the case was evaluated without a trace"),
                Expectations.failures(e, TestKb.guide().evaluate(nc), IDS));
    }

    @Test
    void anUnknownFieldInTheCertaintyRangeIsRejected() throws Exception {
        ObjectNode c = (ObjectNode) JSON.readTree("{\"tumor\": {\"type\": \"BREAST\"}}");
        c.set("expected", JSON.readTree("{\"recommended\": [{\"carrier\": \"GOLD_NP\", \"certainty\": {\"minimum\": 0.2}}]}"));
        CaseInput in = Nanoguide.reader().readDocument("x.json", "x", JSON.writeValueAsBytes(c), 0).cases().get(0);
        assertTrue(in instanceof CaseInput.Rejected r && r.message().contains("$.expected.recommended[0].certainty"), in::toString);
    }
}
