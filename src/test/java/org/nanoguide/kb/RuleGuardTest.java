package org.nanoguide.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nanoguide.TestKb;

/**
 * Rules are data (adversarial review #38, #39, defect 2): a rule file that reaches past the
 * case's facts is refused before it is compiled, by file, line and column; every rule of
 * rules/ passes.
 */
class RuleGuardTest {
    @TempDir
    Path tmp;

    private static String rule(String when, String then) {
        return TestKb.DRL_HEADER + "rule \"attack\"\n    @id(\"zz-attack\") @section(\"1\") @refs(\"\")\nwhen\n    " + when
                + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void everyRuleOfTheProjectIsData() throws Exception {
        List<RuleProblem> problems = RuleGuard.problems(RuleSource.of(RuleFiles.fromFolder(TestKb.RULES)));
        assertEquals(List.of(), problems.stream().map(RuleProblem::toString).toList());
    }

    /** Each refused rule, the line its problem is on (the rule's consequence starts at line 11), and a word of the reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "exit                | Tumor( type == TumorType.SARCOMA ) | System.exit(0);                                                      | 11 | insert facts",
        "read a file         | Tumor()                            | insert(new Finding(\"EXFIL\", new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(\"/etc/hostname\"))))); | 11 | java.nio.file.Files",
        "file by name        | Tumor()                            | insert(new Finding(\"X\", java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\")))); | 11 | java.nio.file.Files",
        "property            | Tumor()                            | insert(new Finding(\"X\", System.getProperty(\"user.name\")));         | 11 | System.getProperty",
        "update              | $t : Tumor()                       | update($t);                                                          | 11 | insert facts",
        "throw               | Tumor()                            | throw new IllegalStateException(\"boom\");                            | 11 | insert facts",
        "busy loop           | Tumor( type == TumorType.LUNG )    | long n = 0; while (n >= 0) { n = (n + 1) % 1000; }                    | 11 | insert facts",
        "process             | Tumor()                            | insert(new Finding(\"X\", \"\" + Runtime.getRuntime().availableProcessors())); | 11 | Runtime.getRuntime",
        "process builder     | Tumor()                            | insert(new Finding(\"X\", \"\" + new ProcessBuilder(\"id\").start()));  | 11 | creates a ProcessBuilder",
        "reflection          | Tumor()                            | insert(new Finding(\"X\", \"\".getClass().getName()));                 | 11 | getClass",
        "class literal       | Tumor()                            | insert(new Finding(\"X\", String.class.getName()));                    | 11 | class",
        "thread              | Tumor()                            | insert(new Finding(\"X\", \"\" + new Thread()));                       | 11 | creates a Thread",
        "lambda              | Tumor()                            | insert(new Finding(\"X\", \"\" + \"ab\".chars().map(c -> c).sum())); | 11 | lambda",
        "engine handle       | Tumor()                            | insert(new Finding(\"X\", \"\" + drools.getKieRuntime()));             | 11 | engine",
        "not a fact          | Tumor()                            | insert(new java.io.File(\"/tmp/x\"));                                  | 11 | not a fact class",
        "anonymous class     | Tumor()                            | insert(new Finding(\"X\", \"y\") { });                                 | 11 | class inside",
        "condition code      | Tumor( $s : java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")) != null ) | insert(new Finding(\"X\", \"y\")); | 9 | java.nio.file.Files",
        "condition System    | Tumor( System.currentTimeMillis() > 0 )  | insert(new Finding(\"X\", \"y\"));                               | 9 | names System",
        "from                | Tumor() from java.util.List.of()   | insert(new Finding(\"X\", \"y\"));                                     | 9 | from",
        "eval                | eval( true )                       | insert(new Finding(\"X\", \"y\"));                                     | 9 | not allowed",
        "foreign pattern     | java.io.File()                     | insert(new Finding(\"X\", \"y\"));                                     | 9 | matches java.io.File",
    })
    void codeThatReachesPastTheFactsIsRefusedWithFileAndLine(String name, String when, String then, int line, String why) throws Exception {
        RulesInvalidException e = refused(rule(when, then));
        RuleProblem p = e.problems().get(0);
        assertEquals(RuleProblem.Kind.NOT_DATA, p.kind(), p.toString());
        assertEquals("zz-attack.drl", p.file());
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.column() > 0, p.toString());
        assertTrue(p.message().startsWith("rules are data: ") && p.message().contains(why), p.toString());
    }

    /** docs/authoring.md, "Common error messages": a misspelt fact type is named as one, with the types there are. */
    @Test
    void aMisspeltFactTypeIsToldTheFactTypesWhileJavaLangStaysRefused() throws Exception {
        RuleProblem typo = refused(rule("Tumour( solid )", "insert(new Finding(\"X\", \"y\"));")).problems().get(0);
        assertEquals(9, typo.line(), typo.toString());
        assertEquals(5, typo.column(), typo.toString());
        assertTrue(typo.message().startsWith("'Tumour' is not a fact type; the fact types are: Patient, Tumor, Receptor, "), typo.toString());
        RuleProblem system = refused(rule("System()", "insert(new Finding(\"X\", \"y\"));")).problems().get(0);
        assertTrue(system.message().startsWith("rules are data: matches System"), system.toString());
        RuleProblem notAValue = refused(rule("CaseReader()", "insert(new Finding(\"X\", \"y\"));")).problems().get(0);
        assertTrue(notAValue.message().startsWith("rules are data: matches CaseReader"), notAValue.toString());
    }

    @Test
    void packageLevelCodeIsRefused() throws Exception {
        String drl = "package org.nanoguide.rules;\n\nimport org.nanoguide.facts.*;\nimport java.nio.file.Files;\n"
                + "global java.util.List leak;\n"
                + "function String spin(String s) {\n    while (true) { }\n}\n"
                + "function String home(java.io.File f) {\n    return f.getPath();\n}\n"
                + "rule \"a\"\n    @id(\"zz-a\") @section(\"1\") @refs(System.getenv(\"HOME\")) salience (System.nanoTime())\n"
                + "when\n    Tumor()\nthen\n    insert(new Finding(\"X\", spin(\"y\")));\nend\n";
        String problems = refused(drl).problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
        assertTrue(problems.contains("zz-attack.drl:4:") && problems.contains("imports java.nio.file.Files"), problems);
        assertTrue(problems.contains("zz-attack.drl:5:") && problems.contains("global leak"), problems);
        assertTrue(problems.contains("zz-attack.drl:7:") && problems.contains("function spin: 'while (true)"), problems);
        assertTrue(problems.contains("takes a java.io.File"), problems);
        assertTrue(problems.contains("@refs is not a literal"), problems);
        assertTrue(problems.contains("attribute salience"), problems);
    }

    @Test
    void functionsAndConsequencesInTheProjectStyleAreData() throws Exception {
        String drl = TestKb.DRL_HEADER
                + "function String share(double part, double whole) {\n    if (whole == 0) return \"none\";\n"
                + "    String pct = String.valueOf(Math.round(100 * part / whole));\n    return pct + \"%\";\n}\n"
                + "rule \"ok\"\n    @id(\"zz-ok\") @section(\"1\") @refs(\"2\") @strength(0.5)\nwhen\n"
                + "    $t : Tumor( type == TumorType.LUNG, $d : depthCm > 1.0 )\n    not Finding( code == \"X\" )\nthen\n"
                + "    insert(new Finding(\"X\", share($d, 10) + \" \" + $t.type().name().toLowerCase().replace('_', ' ')));\n"
                + "    insertLogical(new Warning(WarningCode.MISSING_DATA, $d > 2 ? \"deep\" : \"shallow\"));\n"
                + "    insert(new org.nanoguide.facts.Finding(\"Y\", String.join(\", \", \"a\", \"b\")));\nend\n";
        Path dir = Files.createDirectories(tmp.resolve("ok"));
        Files.writeString(dir.resolve("ok.drl"), drl);
        assertEquals(List.of(), RuleGuard.problems(RuleSource.of(RuleFiles.fromFolder(dir))).stream().map(RuleProblem::toString).toList());
    }

    @Test
    void checkRefusesRulesThatAreNotData() throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve("zz-attack.drl"), rule("Tumor()", "System.exit(0);"));
        org.nanoguide.check.CheckReport report = org.nanoguide.check.Checker.check(RuleFiles.fromFolder(rules), List.of(), false);
        assertEquals(2, report.exitCode(), report.toString());
        assertTrue(report.compileErrors().stream().anyMatch(p -> p.file().endsWith("zz-attack.drl") && p.line() == 11
                && p.message().startsWith("rules are data")), report.compileErrors().toString());
    }

    private RulesInvalidException refused(String drl) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve("zz-attack.drl"), drl);
        return assertThrows(RulesInvalidException.class, () -> KnowledgeBaseLoader.load(rules));
    }
}
