package org.nanoguide.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.TestKb;
import org.nanoguide.check.AuthoringCli;
import org.nanoguide.facts.Product;
import org.nanoguide.facts.ProductStatus;
import org.nanoguide.model.TumorType;

/** The product catalogue as domain experts edit it: every row sourced, every cell in the vocabulary, errors at file:line:column. */
class ProductCatalogueTest {
    @TempDir
    Path tmp;

    @Test
    void theBundledCatalogueHasASourceForEveryRowAndNoProblem() {
        ProductCatalogue.Parsed parsed = ProductCatalogue.parse(RuleFiles.bundled());
        assertEquals(List.of(), parsed.problems());
        assertTrue(parsed.products().size() >= 20, "rows: " + parsed.products().size());
        for (Product p : parsed.products()) assertFalse(p.source().isBlank(), p.id());
        Product vyxeos = parsed.products().stream().filter(p -> p.id().equals("vyxeos-aml")).findFirst().orElseThrow();
        assertEquals(List.of("DAUNORUBICIN", "CYTARABINE"), vyxeos.drugs());
        assertEquals(ProductStatus.APPROVED, vyxeos.status());
        assertTrue(vyxeos.isFor(TumorType.LEUKEMIA) && !vyxeos.isFor(TumorType.LYMPHOMA));
    }

    @Test
    void aRowWithoutASourceOrWithAnUnknownValueIsRefusedAtItsCell() {
        String header = String.join("\t", ProductCatalogue.COLUMNS);
        String good = "x-ok\tX\tLIPOSOME\tDRUG_DELIVERY\tDOXORUBICIN\t\tBREAST\t\t\t\t\t\t\t\t\t\tAPPROVED\tbreast\tEU\t2000\ta label";
        String noSource = "x-nosource\tX\tLIPOSOME\tDRUG_DELIVERY\tDOXORUBICIN\t\tBREAST\t\t\t\t\t\t\t\t\t\tAPPROVED\tbreast\tEU\t2000\t";
        String badCarrier = "x-bad\tX\tLIPOSOMES\tDRUG_DELIVERY\tDOXORUBICIN\t\tBREAST\t\t\t\t\t\t\t\t\t\tAPPROVED\tbreast\tEU\t2000\ta label";
        ProductCatalogue.Parsed parsed = ProductCatalogue.parse("products.tsv", "# comment\n" + header + "\n" + good + "\n" + noSource + "\n" + badCarrier + "\n");
        assertEquals(List.of("x-ok"), parsed.products().stream().map(Product::id).toList());
        assertEquals(2, parsed.problems().size(), parsed.problems().toString());
        RuleProblem source = parsed.problems().get(0);
        assertEquals(4, source.line());
        assertEquals(noSource.lastIndexOf('\t') + 2, source.column(), "the column of the empty source cell");
        assertTrue(source.message().contains("every row needs a public source"), source.message());
        RuleProblem carrier = parsed.problems().get(1);
        assertEquals(5, carrier.line());
        assertEquals(badCarrier.indexOf("LIPOSOMES") + 1, carrier.column());
        assertTrue(carrier.message().contains("\"LIPOSOMES\" is not a known carrier"), carrier.message());
    }

    @Test
    void theLabelsAgesAndMonotherapyAreReadAndABadValueIsRefusedAtItsCell() {
        String header = String.join("\t", ProductCatalogue.COLUMNS);
        String aged = "x-aged\tX\tLIPOSOME\tDRUG_DELIVERY\tDOXORUBICIN\t\tBREAST\t\t\t\t\t\t\t2\t30\ttrue\tAPPROVED\tbreast\tEU\t2000\ta label";
        String badAge = "x-badage\tX\tLIPOSOME\tDRUG_DELIVERY\tDOXORUBICIN\t\tBREAST\t\t\t\t\t\t\tadults\t\t\tAPPROVED\tbreast\tEU\t2000\ta label";
        String inverted = "x-inverted\tX\tLIPOSOME\tDRUG_DELIVERY\tDOXORUBICIN\t\tBREAST\t\t\t\t\t\t\t30\t2\t\tAPPROVED\tbreast\tEU\t2000\ta label";
        String notAlone = "x-notalone\tX\tLIPOSOME\tDRUG_DELIVERY\tDOXORUBICIN\t\tBREAST\t\t\t\t\t\t\t\t\tfalse\tAPPROVED\tbreast\tEU\t2000\ta label";
        ProductCatalogue.Parsed parsed = ProductCatalogue.parse("products.tsv", header + "\n" + aged + "\n" + badAge + "\n" + inverted + "\n" + notAlone + "\n");
        assertEquals(List.of("x-aged"), parsed.products().stream().map(Product::id).toList());
        Product p = parsed.products().get(0);
        assertEquals(2, p.minAge());
        assertEquals(30, p.maxAge());
        assertEquals(Boolean.TRUE, p.alone());
        assertTrue(p.allowsAge(2) && p.allowsAge(30) && !p.allowsAge(1) && !p.allowsAge(31));
        assertEquals("aged 2 to 30 years", p.agesText());
        assertEquals(3, parsed.problems().size(), parsed.problems().toString());
        assertEquals(badAge.indexOf("adults") + 1, parsed.problems().get(0).column());
        assertTrue(parsed.problems().get(0).message().contains("minAge is an age in whole years"), parsed.problems().get(0).message());
        assertTrue(parsed.problems().get(1).message().contains("maxAge 2 is below minAge 30"), parsed.problems().get(1).message());
        assertEquals(notAlone.indexOf("false") + 1, parsed.problems().get(2).column());
    }

    @Test
    void checkNamesAProblemOfTheCatalogueAndRefusesTheRules() throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Path catalogue = rules.resolve(ProductCatalogue.FILE);
        Files.writeString(catalogue, Files.readString(catalogue).replace("\tAPPROVED\tfirst-line metastatic breast cancer", "\tAPPROVD\tfirst-line metastatic breast cancer"));
        var r = AuthoringCli.run("check", "--rules", rules.toString(), TestKb.CASES.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.out().contains("products.tsv:") && r.out().contains("\"APPROVD\" is not a known status"), r.out());
    }
}
