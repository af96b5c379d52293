package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nanoguide.check.messages.RuleVocabulary;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;

/**
 * Follows docs/authoring.md's worked example as a new user would: copies rules/, adds the
 * guide's rule and case exactly as the guide prints them, and runs check, evaluate and rules.
 * If the guide and the program disagree, this fails.
 */
class AuthoringGuideTest {
    private static final Pattern BLOCK = Pattern.compile("<!-- worked-example: (\\S+) -->\\s*```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    static Map<String, String> blocks() throws Exception {
        String guide = Files.readString(TestKb.ROOT.resolve("docs/authoring.md"));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(guide);
        while (m.find()) out.put(m.group(1), m.group(3));
        return out;
    }

    @Test
    void theWorkedExampleCompilesFiresAndShowsInCoverage() throws Exception {
        Map<String, String> blocks = blocks();
        assertEquals(2, blocks.size(), "the guide marks one rule file and one case: " + blocks.keySet());
        String drlPath = blocks.keySet().stream().filter(k -> k.endsWith(".drl")).findFirst().orElseThrow();
        String casePath = blocks.keySet().stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
        assertTrue(drlPath.startsWith("my-rules/") && casePath.startsWith("my-cases/"), blocks.keySet().toString());

        AuthoringCli.copyTree(TestKb.RULES, tmp.resolve("my-rules"));
        Files.createDirectories(tmp.resolve("my-cases"));
        Files.writeString(tmp.resolve(drlPath), blocks.get(drlPath));
        Files.writeString(tmp.resolve(casePath), blocks.get(casePath));
        Path rules = tmp.resolve("my-rules");
        Path cases = tmp.resolve("my-cases");
        String id = extract("@id\\(\"([^\"]+)\"\\)", blocks.get(drlPath));

        var check = AuthoringCli.run("check", "--rules", rules.toString(), TestKb.CASES.toString(), cases.toString());
        assertEquals(0, check.code(), check.all());
        assertTrue(check.out().contains("1. Do the rules compile? yes"), check.out());
        assertTrue(check.out().contains("2. Are the rules well labelled? yes"), check.out());
        Matcher covered = Pattern.compile("\\n\\s+(\\d+)\\s+(\\d+)\\s+" + Pattern.quote(id) + "\\s+" + Pattern.quote(tmp.resolve(drlPath).toString()) + ":\\d+\\n")
                .matcher(check.out());
        assertTrue(covered.find(), "the new rule shows in the coverage table:\n" + check.out());
        assertTrue(Integer.parseInt(covered.group(2)) >= 1, "it fires on the guide's case");

        var quoted = AuthoringCli.run("check", "--rules", rules.toString(), "--review", QuoteCheckTest.SEED.toString(), cases.toString());
        assertEquals(0, quoted.code(), quoted.all());
        assertTrue(quoted.out().matches("(?s).*Quotes: [1-9]\\d* quotes? verified against .*"), quoted.out());
        assertTrue(!quoted.out().contains(": error: "), "the guide's quote holds:\n" + quoted.out());
        var alone = AuthoringCli.run("check", "--rules", rules.toString(), cases.toString());
        assertEquals(0, alone.code(), alone.all());
        assertTrue(alone.out().contains("3. Do the example cases give the expected advice? yes, 1 of 1 pass."), alone.out());
        Matcher once = Pattern.compile("\\n\\s+1\\s+1\\s+" + Pattern.quote(id) + "\\s").matcher(alone.out());
        assertTrue(once.find(), "on the guide's case alone it fires once:\n" + alone.out());

        var evaluate = AuthoringCli.run("evaluate", "--format", "json", "--rules", rules.toString(), tmp.resolve(casePath).toString());
        assertEquals(0, evaluate.code(), evaluate.all());
        JsonNode result = new ObjectMapper().readTree(evaluate.out());
        boolean cited = false;
        for (JsonNode rec : result.get("recommendations")) {
            for (JsonNode reason : rec.get("reasons")) cited |= reason.get("ruleId").asText().equals(id);
        }
        assertTrue(cited, "evaluate cites the new rule:\n" + evaluate.out());

        var show = AuthoringCli.run("rules", "--rules", rules.toString(), id);
        assertEquals(0, show.code(), show.all());
        assertTrue(show.out().contains("section:   2.1"), show.out());
    }

    @Test
    void theGuideListsEveryVocabularyName() throws Exception {
        String guide = Files.readString(TestKb.ROOT.resolve("docs/authoring.md"));
        for (var v : RuleVocabulary.VOCABULARIES) {
            for (String name : v.names()) {
                assertTrue(guide.contains(name), "docs/authoring.md does not mention " + v.name() + "." + name);
            }
        }
        for (String key : Lint.KNOWN_METADATA) assertTrue(guide.contains("@" + key), "docs/authoring.md does not explain @" + key);
    }

    private static String extract(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
