package org.nanoguide.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.cli.Cli;

/**
 * A rules folder whose rule file is not a file (second adversarial pass): a named pipe, a
 * dangling link, a link to a device, a folder named {@code *.drl}. Each was skipped without a
 * word, so its rules silently did not apply (and reading a pipe would block); each is now
 * refused by name, unread, as a link out of the folder is.
 */
class RuleFilesTest {

    private static void refused(Path rules, String message) {
        IOException e = assertThrows(IOException.class, () -> RuleFiles.fromFolder(rules));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aRuleFileThatIsNotAFileIsRefusedByNameNeverSkipped(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Path link = Files.createSymbolicLink(rules.resolve("zz-gone.drl"), rules.resolve("nothing-here.drl"));
        refused(rules, "rules file zz-gone.drl is a symbolic link to a missing file, not a file of rules");
        Files.delete(link);

        Path folder = Files.createDirectory(rules.resolve("zz-folder.drl"));
        refused(rules, "rules file zz-folder.drl is a folder, not a file of rules");
        Files.delete(folder);

        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            Path device = Files.createSymbolicLink(rules.resolve("zz-zero.drl"), zero);
            refused(rules, "rules file zz-zero.drl is a character device, not a file of rules");
            Files.delete(device);
        }
        assertEquals(RuleFiles.fromFolder(TestKb.RULES).fingerprint(), RuleFiles.fromFolder(rules).fingerprint(), "the folder reads as the original once they are gone");
    }

    @Test
    void aNamedPipeRuleFileStopsTheCommandWithExitTwoWithoutBlocking(@TempDir Path tmp) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", rules.resolve("zz-pipe.drl").toString()).start();
        } catch (IOException noMkfifo) {
            Assumptions.abort("needs mkfifo");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");
        Path one = Files.writeString(tmp.resolve("one.json"), "{\"tumor\": {\"type\": \"LUNG\"}}");
        Cli.Run run = Cli.run("evaluate", "--rules", rules.toString(), one.toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("rules file zz-pipe.drl is a named pipe, not a file of rules"), run.err());
    }
}
