package org.nanoguide.cds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanoguide.TestKb;
import org.nanoguide.facts.Product;

/** The web addresses the cards link, read from the sources of the real product catalogue. */
class CdsProductLinksTest {
    @Test
    void everyAddressInACatalogueSourceIsReadWhole() {
        for (Product p : TestKb.kb().products()) {
            List<URI> urls = CardBuilder.urls(p.source());
            int written = p.source() == null ? 0 : p.source().split("https?://", -1).length - 1;
            assertEquals(written, urls.size(), p.id() + ": " + p.source() + " gives " + urls);
            for (URI u : urls) assertTrue(p.source().contains(u.toString() + " ") || p.source().endsWith(u.toString()), p.id() + ": " + u);
        }
    }

    @Test
    void aSourceWithTwoAddressesGivesBothInOrderAndPlainTextGivesNone() {
        Product nanotherm = TestKb.kb().products().stream().filter(p -> p.id().equals("nanotherm-brain")).findFirst().orElseThrow();
        assertEquals(List.of(URI.create("https://www.nanowerk.com/news/newsid=16907.php"),
                URI.create("https://www.finanzen.at/nachrichten/aktien/dgap-adhoc-magforce-ag-application-for-the-opening-of-insolvency-proceedings-1031616454")),
                CardBuilder.urls(nanotherm.source()));
        assertEquals(List.of(), CardBuilder.urls("Caelyx summary of product characteristics, section 4.1 (EMA EPAR)"));
        assertEquals(List.of(URI.create("https://example.org/a")), CardBuilder.urls("see (https://example.org/a)."));
    }
}
