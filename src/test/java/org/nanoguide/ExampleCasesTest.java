package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nanoguide.check.Expectations;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.model.CaseInput;

/** Every example case in cases/ gives the advice its expected block says, on the real rules. */
class ExampleCasesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleCaseGivesItsExpectedAdvice() throws Exception {
        List<Path> files;
        files = TestKb.exampleCases();
        assertFalse(files.isEmpty(), "cases/ holds no example case");
        Set<String> ids = TestKb.kb().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<CaseInput> inputs = Nanoguide.reader().readDocument(file.toString(), "x", Files.readAllBytes(file), 0).cases();
            for (CaseInput in : inputs) {
                assertTrue(in instanceof CaseInput.Valid, () -> "example case rejected: " + ((CaseInput.Rejected) in).message());
                var c = ((CaseInput.Valid) in).value();
                assertNotNull(c.expected(), file + " has no expected block");
                Result r = TestKb.guide().withTrace(true).evaluate(c);
                List<String> failures = Expectations.failures(c.expected(), r, ids);
                assertEquals(List.of(), failures, () -> file + ": " + String.join("\n", failures));
            }
        }));
    }
}
