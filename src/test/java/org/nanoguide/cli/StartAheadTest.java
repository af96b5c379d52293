package org.nanoguide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.kb.KnowledgeBase;
import picocli.CommandLine;

/**
 * What {@code main} does before it parses the arguments of a short run, each against the plain
 * way: the command line built with only the subcommand named first, and the default rules loaded
 * ahead on their own thread. Both must give exactly what the plain way gives.
 */
class StartAheadTest {
    private record Run(int status, String out, String err) { }

    private static Run execute(CommandLine cl, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        cl.setOut(StdOut.of(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void onlyTheSubcommandNamedFirstIsBuilt() {
        List<String> all = List.copyOf(Main.commandLine().getSubcommands().keySet());
        assertEquals(List.of("evaluate", "check", "diff", "rules", "serve", "generate", "help"), all);
        assertEquals(List.of("evaluate"), List.copyOf(Main.commandLine("evaluate").getSubcommands().keySet()));
        assertEquals(List.of("check"), List.copyOf(Main.commandLine("check").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Main.commandLine("help").getSubcommands().keySet()), "help names the others");
        assertEquals(all, List.copyOf(Main.commandLine("--version").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Main.commandLine("evalaute").getSubcommands().keySet()), "a misspelt name is compared with each");
        assertEquals(all, List.copyOf(Main.commandLine(null).getSubcommands().keySet()));
    }

    @Test
    void aSubcommandAloneAnswersAsAmongAll() throws Exception {
        String caseFile = TestKb.exampleCases().get(0).toString();
        String rules = TestKb.RULES.toString();
        List<String[]> argLists = List.of(
                new String[] {"evaluate", "--format=json", "--rules", rules, caseFile},
                new String[] {"evaluate", "--fromat", "json", caseFile},
                new String[] {"evaluate", "--format", "jsno", caseFile},
                new String[] {"evaluate", "--threads", "0", "--rules", rules, caseFile},
                new String[] {"evaluate"},
                new String[] {"evaluate", "--help"});
        for (String[] args : argLists) {
            Run alone = execute(Main.commandLine(args[0]), args);
            Run amongAll = execute(Main.commandLine(), args);
            assertEquals(amongAll, alone, String.join(" ", args));
        }
        Run json = execute(Main.commandLine("evaluate"), argLists.get(0));
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().startsWith("{"), json.out());
    }

    /** Runs with {@code nanoguide.home} naming a project whose rules/ is {@code rules}, as the launcher does. */
    private static KnowledgeBase loadAhead(Path home, RulesOption option, StringWriter err) {
        String saved = System.getProperty("nanoguide.home");
        System.setProperty("nanoguide.home", home.toString());
        try {
            RulesOption.loadDefaultAhead();
            return option.load(new PrintWriter(err, true));
        } finally {
            if (saved == null) System.clearProperty("nanoguide.home");
            else System.setProperty("nanoguide.home", saved);
        }
    }

    @Test
    void theRulesLoadedAheadAreTheDefaultFoldersAndNoOthers(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("project");
        Path rules = TestKb.copyOfRules(home);
        KnowledgeBase ahead = loadAhead(home, new RulesOption(), new StringWriter());
        assertNotNull(ahead);
        assertEquals(rules.toString(), ahead.files().origin());
        assertEquals(TestKb.kb().fingerprint(), ahead.fingerprint());

        // --rules names another folder: that one is loaded, whatever was loading ahead
        RulesOption other = new RulesOption();
        other.rules = TestKb.RULES;
        KnowledgeBase explicit = loadAhead(home, other, new StringWriter());
        assertEquals(TestKb.RULES.toString(), explicit.files().origin());
        loadAhead(home, new RulesOption(), new StringWriter()); // the one left loading is taken, so no other test sees it
    }

    @Test
    void brokenDefaultRulesLoadedAheadReadAsWhenLoadedThen(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("project");
        Path rules = TestKb.copyOfRules(home);
        Files.writeString(rules.resolve("polymeric.drl"), "\nrule \"Broken on purpose\"\nwhen\n    Tumor( noSuchField == 1 )\nthen\nend\n",
                java.nio.file.StandardOpenOption.APPEND);
        StringWriter ahead = new StringWriter();
        assertNull(loadAhead(home, new RulesOption(), ahead));
        RulesOption named = new RulesOption();
        named.rules = rules;
        StringWriter then = new StringWriter();
        assertNull(named.load(new PrintWriter(then, true)));
        assertEquals(then.toString(), ahead.toString());
        assertTrue(ahead.toString().contains("polymeric.drl:"), ahead.toString());
    }
}
