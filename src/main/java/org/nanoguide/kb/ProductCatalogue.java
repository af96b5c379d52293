package org.nanoguide.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Product;
import org.nanoguide.facts.ProductStatus;
import org.nanoguide.facts.Targeting;
import org.nanoguide.model.KnownDrug;
import org.nanoguide.model.TumorSubtype;
import org.nanoguide.model.TumorType;

/**
 * The product catalogue, {@code rules/products.tsv}: one named cancer nanomedicine per row and
 * indication, read into {@link Product} facts that every evaluation sees. It is a table so that
 * domain experts edit it in a spreadsheet or a text editor; it is fingerprinted with the rules.
 * A row is refused, with {@code file:line:column}, when a value is not in the vocabulary or it
 * has no source: nothing in the catalogue may be unsourced.
 */
public final class ProductCatalogue {
    public static final String FILE = "products.tsv";
    static final List<String> COLUMNS = List.of("id", "name", "carrier", "modality", "drugs", "targeting", "tumorTypes",
            "subtypes", "metastatic", "line", "afterDrugs", "withDrugs", "cardiacRisk", "minAge", "maxAge", "alone", "status", "indication", "region",
            "year", "source");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The rows, and every problem found; rows with a problem are left out. */
    public record Parsed(List<Product> products, List<RuleProblem> problems) { }

    private ProductCatalogue() { }

    /** The catalogue of these rule files; empty when they have none. */
    public static Parsed parse(RuleFiles files) {
        return files.files().stream().filter(f -> f.path().equals(FILE)).findFirst()
                .map(f -> parse(f.path(), f.text()))
                .orElse(new Parsed(List.of(), List.of()));
    }

    /** Refuses the rule files when their catalogue has a problem. */
    public static List<Product> validated(RuleFiles files) throws RulesInvalidException {
        Parsed p = parse(files);
        if (!p.problems().isEmpty()) throw new RulesInvalidException(p.problems());
        return p.products();
    }

    public static Parsed parse(String file, String text) {
        List<Product> products = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        Map<String, Integer> header = null;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            if (header == null) {
                header = header(file, i + 1, cells, problems);
                if (header == null) return new Parsed(List.of(), problems);
                continue;
            }
            Row row = new Row(file, i + 1, cells, header, problems);
            Product p = row.product();
            if (p != null && !ids.add(p.id())) {
                row.problem("id", "the id \"" + p.id() + "\" is used by an earlier row");
            } else if (p != null && row.ok) {
                products.add(p);
            }
        }
        if (header == null) problems.add(new RuleProblem(Severity.ERROR, file, 1, 1, null, "no header row (" + String.join(", ", COLUMNS) + ")", RuleProblem.Kind.CATALOGUE));
        return new Parsed(List.copyOf(products), List.copyOf(problems));
    }

    private static Map<String, Integer> header(String file, int line, String[] cells, List<RuleProblem> problems) {
        Map<String, Integer> out = new HashMap<>();
        for (int c = 0; c < cells.length; c++) out.put(cells[c].strip(), c);
        List<String> missing = COLUMNS.stream().filter(c -> !out.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new RuleProblem(Severity.ERROR, file, line, 1, null, "the header row lacks the column(s) " + String.join(", ", missing)
                    + "; the columns are " + String.join(", ", COLUMNS) + ", separated by tabs", RuleProblem.Kind.CATALOGUE));
            return null;
        }
        return out;
    }

    /** One data row: each cell read by its column name, each problem reported at its column. */
    private static final class Row {
        final String file;
        final int line;
        final String[] cells;
        final Map<String, Integer> header;
        final List<RuleProblem> problems;
        boolean ok = true;

        Row(String file, int line, String[] cells, Map<String, Integer> header, List<RuleProblem> problems) {
            this.file = file;
            this.line = line;
            this.cells = cells;
            this.header = header;
            this.problems = problems;
        }

        Product product() {
            String id = cell("id");
            if (id.isEmpty() || !ID.matcher(id).matches()) problem("id", "the id must be kebab-case, like \"doxil-ovarian\"");
            String name = required("name");
            Carrier carrier = one("carrier", Carrier.class, true);
            Modality modality = one("modality", Modality.class, true);
            List<String> drugs = drugs("drugs");
            Targeting targeting = one("targeting", Targeting.class, false);
            if (targeting == Targeting.PASSIVE_EPR) problem("targeting", "PASSIVE_EPR is not a ligand; leave the cell empty for an untargeted product");
            boolean anySolid = false;
            Set<TumorType> types = EnumSet.noneOf(TumorType.class);
            for (String t : list("tumorTypes")) {
                if (t.equals("SOLID")) anySolid = true;
                else types.add(parse("tumorTypes", t, TumorType.class));
            }
            if (types.isEmpty() && !anySolid) problem("tumorTypes", "name the tumor types of the indication (or SOLID for any solid tumor)");
            Set<TumorSubtype> subtypes = EnumSet.noneOf(TumorSubtype.class);
            for (String s : list("subtypes")) {
                TumorSubtype st = parse("subtypes", s, TumorSubtype.class);
                if (st != null && !types.contains(st.type())) problem("subtypes", s + " is a subtype of " + st.type() + ", which the row does not list");
                if (st != null) subtypes.add(st);
            }
            Boolean metastatic = bool("metastatic");
            String lineOfTherapy = cell("line").toUpperCase(Locale.ROOT);
            if (!lineOfTherapy.isEmpty() && !lineOfTherapy.equals("FIRST") && !lineOfTherapy.equals("LATER")) {
                problem("line", "line is FIRST, LATER or empty, not \"" + cell("line") + "\"");
            }
            List<String> after = drugs("afterDrugs");
            List<String> with = drugs("withDrugs");
            Boolean cardiac = bool("cardiacRisk");
            if (Boolean.FALSE.equals(cardiac)) problem("cardiacRisk", "cardiacRisk is true (a label for patients with cardiac risk only) or empty");
            Integer minAge = age("minAge");
            Integer maxAge = age("maxAge");
            if (minAge != null && maxAge != null && minAge > maxAge) problem("maxAge", "maxAge " + maxAge + " is below minAge " + minAge);
            Boolean alone = bool("alone");
            if (Boolean.FALSE.equals(alone)) problem("alone", "alone is true (a label for the drug alone, as monotherapy) or empty");
            ProductStatus status = one("status", ProductStatus.class, true);
            String indication = required("indication");
            String region = cell("region");
            Integer year = null;
            if (!cell("year").isEmpty()) {
                try {
                    year = Integer.parseInt(cell("year"));
                } catch (NumberFormatException e) {
                    problem("year", "the year is a number, not \"" + cell("year") + "\"");
                }
            }
            String source = required("source");
            if (!ok) return null;
            return new Product(id, name, carrier, modality, drugs, targeting, types, anySolid, subtypes, metastatic,
                    lineOfTherapy.isEmpty() ? null : lineOfTherapy, after, with, cardiac, minAge, maxAge, alone, status, indication,
                    region.isEmpty() ? null : region, year, source);
        }

        String cell(String column) {
            int c = header.get(column);
            return c < cells.length ? cells[c].strip() : "";
        }

        String required(String column) {
            String v = cell(column);
            if (v.isEmpty()) problem(column, "the " + column + " cell is empty" + (column.equals("source")
                    ? ": every row needs a public source (a label, an agency decision, a trial registry id or a paper)" : ""));
            return v;
        }

        List<String> list(String column) {
            String v = cell(column);
            if (v.isEmpty()) return List.of();
            return Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        List<String> drugs(String column) {
            List<String> out = new ArrayList<>();
            for (String d : list(column)) {
                KnownDrug k = parse(column, d, KnownDrug.class);
                if (k != null) out.add(k.name());
            }
            return out;
        }

        /** An age in whole years, or null when the cell is empty. */
        Integer age(String column) {
            String v = cell(column);
            if (v.isEmpty()) return null;
            try {
                int a = Integer.parseInt(v);
                if (a >= 0 && a <= 130) return a;
            } catch (NumberFormatException e) {
                // reported below, with the cell's text
            }
            problem(column, column + " is an age in whole years (0 to 130) or empty, not \"" + v + "\"");
            return null;
        }

        Boolean bool(String column) {
            String v = cell(column).toLowerCase(Locale.ROOT);
            if (v.isEmpty()) return null;
            if (v.equals("true") || v.equals("false")) return Boolean.valueOf(v);
            problem(column, column + " is true, false or empty, not \"" + cell(column) + "\"");
            return null;
        }

        <E extends Enum<E>> E one(String column, Class<E> type, boolean required) {
            String v = cell(column);
            if (v.isEmpty()) {
                if (required) problem(column, "the " + column + " cell is empty");
                return null;
            }
            return parse(column, v, type);
        }

        <E extends Enum<E>> E parse(String column, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                Function<E, String> n = Enum::name;
                problem(column, "\"" + value + "\" is not a known " + column + "; known: "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(n).toList()));
                return null;
            }
        }

        void problem(String column, String message) {
            ok = false;
            int c = header.get(column);
            int col = 1;
            for (int i = 0; i < c && i < cells.length; i++) col += cells[i].length() + 1;
            problems.add(new RuleProblem(Severity.ERROR, file, line, col, null, message, RuleProblem.Kind.CATALOGUE));
        }
    }
}
