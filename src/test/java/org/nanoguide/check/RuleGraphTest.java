package org.nanoguide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.kb.RuleSource;

/** Which rules build on which (newcomer review 2c.3): read from the real rules, and from small rule files written here. */
class RuleGraphTest {
    private static Set<String> makers(RuleGraph g, String rule, boolean absent) {
        return g.buildsOn(rule).stream().filter(l -> l.absent() == absent).map(RuleGraph.Link::maker).collect(Collectors.toSet());
    }

    @Test
    void theProjectRulesLinkAFindingToTheRulesThatReadItsCodeOnly() {
        RuleGraph g = RuleGraph.of(RuleSource.of(TestKb.kb().files()));
        // ionp-deep-tumor-hyperthermia reads Finding( code == "DEEP_LESION" ): the one rule that writes that code, not the other findings.
        assertEquals(Set.of("finding-deep-lesion"), makers(g, "ionp-deep-tumor-hyperthermia", false).stream()
                .filter(r -> r.startsWith("finding-")).collect(Collectors.toSet()));
        // gold-photothermal-marginal holds while no LIGHT_BY_FIBRE finding is made.
        assertEquals(Set.of("finding-light-by-fibre"), makers(g, "gold-photothermal-marginal", true));
        assertTrue(makers(g, "gold-photothermal-marginal", false).contains("finding-light-marginal"));
        assertTrue(g.readBy("threshold-nir-reach").stream().anyMatch(l -> l.reader().equals("finding-light-reachable")));
        assertFalse(g.readBy("finding-deep-lesion").stream().anyMatch(l -> l.reader().equals("gold-photothermal")));
    }

    @Test
    void codesEnumsAndNullsMustAgreeAndAnythingElseIsTakenToMatch() {
        String drl = TestKb.DRL_HEADER
                + "rule \"makes deep\" @id(\"makes-deep\") when then insert(new Finding(\"DEEP_LESION\", \"deep\")); end\n"
                + "rule \"makes any\" @id(\"makes-any\") when $c : String() then insert(new Finding($c, \"any\")); end\n"
                + "rule \"makes gold\" @id(\"makes-gold\") when then insert(new Option(Carrier.GOLD_NP, Modality.PHOTOTHERMAL, null)); end\n"
                + "rule \"reads shallow\" @id(\"reads-shallow\") when Finding( code in (\"LIGHT_REACHABLE\", \"LIGHT_MARGINAL\") ) then end\n"
                + "rule \"reads deep\" @id(\"reads-deep\") when not Finding( code == \"DEEP_LESION\" ) then end\n"
                + "rule \"reads liposome\" @id(\"reads-liposome\") when Option( carrier == Carrier.LIPOSOME ) then end\n"
                + "rule \"reads untargeted gold\" @id(\"reads-untargeted\") when Option( carrier == Carrier.GOLD_NP, targeting == null ) then end\n"
                + "rule \"reads a variable\" @id(\"reads-variable\") when $t : Tumor() Option( carrier == $t ) then end\n";
        RuleGraph g = RuleGraph.of(List.of(RuleSource.of("mine.drl", drl)));
        assertEquals(Set.of("makes-any"), makers(g, "reads-shallow", false));
        assertEquals(Set.of("makes-deep", "makes-any"), makers(g, "reads-deep", true));
        assertEquals(Set.of(), makers(g, "reads-liposome", false));
        assertEquals(Set.of("makes-gold"), makers(g, "reads-untargeted", false));
        assertEquals(Set.of("makes-gold"), makers(g, "reads-variable", false));
        assertEquals("Finding (while absent): `makes-any`, `makes-deep`", RuleGraph.describe(g.buildsOn("reads-deep"), true));
        assertEquals("Option: `reads-untargeted`, `reads-variable`", RuleGraph.describe(g.readBy("makes-gold"), false));
    }
}
