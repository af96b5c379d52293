package org.nanoguide.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nanoguide.facts.Product;

/**
 * What the product catalogue says of a planned drug name that is a product's name ("Doxil"). The
 * case is not rewritten: an unknown drug stays unknown, because which drug a product stands for in
 * a regimen is for the rules to decide, and a brand can carry more than one drug (Vyxeos). The hint
 * only tells the user what to write instead, beside the message that reports the drug as unknown.
 *
 * <p>A product's names are the part of the catalogue's name column before the parenthesis,
 * separated by '/' ("Doxil/Caelyx (PEGylated liposomal doxorubicin)" names Doxil and Caelyx); the
 * parenthesis says what the product is. Names are compared ignoring case, spaces, hyphens and the
 * trademark signs, which is how brands are typed from a label ("DOXIL®", "Genexol PM").
 */
public final class ProductNames {
    private ProductNames() { }

    /** The hint for {@code given}, or empty when no product in {@code products} has that name. */
    public static Optional<String> hint(String given, List<Product> products) {
        String wanted = fold(given);
        if (wanted.isEmpty()) return Optional.empty();
        for (Product p : products) {
            for (String brand : brands(p.name())) {
                if (fold(brand).equals(wanted)) return Optional.of(hint(brand, p));
            }
        }
        return Optional.empty();
    }

    private static String hint(String brand, Product p) {
        String what = description(p.name());
        String said = brand + " is a product in the catalogue" + (what.isEmpty() ? "" : " (" + what + ")");
        List<String> drugs = p.drugs();
        if (drugs.isEmpty()) return said + "; it carries no drug to give in plannedDrugs.";
        if (drugs.size() == 1) return said + "; give its drug, " + drugs.get(0) + ", in plannedDrugs.";
        String listed = String.join(", ", drugs.subList(0, drugs.size() - 1)) + " and " + drugs.get(drugs.size() - 1);
        return said + "; give its drugs, " + listed + ", in plannedDrugs.";
    }

    /** The brands of a catalogue name: what comes before its parenthesis, split at '/'. */
    static List<String> brands(String name) {
        int open = name.indexOf('(');
        String head = open < 0 ? name : name.substring(0, open);
        List<String> out = new ArrayList<>();
        for (String b : head.split("/")) {
            String brand = b.strip();
            if (!brand.isEmpty()) out.add(brand);
        }
        return out;
    }

    /** What the catalogue's parenthesis says the product is; empty when the name has none. */
    private static String description(String name) {
        int open = name.indexOf('(');
        int close = name.indexOf(')', open + 1);
        return open < 0 || close < 0 ? "" : name.substring(open + 1, close).strip();
    }

    private static String fold(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\-\u00AE\u2122]", "").toUpperCase(Locale.ROOT);
    }
}
