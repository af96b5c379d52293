package org.nanoguide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher installs anywhere (adversarial review #61, #63, defects 4 and 8): the real
 * {@code ./nanoguide} script, in a copy of the project, run as a real process. A read-only
 * install runs clean and keeps its class-data archive in the user's cache folder; a cut archive
 * is removed and the run goes on without it; a JVM crash writes nothing to stdout and no
 * {@code hs_err} file into the user's folder.
 */
class LauncherInstallTest {
    private static final String CASE = "{\"id\": \"one\", \"tumor\": {\"type\": \"LUNG\"}}";

    private record Run(int status, String out, String err) { }

    /** A copy of the project with a jar in target/, a case, and a folder the user runs it from. */
    private static Path install(Path tmp) throws IOException {
        Path clone = tmp.resolve("install");
        Files.createDirectories(clone.resolve("target"));
        Files.copy(TestKb.ROOT.resolve("nanoguide"), clone.resolve("nanoguide"));
        assertTrue(clone.resolve("nanoguide").toFile().setExecutable(true));
        org.nanoguide.check.AuthoringCli.copyTree(TestKb.RULES, clone.resolve("rules"));
        LauncherTest.writeJar(clone.resolve("target/nanoguide.jar"));
        Files.createDirectories(tmp.resolve("user"));
        Files.writeString(tmp.resolve("user/one.json"), CASE);
        return clone;
    }

    /**
     * Runs {@code ./nanoguide evaluate --format ndjson one.json} from the user's folder. As root,
     * without the capability to override file permissions, so that a read-only folder is
     * read-only to the launcher as it is to any other user.
     */
    private static Run evaluate(Path tmp, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && new File("/usr/bin/setpriv").canExecute()) {
            cmd.addAll(List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search",
                    "--inh-caps=-dac_override,-dac_read_search", "--"));
        }
        cmd.addAll(List.of(tmp.resolve("install/nanoguide").toString(), "evaluate", "--format", "ndjson", "one.json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.resolve("user").toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().remove("NANOGUIDE_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the launcher finished");
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    /** Stdout holds results and nothing else: one JSON object a line. */
    private static void assertCleanResult(Run r) {
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("{\"caseId\":\"one\""), r.out());
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static List<Path> hsErr(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("hs_err")).toList();
        }
    }

    @Test
    void aReadOnlyInstallRunsCleanAndKeepsItsArchiveInTheUsersCache(@TempDir Path tmp) throws Exception {
        Path clone = install(tmp);
        try {
            assertTrue(clone.resolve("target").toFile().setWritable(false, false));
            assertTrue(clone.toFile().setWritable(false, false));
            Run first = evaluate(tmp, Map.of());
            assertCleanResult(first);
            List<Path> archives = files(tmp.resolve("home/.cache/nanoguide"), ".jsa");
            assertEquals(1, archives.size(), "the archive is kept in the user's cache folder: " + archives);
            assertCleanResult(evaluate(tmp, Map.of()));
            assertEquals(archives, files(tmp.resolve("home/.cache/nanoguide"), ".jsa"), "and used, not written again");
            assertEquals(List.of(), files(clone, ".jsa"));

            // no writable cache either: no archive at all, still a clean run
            Files.writeString(tmp.resolve("not-a-folder"), "");
            assertCleanResult(evaluate(tmp, Map.of("XDG_CACHE_HOME", tmp.resolve("not-a-folder").toString())));
        } finally {
            clone.toFile().setWritable(true, false);
            clone.resolve("target").toFile().setWritable(true, false);
        }
    }

    @Test
    void aCutArchiveIsRemovedAndTheRunGoesOnWithoutIt(@TempDir Path tmp) throws Exception {
        Path clone = install(tmp);
        assertCleanResult(evaluate(tmp, Map.of()));
        List<Path> archives = files(clone.resolve("target/run"), ".jsa");
        assertEquals(1, archives.size(), "the first evaluate writes the archive beside the jar's copy");
        Path archive = archives.get(0);
        long size = Files.size(archive);
        assertTrue(archive.getFileName().toString().endsWith("." + size + ".jsa"), "its name holds its size: " + archive);
        try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
            f.setLength(size / 2); // a valid header, its regions cut short (the review crashed the JVM with this)
        }

        Run cut = evaluate(tmp, Map.of());
        assertCleanResult(cut);
        assertFalse(Files.exists(archive) && Files.size(archive) != size, "the cut archive is gone");
        assertEquals(List.of(), hsErr(tmp.resolve("user")), "no crash report in the user's folder");
        assertEquals(List.of(), files(clone.resolve("target/run"), ".jsa").stream()
                .filter(p -> !p.getFileName().toString().endsWith("." + sizeOf(p) + ".jsa")).toList(), "every archive left is whole");
    }

    @Test
    void aJvmCrashWritesNothingToStdoutAndNoCrashReportIntoTheUsersFolder(@TempDir Path tmp) throws Exception {
        Path clone = install(tmp);
        assertCleanResult(evaluate(tmp, Map.of()));
        assertEquals(1, files(clone.resolve("target/run"), ".jsa").size());

        // a crash on purpose: the JVM aborts on running out of memory, with a crash report
        Run crash = evaluate(tmp, Map.of("NANOGUIDE_JAVA_OPTS", "-Xmx6m -XX:+CrashOnOutOfMemoryError"));
        assertTrue(crash.status() != 0, crash.err());
        assertEquals("", crash.out(), "no crash banner on stdout");
        assertEquals(List.of(), hsErr(tmp.resolve("user")), "no crash report in the user's folder");
        assertFalse(files(clone.resolve("target/run"), ".log").isEmpty(), "the report is kept beside the archive");
        assertEquals(List.of(), files(clone.resolve("target/run"), ".jsa"), "a crash removes the archive it ran with");
        assertCleanResult(evaluate(tmp, Map.of()));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
