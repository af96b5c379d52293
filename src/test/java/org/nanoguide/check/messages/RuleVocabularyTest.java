package org.nanoguide.check.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.ImportDescr;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleSource;

/**
 * {@link RuleVocabulary} is written by hand, in the order docs/authoring.md explains the types, so
 * this test is what keeps it complete: every record or enum the rules import and name must be in it.
 */
class RuleVocabularyTest {

    @Test
    void everyTypeTheRulesNameIsAFactTypeOrAVocabulary() throws Exception {
        Set<Class<?>> imported = new LinkedHashSet<>();
        Set<String> words = new HashSet<>();
        for (RuleSource src : RuleSource.of(RuleFiles.fromFolder(TestKb.RULES))) {
            assertTrue(src.parsed(), src.file() + " does not parse");
            for (ImportDescr i : src.descriptor().getImports()) {
                String target = i.getTarget();
                if (target.endsWith(".*")) imported.addAll(classesOf(target.substring(0, target.length() - 2)));
                else imported.add(Class.forName(target));
            }
            for (String line : src.codeLines()) words.addAll(Arrays.asList(line.split("[^\\w$]+")));
        }
        List<Class<?>> named = imported.stream().filter(c -> words.contains(c.getSimpleName())).toList();
        assertTrue(named.stream().anyMatch(c -> c.getPackageName().equals("org.nanoguide.facts") && c.isRecord()),
                "the rules name no fact record of org.nanoguide.facts, so this test would prove nothing: " + named);

        List<String> missing = new ArrayList<>();
        for (Class<?> c : named) {
            if (c.isRecord() && !RuleVocabulary.FACT_TYPES.contains(c)) missing.add("fact type " + c.getName());
            if (c.isEnum() && RuleVocabulary.vocabulary(c.getSimpleName()).map(v -> v.type() != c).orElse(true)) {
                missing.add("vocabulary " + c.getName());
            }
        }
        assertEquals(List.of(), missing, "the rules name these types, which RuleVocabulary does not list");
    }

    @Test
    void theListsNameEachTypeOnce() {
        assertEquals(new HashSet<>(RuleVocabulary.FACT_TYPES).size(), RuleVocabulary.FACT_TYPES.size());
        List<String> all = new ArrayList<>(RuleVocabulary.factTypeNames());
        RuleVocabulary.VOCABULARIES.forEach(v -> all.add(v.name()));
        assertEquals(new HashSet<>(all).size(), all.size(), "a simple name is listed twice: " + all);
    }

    /** The top-level classes of a package, from every folder the build compiled it into. */
    private static List<Class<?>> classesOf(String pkg) throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        for (URL url : Collections.list(RuleVocabularyTest.class.getClassLoader().getResources(pkg.replace('.', '/')))) {
            assertEquals("file", url.getProtocol(), "package " + pkg + " is not in a folder: " + url);
            try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
                for (Path p : s.sorted().toList()) {
                    String f = p.getFileName().toString();
                    if (f.endsWith(".class") && !f.contains("$")) classes.add(Class.forName(pkg + "." + f.substring(0, f.length() - 6)));
                }
            }
        }
        assertFalse(classes.isEmpty(), "no class found in package " + pkg);
        return classes;
    }
}
