package org.nanoguide.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.engine.Engine;
import org.nanoguide.engine.Evaluation;
import org.nanoguide.facts.Finding;
import org.nanoguide.facts.Warning;
import org.nanoguide.model.CaseGenerator;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.NanoCase;

/**
 * An immutable knowledge base drops from a session's store every fact no pattern matches (the
 * warnings, for one), so the engine must learn what the rules concluded and withdrew from the
 * session's events, never from its store.
 */
class ImmutableKnowledgeBaseTest {
    @Test
    void aLogicalConclusionNoPatternMatchesIsNotReportedOnceWithdrawn(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        // no rule matches a Warning; truth maintenance withdraws this one when the finding comes
        Files.writeString(rules.resolve("zz-test.drl"), TestKb.DRL_HEADER + """
                rule "test: a logical warning while there is no test finding"
                    @id("test-logical-warning") @section("beyond review") @refs("")
                when
                    Patient()
                    not Finding( code == "ZZ_TEST" )
                then
                    insertLogical(new Warning(WarningCode.MISSING_DATA, "test"));
                end

                rule "test: the test finding, after every other rule"
                    @id("test-finding") @section("beyond review") @refs("") salience -100
                when
                    Patient()
                then
                    insert(new Finding("ZZ_TEST", "test"));
                end
                """);
        KnowledgeBase kb = KnowledgeBaseLoader.compile(RuleFiles.fromFolder(rules));
        byte[] json = new CaseGenerator(1).next().toString().getBytes(StandardCharsets.UTF_8);
        NanoCase c = ((CaseInput.Valid) Nanoguide.reader().readDocument("test", "test", json, 0).cases().get(0)).value();
        for (boolean trace : List.of(false, true)) {
            Evaluation ev = new Engine().evaluate(kb, c, trace);
            assertEquals(0, ev.all(Warning.class).stream().filter(w -> w.fact().text().equals("test")).count(), ev.conclusions().toString());
            assertEquals(1, ev.all(Finding.class).stream().filter(f -> f.fact().code().equals("ZZ_TEST")).count());
            if (trace) {
                assertEquals(1, ev.trace().stream().filter(f -> "test-logical-warning".equals(f.rule().id())).count(),
                        "the warning was concluded before it was withdrawn");
            }
        }
    }
}
