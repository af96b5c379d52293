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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher installs anywhere (adversarial review #61, #63, defects 4 and 8): the real
 * {@code ./nanoguide} script, in a copy of the project, run as a real process. A read-only
 * install runs clean and keeps its class-data archive in the user's cache folder; a cut archive
 * is removed and the run goes on without it; a JVM crash writes nothing to stdout and no
 * {@code hs_err} file into the user's folder. Each holds for the JVM that runs the tests (Java
 * 17's class-data archive, {@code .jsa}) and, where one is installed, a JDK of 25 or later (its
 * ahead-of-time cache, {@code .aot}), which the launcher prefers when JAVA_HOME names none.
 * A short run's heap is in huge pages where the kernel offers them, a long run's is not; a long
 * run does not replay the profiles that Java 25's cache holds from the short run that recorded it.
 */
class LauncherInstallTest {
    private static final String CASE = "{\"id\": \"one\", \"tumor\": {\"type\": \"LUNG\"}}";
    private static final Path JVMS = Path.of("/usr/lib/jvm");

    private record Run(int status, String out, String err) { }

    /** A JDK and the archive its runs keep: {@code jsa} before Java 25, {@code aot} from 25 on. */
    record Jdk(Path home, int major, String version) {
        String ext() { return major >= 25 ? ".aot" : ".jsa"; }

        Map<String, String> env() { return Map.of("JAVA_HOME", home.toString()); }

        @Override
        public String toString() { return "Java " + version; }

        /** The version in a JDK's release file, or null. */
        static Jdk of(Path home) {
            try {
                for (String line : Files.readAllLines(home.resolve("release"))) {
                    if (!line.startsWith("JAVA_VERSION=")) continue;
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return new Jdk(home, Integer.parseInt(v.split("\\.")[0]), v);
                }
            } catch (IOException | NumberFormatException e) {
                return null;
            }
            return null;
        }
    }

    /** The newest JDK of 25 or later under /usr/lib/jvm, as the launcher looks for one; null when there is none. */
    static Jdk newestInstalled() throws IOException {
        if (!Files.isDirectory(JVMS)) return null;
        try (Stream<Path> homes = Files.list(JVMS)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java"))).map(Jdk::of)
                    .filter(j -> j != null && j.major() >= 25)
                    .max(java.util.Comparator.comparingInt(Jdk::major)).orElse(null);
        }
    }

    /** The JVM running the tests, and the newest JDK of 25 or later when one is installed. */
    static List<Jdk> jdks() throws IOException {
        List<Jdk> jdks = new ArrayList<>();
        Path own = Path.of(System.getProperty("java.home"));
        Jdk self = Jdk.of(own);
        jdks.add(self != null ? self : new Jdk(own, Runtime.version().feature(), Runtime.version().toString()));
        Jdk newest = newestInstalled();
        if (newest != null && newest.major() != jdks.get(0).major()) jdks.add(newest);
        return jdks;
    }

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
        return evaluate(tmp, env, "one.json");
    }

    /** Runs {@code ./nanoguide evaluate --format ndjson FILE} from the user's folder, as above. */
    private static Run evaluate(Path tmp, Map<String, String> env, String file) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && new File("/usr/bin/setpriv").canExecute()) {
            cmd.addAll(List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search",
                    "--inh-caps=-dac_override,-dac_read_search", "--"));
        }
        cmd.addAll(List.of(tmp.resolve("install/nanoguide").toString(), "evaluate", "--format", "ndjson", file));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.resolve("user").toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().remove("NANOGUIDE_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the launcher finished");
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    /** An environment with one more variable. */
    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> out = new java.util.HashMap<>(env);
        out.put(name, value);
        return out;
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

    @ParameterizedTest
    @MethodSource("jdks")
    void aReadOnlyInstallRunsCleanAndKeepsItsArchiveInTheUsersCache(Jdk jdk, @TempDir Path tmp) throws Exception {
        Path clone = install(tmp);
        try {
            assertTrue(clone.resolve("target").toFile().setWritable(false, false));
            assertTrue(clone.toFile().setWritable(false, false));
            Run first = evaluate(tmp, jdk.env());
            assertCleanResult(first);
            assertEquals("nanoguide: 1 case: 1 evaluated, 0 rejected, 0 failed", first.err().strip(),
                    "making the archive says nothing of it");
            List<Path> archives = files(tmp.resolve("home/.cache/nanoguide"), jdk.ext());
            assertEquals(1, archives.size(), "the archive is kept in the user's cache folder: " + archives);
            assertTrue(archives.get(0).getFileName().toString().contains(".java" + jdk.version() + "."), "it names its JVM: " + archives);
            assertCleanResult(evaluate(tmp, jdk.env()));
            assertEquals(archives, files(tmp.resolve("home/.cache/nanoguide"), jdk.ext()), "and used, not written again");
            assertEquals(List.of(), files(clone, jdk.ext()));

            // no writable cache either: no archive at all, still a clean run
            Files.writeString(tmp.resolve("not-a-folder"), "");
            assertCleanResult(evaluate(tmp, with(jdk.env(), "XDG_CACHE_HOME", tmp.resolve("not-a-folder").toString())));
        } finally {
            clone.toFile().setWritable(true, false);
            clone.resolve("target").toFile().setWritable(true, false);
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aCutArchiveIsRemovedAndTheRunGoesOnWithoutIt(Jdk jdk, @TempDir Path tmp) throws Exception {
        Path clone = install(tmp);
        String ext = jdk.ext();
        assertCleanResult(evaluate(tmp, jdk.env()));
        List<Path> archives = files(clone.resolve("target/run"), ext);
        assertEquals(1, archives.size(), "the first evaluate writes the archive beside the jar's copy");
        assertEquals(List.of(), files(clone.resolve("target/run"), ".conf"), "and leaves nothing else behind");
        Path archive = archives.get(0);
        long size = Files.size(archive);
        assertTrue(archive.getFileName().toString().endsWith("." + size + ext), "its name holds its size: " + archive);
        try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
            f.setLength(size / 2); // a valid header, its regions cut short (the review crashed the JVM with this)
        }

        Run cut = evaluate(tmp, jdk.env());
        assertCleanResult(cut);
        assertFalse(Files.exists(archive) && Files.size(archive) != size, "the cut archive is gone");
        assertEquals(List.of(), hsErr(tmp.resolve("user")), "no crash report in the user's folder");
        assertEquals(List.of(), files(clone.resolve("target/run"), ext).stream()
                .filter(p -> !p.getFileName().toString().endsWith("." + sizeOf(p) + ext)).toList(), "every archive left is whole");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aJvmCrashWritesNothingToStdoutAndNoCrashReportIntoTheUsersFolder(Jdk jdk, @TempDir Path tmp) throws Exception {
        Path clone = install(tmp);
        assertCleanResult(evaluate(tmp, jdk.env()));
        assertEquals(1, files(clone.resolve("target/run"), jdk.ext()).size());

        // a crash on purpose: the JVM aborts on running out of memory, with a crash report
        Run crash = evaluate(tmp, with(jdk.env(), "NANOGUIDE_JAVA_OPTS", "-Xmx6m -XX:+CrashOnOutOfMemoryError"));
        assertTrue(crash.status() != 0, crash.err());
        assertEquals("", crash.out(), "no crash banner on stdout");
        assertEquals(List.of(), hsErr(tmp.resolve("user")), "no crash report in the user's folder");
        assertFalse(files(clone.resolve("target/run"), ".log").isEmpty(), "the report is kept beside the archive");
        assertEquals(List.of(), files(clone.resolve("target/run"), jdk.ext()), "a crash removes the archive it ran with");
        assertCleanResult(evaluate(tmp, jdk.env()));
    }

    @Test
    void withoutJavaHomeTheNewestJdkOf25OrLaterIsPreferred(@TempDir Path tmp) throws Exception {
        Jdk newest = newestInstalled();
        Assumptions.assumeTrue(newest != null, "no JDK of 25 or later under " + JVMS);
        Path clone = install(tmp);
        assertCleanResult(evaluate(tmp, Map.of()));
        List<Path> archives = files(clone.resolve("target/run"), ".aot");
        assertEquals(1, archives.size(), "an ahead-of-time cache: " + files(clone.resolve("target/run"), ""));
        assertTrue(archives.get(0).getFileName().toString().contains(".java" + newest.version() + "."), archives.toString());
    }

    @Test
    void java25RecordsItsCacheOnlyOnAShortRun(@TempDir Path tmp) throws Exception {
        Jdk newest = newestInstalled();
        Assumptions.assumeTrue(newest != null, "no JDK of 25 or later under " + JVMS);
        Path clone = install(tmp);
        // just over 1 MiB of input in few cases: recording would slow such a batch by about a quarter
        StringBuilder batch = new StringBuilder();
        String padding = "x".repeat(9_000);
        for (int i = 0; batch.length() <= 1024 * 1024; i++) {
            batch.append("{\"id\": \"c").append(i).append("\", \"description\": \"").append(padding)
                    .append("\", \"tumor\": {\"type\": \"LUNG\"}}\n");
        }
        Files.writeString(tmp.resolve("user/batch.ndjson"), batch);
        Run big = evaluate(tmp, newest.env(), "batch.ndjson");
        assertEquals(0, big.status(), big.err());
        assertEquals(List.of(), files(clone.resolve("target/run"), ".aot"), "no cache recorded on a batch of over 1 MiB");

        assertCleanResult(evaluate(tmp, newest.env()));
        assertEquals(1, files(clone.resolve("target/run"), ".aot").size(), "the next short run records it");
    }

    @Test
    void aLongRunDoesNotReplayTheProfilesThatAShortRunRecorded(@TempDir Path tmp) throws Exception {
        Jdk newest = newestInstalled();
        Assumptions.assumeTrue(newest != null, "no JDK of 25 or later under " + JVMS);
        Path clone = install(tmp);
        assertCleanResult(evaluate(tmp, newest.env()));
        assertEquals(1, files(clone.resolve("target/run"), ".aot").size(), "the short run recorded the cache");
        Map<String, String> env = with(newest.env(), "NANOGUIDE_JAVA_OPTS", "-XX:+UnlockDiagnosticVMOptions -XX:+PrintFlagsFinal");
        // the cache's profiles come from a run compiled by C1 alone: replayed by a run with C2,
        // they keep its methods compiled by C1 for good
        Run shortRun = evaluate(tmp, env);
        assertCleanResult(shortRun);
        assertTrue(shortRun.err().matches("(?s).*AOTReplayTraining\\s+= true.*"), "a short run replays them");
        Run longRun = evaluate(tmp, env, "-");
        assertTrue(longRun.err().matches("(?s).*AOTReplayTraining\\s+= false.*"), "a long run does not");
    }

    @Test
    void hugePagesForAShortRunOnlyWhereTheKernelOffersThem(@TempDir Path tmp) throws Exception {
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String offered = Files.isReadable(mode) ? Files.readString(mode) : "";
        Assumptions.assumeTrue(offered.contains("[madvise]") || offered.contains("[always]"),
                "the kernel offers no transparent huge pages on request: " + offered.strip());
        install(tmp);
        // the JVM running the tests prints its flags to stderr (the launcher sends the JVM's own output there)
        Map<String, String> env = with(jdks().get(0).env(), "NANOGUIDE_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        Run shortRun = evaluate(tmp, env);
        assertCleanResult(shortRun);
        assertTrue(shortRun.err().matches("(?s).*UseTransparentHugePages\\s+= true.*"), "a short run's heap is in huge pages");
        // standard input is a batch of unknown size: a long run, whose whole heap huge pages would keep resident
        Run longRun = evaluate(tmp, env, "-");
        assertTrue(longRun.err().matches("(?s).*UseTransparentHugePages\\s+= false.*"), "a long run keeps 4 KiB pages");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
