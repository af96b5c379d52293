package org.nanoguide.kb.build;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.nanoguide.kb.PrecompiledIndex;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleSource;

/**
 * A build tool, not part of the program: {@code mvn process-classes} runs it (pom.xml,
 * exec-maven-plugin) and nothing at run time calls it. It is kept beside {@code kb} because it
 * writes what {@link org.nanoguide.kb.PrecompiledRules} loads; the Drools internals it relies on
 * are listed in docs/architecture.md ("Drools internals"), each with the test that guards it.
 *
 * <p>Build-time step ({@code mvn process-classes}, see pom.xml): compiles the bundled rules to the
 * Drools executable model and writes its classes into the build output, so the jar can load the
 * rules as plain classes at start-up instead of compiling DRL (about a second saved on every
 * cold start). {@code PrecompiledRules} uses them only while the rule files still have the
 * fingerprint recorded here; edited rules are compiled from DRL as before.
 *
 * <p>Alongside the classes it writes {@value PrecompiledIndex#INDEX}: the fingerprint, the model
 * class names, and for every rule its file and its load order within that file, which the
 * executable model does not keep (see {@code PrecompiledRules} for why the order matters).
 *
 * <p>Rules that do not compile here do not fail the build: the step warns and writes no model,
 * and the program compiles the DRL at run time, where the errors are reported with file and line.
 *
 * <p>Usage: {@code RulesPrecompiler RULES_DIR OUTPUT_DIR}
 */
public final class RulesPrecompiler {
    private RulesPrecompiler() { }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RulesPrecompiler RULES_DIR OUTPUT_DIR");
            System.exit(2);
        }
        long start = System.nanoTime();
        Path out = Path.of(args[1]);
        RuleFiles files = RuleFiles.fromFolder(Path.of(args[0]));
        String key = inputsKey(files, out);
        if (upToDate(out, key)) {
            recordFiles(out, files.fingerprint());
            System.out.println("[INFO] nanoguide: precompiled rules up to date (" + files.drlFingerprint() + ")");
            return;
        }
        removePrevious(out);
        List<String> problems = new ArrayList<>();
        int classes = generate(files, out, problems, key);
        if (classes < 0) {
            System.err.println("[WARNING] nanoguide: the rules in " + args[0] + " were not precompiled; the program will "
                    + "compile them at start-up instead (slower). Problems:");
            problems.forEach(p -> System.err.println("[WARNING]   " + p));
            return;
        }
        System.out.println("[INFO] nanoguide: rules precompiled to the executable model: " + classes + " classes, "
                + files.drlFingerprint() + ", " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /**
     * What the generated classes depend on: the .drl files, the Drools and Java versions, and
     * every other class in the output (the facts the rules match, this generator). An incremental
     * build that changed none of them skips the step (it takes seconds).
     */
    static String inputsKey(RuleFiles files, Path out) throws IOException {
        Set<String> generated = new HashSet<>(previous(out));
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((files.drlFingerprint() + "\0" + droolsVersion() + "\0" + Runtime.version().feature() + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            List<Path> classes;
            try (Stream<Path> walk = Files.walk(out)) {
                classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            for (Path c : classes) {
                String rel = out.relativize(c).toString().replace('\\', '/');
                if (generated.contains(rel)) continue;
                md.update(rel.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(c));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean upToDate(Path out, String key) throws IOException {
        Path index = out.resolve(PrecompiledIndex.INDEX);
        if (!Files.exists(index)) return false;
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        if (!key.equals(p.getProperty("inputs"))) return false;
        List<String> generated = previous(out);
        return !generated.isEmpty() && generated.stream().allMatch(f -> Files.exists(out.resolve(f)));
    }

    /**
     * Records the fingerprint of all the rule files in an index that is otherwise up to date: the
     * model depends on the .drl files only, so an edit to another rule file (the catalogue, the
     * references) does not rebuild it, but the index must name the files it now stands beside.
     */
    private static void recordFiles(Path out, String filesFingerprint) throws IOException {
        Path index = out.resolve(PrecompiledIndex.INDEX);
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        if (filesFingerprint.equals(p.getProperty(PrecompiledIndex.FILES))) return;
        p.setProperty(PrecompiledIndex.FILES, filesFingerprint);
        Files.writeString(index, stored(p), StandardCharsets.UTF_8);
    }

    /** The class files the last run wrote, relative to the output folder. */
    private static List<String> previous(Path out) throws IOException {
        Path list = out.resolve(PrecompiledIndex.CLASS_LIST);
        if (!Files.exists(list)) return List.of();
        return Files.readAllLines(list, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Deletes the files an earlier run generated, so no stale rule class survives an edit. */
    static void removePrevious(Path out) throws IOException {
        for (String f : previous(out)) Files.deleteIfExists(out.resolve(f));
        Files.deleteIfExists(out.resolve(PrecompiledIndex.CLASS_LIST));
        Files.deleteIfExists(out.resolve(PrecompiledIndex.INDEX));
    }

    /** @return the number of classes written, or -1 when the rules do not compile (problems say why) */
    static int generate(RuleFiles files, Path out, List<String> problems, String inputsKey) throws IOException {
        List<RuleFiles.RuleFile> drl = files.drlFiles();
        if (drl.isEmpty()) {
            problems.add("no .drl files");
            return -1;
        }
        // file, line and order of each rule, read by the same parser the DRL build uses
        List<PrecompiledIndex.Entry> entries = new ArrayList<>();
        for (RuleFiles.RuleFile f : drl) {
            RuleSource src = RuleSource.of(f);
            if (!src.parsed()) {
                problems.add(f.path() + ": does not parse (nanoguide check names the errors)");
                return -1;
            }
            // rules that are not data are never precompiled: the program then refuses them by file and line
            List<org.nanoguide.kb.RuleProblem> refused = org.nanoguide.kb.RuleGuard.problems(src);
            if (!refused.isEmpty()) {
                refused.forEach(p -> problems.add(p.toString()));
                return -1;
            }
            for (RuleSource.Rule r : src.rules()) {
                entries.add(new PrecompiledIndex.Entry(src.packageName(), r.name(), f.path(), r.line(), r.order()));
            }
        }

        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.nanoguide", "nanoguide-rules", "1");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (RuleFiles.RuleFile f : drl) {
            kfs.write("src/main/resources/" + f.path(), f.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(m -> problems.add(m.getPath() + ":" + m.getLine() + ": " + m.getText()));
            return -1;
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        String models = null;
        TreeSet<String> written = new TreeSet<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model") && name.startsWith("META-INF/kie/")) {
                models = new String(module.getBytes(name), StandardCharsets.UTF_8);
            }
            // the rule classes only: the kmodule files and the project class would make the jar
            // look like a kjar to KieServices' class path container
            if (!name.endsWith(".class") || name.startsWith("org/drools/project/model/")) continue;
            Path target = out.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, module.getBytes(name));
            written.add(name);
        }
        List<String> modelClasses = models == null ? List.of() : models.lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.contains(":")).toList();
        if (modelClasses.isEmpty()) {
            problems.add("the executable model build produced no model class");
            return -1;
        }
        ks.getRepository().removeKieModule(releaseId);
        Properties index = PrecompiledIndex.of(files.drlFingerprint(), files.fingerprint(), modelClasses, entries).toProperties();
        index.setProperty("drools", droolsVersion());
        index.setProperty("inputs", inputsKey);

        Path list = out.resolve(PrecompiledIndex.CLASS_LIST);
        Files.createDirectories(list.getParent());
        Files.write(list, written, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(PrecompiledIndex.INDEX), stored(index), StandardCharsets.UTF_8);
        return written.size();
    }

    /** The properties as Properties.store escapes them, sorted and without its date line: the same rules give the same bytes. */
    static String stored(Properties p) throws IOException {
        StringWriter w = new StringWriter();
        p.store(w, null);
        StringBuilder sb = new StringBuilder("# the rules precompiled at build time by RulesPrecompiler: generated, do not edit\n");
        w.toString().lines().filter(l -> !l.startsWith("#")).sorted().forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    static String droolsVersion() {
        Package p = KieServices.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
