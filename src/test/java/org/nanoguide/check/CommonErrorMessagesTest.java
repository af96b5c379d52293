package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.render.JsonRenderer;

/**
 * docs/authoring.md, "Common error messages and what they mean": each message the guide prints
 * in bold is what {@code nanoguide check} says when the mistake the guide describes is made in a
 * copy of the rules. The guide's own file names and places ({@code a.drl:8:5}) are left out of
 * the comparison, and {@code ...} or {@code …} in a message stands for any text.
 */
class CommonErrorMessagesTest {
    private static final String HEADER = TestKb.DRL_HEADER;

    @TempDir
    Path tmp;

    /** One mistake: the rule file it writes, and a word of the guide's message that names it. */
    private record Mistake(String key, String file, String drl, int exit) { }

    private static String rule(String name, String meta, String when, String then) {
        return "rule \"" + name + "\"\n    " + meta + "\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static final String META = "@id(\"zz-rule\") @section(\"2.1\") @refs(\"\")";
    private static final String FINDING = "insert(new Finding(\"X\", \"y\"));";

    private static final List<Mistake> COMPILE = List.of(
            new Mistake("mismatched input 'then'", "zz.drl", HEADER + rule("Broken syntax", META, "Tumor( solid, depthCm > 3.0", FINDING), 2),
            new Mistake("mismatched input '<eof>'", "zz.drl", HEADER + "rule \"Last\"\n    " + META + "\nwhen\n    Tumor( solid )\nthen\n    " + FINDING + "\n", 2),
            new Mistake("mismatched input '='", "zz.drl", HEADER + rule("Equals", META, "Tumor( type = TumorType.BREAST )", FINDING), 2),
            new Mistake("System.exit(0);", "zz-attack.drl", HEADER + rule("attack", META, "Tumor()", "System.exit(0);"), 2),
            new Mistake("Carrier.GOLD_NANO", "zz.drl", HEADER + rule("Vocabulary", META, "Tumor()", "insert(new Exclusion(Carrier.GOLD_NANO, \"x\"));"), 2),
            new Mistake("'Tumour'", "zz.drl", HEADER + rule("Fact type", META, "Tumour( solid )", FINDING), 2),
            new Mistake("'carrierr'", "zz.drl", HEADER + rule("Field", META, "Recommendation( carrierr == Carrier.LIPOSOME )", FINDING), 2),
            new Mistake("new Finding(String)", "zz.drl", HEADER + rule("Conclusion", META, "Tumor()", "insert(new Finding(\"X\"));"), 2));

    /** The labelling mistakes are all lint: one folder holds them all. */
    private static final String LABELS = "package org.nanoguide.rules;\nimport org.nanoguide.model.*;\nimport org.nanoguide.facts.*;\n\n"
            + rule("Unknown field", "@id(\"unknown-field\") @section(\"2.1\") @refs(\"\")", "Tumor( depthCm > 3 )", FINDING)
            + rule("Bare threshold", "@id(\"zz-bare\") @section(\"2.1\") @refs(\"\")", "Tumor( sizeCm > 3 )", FINDING)
            + rule("Enzyme labile drug polymeric", "@section(\"2.1\") @refs(\"\")", "Tumor()", FINDING)
            + rule("No refs", "@id(\"zz-no-refs\") @section(\"2.1\")", "Tumor()", FINDING)
            + rule("Typo", "@id(\"zz-typo\") @section(\"2.1\") @ref(\"1\") @refs(\"\")", "Tumor()", FINDING)
            + rule("No strength", "@id(\"zz-no-strength\") @section(\"2.1\") @refs(\"\")", "Tumor()",
                    "insert(new Recommendation(Carrier.LIPOSOME, Modality.DRUG_DELIVERY, \"y\"));");

    @Test
    void eachCompileErrorOfTheGuideIsWhatCheckSays() throws Exception {
        List<String> messages = guideMessages();
        List<String> wrong = new ArrayList<>();
        for (Mistake m : COMPILE) {
            String message = messageWith(messages, m.key());
            Path rules = TestKb.copyOfRules(Files.createDirectories(tmp.resolve("c" + COMPILE.indexOf(m))));
            Files.writeString(rules.resolve(m.file()), m.drl());
            AuthoringCli.Run run = AuthoringCli.run("check", "--rules", rules.toString(), TestKb.CASES.resolve("gbm-deep-hyperthermia.json").toString());
            if (run.code() != m.exit() || !printed(message, run.out())) wrong.add(message + "\n  exit " + run.code() + ", check said:\n" + problems(run.out()));
        }
        assertEquals(List.of(), wrong);
    }

    /** A rule added after liposomes.drl in file order that takes the id of liposomes.drl's first rule. */
    private static final String AGAIN = HEADER + rule("Again", "@id(\"liposome-drug-carrier\") @section(\"2.1\") @refs(\"\")", "Tumor()", FINDING);

    @Test
    void eachLabellingMessageOfTheGuideIsWhatCheckSays() throws Exception {
        List<String> messages = guideMessages();
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve("extra.drl"), LABELS);
        Files.writeString(rules.resolve("zz.drl"), AGAIN);
        AuthoringCli.Run run = AuthoringCli.run("check", "--rules", rules.toString(), TestKb.CASES.resolve("gbm-deep-hyperthermia.json").toString());
        assertEquals(1, run.code(), run.all());
        List<String> wrong = new ArrayList<>();
        for (String key : List.of("has no @id", "is already used", "has no @refs", "unknown metadata @ref", "has no @strength", "the threshold 3")) {
            String message = messageWith(messages, key);
            if (!printed(message, run.out())) wrong.add(message);
        }
        assertEquals(List.of(), wrong, "check said:\n" + problems(run.out()));
    }

    @Test
    void theFailedCaseAndTheRunawayAreWhatCheckSays() throws Exception {
        List<String> messages = guideMessages();
        Path rules = TestKb.copyOfRules(tmp);
        Path cases = Files.createDirectories(tmp.resolve("cases"));
        // the glioblastoma example, whose first option is iron oxide hyperthermia, expecting gold photothermal therapy instead
        ObjectNode x = (ObjectNode) JsonRenderer.mapper().readTree(TestKb.CASES.resolve("gbm-deep-hyperthermia.json").toFile());
        x.put("id", "x");
        x.set("expected", JsonRenderer.mapper().readTree("{\"recommended\": [{\"carrier\": \"GOLD_NP\", \"modality\": \"PHOTOTHERMAL\"}]}"));
        Files.writeString(cases.resolve("x.json"), x.toString());
        AuthoringCli.Run failed = AuthoringCli.run("check", "--rules", rules.toString(), cases.resolve("x.json").toString());
        assertEquals(1, failed.code(), failed.all());
        String local = failed.out().replace(tmp + "/", "");
        for (String part : messageWith(messages, "FAILED").split(" / ")) {
            assertTrue(printed(part, local), part + "\ncheck said:\n" + local);
        }

        StringBuilder loop = new StringBuilder(HEADER);
        while (loop.toString().lines().count() < 11) loop.append("// padding, so that the rule starts on line 12\n");
        loop.append(rule("Loop", "@id(\"some-rule\") @section(\"2.1\") @refs(\"\")", "Finding( $c : code )", "insert(new Finding($c, \"again\"));"));
        Files.writeString(rules.resolve("x.drl"), loop.toString());
        AuthoringCli.Run away = AuthoringCli.run("check", "--rules", rules.toString(), TestKb.CASES.resolve("gbm-deep-hyperthermia.json").toString());
        assertEquals(1, away.code(), away.all());
        String message = messageWith(messages, "rules ran away");
        assertTrue(printed(message, away.out()), message + "\ncheck said:\n" + away.out());
    }

    /** The bold messages of the guide's section on error messages, in order. */
    static List<String> guideMessages() throws Exception {
        String guide = Files.readString(TestKb.ROOT.resolve("docs/authoring.md"));
        String section = guide.substring(guide.indexOf("## Common error messages"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\*\\*`(.+?)`\\*\\*").matcher(section);
        while (m.find()) out.add(m.group(1).replace("` / `", " / "));
        assertTrue(out.size() >= 15, "the guide's messages: " + out);
        return out;
    }

    private static String messageWith(List<String> messages, String key) {
        return messages.stream().filter(s -> s.contains(key)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/authoring.md shows no message with " + key + ": " + messages));
    }

    /** The message, less the guide's own place ({@code a.drl:8:5: }), is in the output; {@code ...} and {@code …} match any text. */
    static boolean printed(String message, String output) {
        String body = message.replaceFirst("^[\\w./-]+\\.drl:\\d+:\\d+: ", "");
        StringBuilder re = new StringBuilder();
        for (String part : body.split("\\.\\.\\.|…", -1)) {
            if (re.length() > 0) re.append(".*?");
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString()).matcher(output).find();
    }

    private static String problems(String out) {
        return out.lines().filter(l -> l.contains("error") || l.contains("warning") || l.contains("FAILED") || l.contains("expected")
                || l.contains("ran away")).reduce("", (a, b) -> a + b + "\n");
    }
}
