package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;

/** check --strict fails on a rule that can never fire: newcomer review table 1d, B5 and B6, on a copy of the real rules. */
class ImpossibleValuesTest {
    @TempDir
    Path tmp;

    private AuthoringCli.Run check(boolean strict, String conditions) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve("mine.drl"), AuthoringCli.HEADER + "rule \"Hepatic impairment with doxorubicin\"\n"
                + "    @id(\"pld-hepatic-dose-reduction\") @section(\"2.1\") @refs(\"11\")\nwhen\n" + conditions
                + "then\n    insert(new Caution(Carrier.PEGYLATED_LIPOSOME, \"reduce the dose\"));\nend\n");
        return strict ? AuthoringCli.run("check", "--strict", "--rules", rules.toString())
                : AuthoringCli.run("check", "--rules", rules.toString());
    }

    @Test
    void aDrugInTheWrongCaseFailsAStrictCheck() throws Exception {
        String when = "    Patient( hepaticImpairment == true )\n    PlannedDrug( name == \"Doxorubicin\" )\n";
        var r = check(false, when);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("mine.drl:10:5: warning: PlannedDrug( name == \"Doxorubicin\" ) can never match: the case's drugs are named"
                + " as the case format knows them: \"Doxorubicin\" is DOXORUBICIN; the rule never fires"), r.out());
        assertEquals(1, check(true, when).code());
    }

    @Test
    void aFindingCodeNoRuleInsertsIsNamedWithTheCodesThereAre() throws Exception {
        var r = check(true, "    Finding( code == \"HEPATIC_IMPAIRMENT\" )\n    Finding( code == \"DEEP_LESIONS\" )\n");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("Finding( code == \"HEPATIC_IMPAIRMENT\" ) can never match: no rule inserts a Finding with code"
                + " \"HEPATIC_IMPAIRMENT\"; the codes written are ANTHRACYCLINE_HIGH_RISK, "), r.out());
        assertTrue(r.out().contains("no rule inserts a Finding with code \"DEEP_LESIONS\" (did you mean \"DEEP_LESION\"?)"), r.out());
    }

    @Test
    void anEnumComparedWithANameItDoesNotHave() throws Exception {
        var r = check(true, "    Tumor( type == \"Breast\" )\n");
        assertTrue(r.out().contains("Tumor( type == \"Breast\" ) can never match: type is a TumorType and \"Breast\" is not one"
                + " (did you mean TumorType.BREAST?)"), r.out());
    }

    @Test
    void oneImpossibleAlternativeIsNotADeadRuleButAForbiddenOneIsSaidSo() throws Exception {
        var r = check(false, "    DrugClass( drugClass in (\"ANTHRACYCLINE\", \"ANTHRACYCLINES\") )\n"
                + "    not Finding( code == \"HEPATIC\" )\n");
        assertFalse(r.out().contains("DrugClass("), r.out());
        assertTrue(r.out().contains("Finding( code == \"HEPATIC\" ) can never match: no rule inserts a Finding with code \"HEPATIC\";"), r.out());
        assertTrue(r.out().contains("so the `not` around it always holds"), r.out());
    }

    @Test
    void theProjectRulesHaveNone() {
        var r = AuthoringCli.run("check", "--strict", "--rules", TestKb.RULES.toString(), TestKb.CASES.toString());
        assertEquals(0, r.code(), r.all());
        assertFalse(r.out().contains("can never match"), r.out());
    }
}
