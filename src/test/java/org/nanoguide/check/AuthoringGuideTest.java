package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;
import org.nanoguide.render.JsonRenderer;

/** docs/authoring.md's worked example, done as the guide says, on a copy of the real rules. */
class AuthoringGuideTest {

    static String block(String guide, String language) {
        Matcher m = Pattern.compile("```" + language + " worked-example\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertTrue(m.find(), "docs/authoring.md has no ```" + language + " worked-example block");
        return m.group(1);
    }

    @Test
    void theWorkedExampleCompilesFiresAndShowsInCoverage(@TempDir Path tmp) throws Exception {
        String guide = Files.readString(TestKb.ROOT.resolve("docs/authoring.md"));
        Path rules = tmp.resolve("my-rules");
        Path cases = tmp.resolve("my-cases");
        Files.createDirectories(rules);
        Files.createDirectories(cases);
        try (Stream<Path> s = Files.list(TestKb.RULES)) {
            for (Path p : s.toList()) Files.copy(p, rules.resolve(p.getFileName()));
        }
        Files.writeString(rules.resolve("polymeric.drl"), "\n" + block(guide, "drl"), StandardOpenOption.APPEND);
        Files.writeString(cases.resolve("prostate-renal-dendrimer.json"), block(guide, "json"));

        Cli.Run check = Cli.run("check", "--format", "json", "--rules", rules.toString(), cases.toString());
        assertEquals(0, check.status(), check.out() + check.err());
        JsonNode report = JsonRenderer.mapper().readTree(check.out());
        assertEquals("pass", report.get("cases").get(0).get("status").asText());
        boolean fired = false;
        for (JsonNode c : report.get("coverage")) {
            if (c.get("id").asText().equals("dendrimer-renal-caution")) fired = c.get("fired").asInt() > 0;
        }
        assertTrue(fired, "the new rule fires on the new case: " + check.out());

        Cli.Run eval = Cli.run("evaluate", "--rules", rules.toString(), "--trace", cases.resolve("prostate-renal-dendrimer.json").toString());
        assertEquals(0, eval.status(), eval.err());
        assertTrue(eval.out().contains("dendrimer-renal-caution; review 3.3 [34]"), eval.out());
    }
}
