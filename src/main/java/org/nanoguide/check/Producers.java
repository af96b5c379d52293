package org.nanoguide.check;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.nanoguide.check.messages.RuleVocabulary;
import org.nanoguide.facts.Product;
import org.nanoguide.kb.RuleSource;

/**
 * The text values each fact's fields can take: what the rules' consequences write into the
 * facts they insert ({@code new Finding("DEEP_LESION", ...)}, read with a Java parser from the
 * consequences Drools' parser hands over), and what the catalogue's rows hold. A field some
 * producer fills with an expression, not a literal, can take any value: it is "open" (null).
 */
final class Producers {
    /** The fact types the engine inserts from the case and the catalogue, not (only) rules (see Engine.facts). */
    static final Set<String> FROM_THE_CASE = Set.of("Patient", "Tumor", "Receptor", "MultidrugResistance", "PlannedDrug",
            "Regimen", "Therapy", "Goals", "Resources", "Constraints", "Product");

    /** Type, then field, then the values written; a field mapped to null is open. */
    private final Map<String, Map<String, Set<String>>> values = new HashMap<>();
    private final Set<String> inserted = new HashSet<>();
    /** False when some consequence could not be read: then nothing is known of what rules insert. */
    private boolean complete = true;

    static Producers of(List<RuleSource> sources, List<Product> products) {
        Producers p = new Producers();
        for (RuleSource src : sources) {
            PackageDescr pkg = src.descriptors();
            if (pkg == null) {
                p.complete = false;
                continue;
            }
            for (RuleDescr r : pkg.getRules()) p.consequence(String.valueOf(r.getConsequence()));
        }
        for (Product row : products) p.record(row);
        return p;
    }

    private void consequence(String code) {
        try {
            StaticJavaParser.parseBlock("{" + code + "}").findAll(ObjectCreationExpr.class).forEach(this::creation);
        } catch (ParseProblemException e) {
            complete = false;
        }
    }

    private void creation(ObjectCreationExpr e) {
        String type = e.getType().getNameAsString();
        Class<?> c = RuleVocabulary.type(type).orElse(null);
        if (c == null || !c.isRecord()) return;
        inserted.add(type);
        RecordComponent[] rc = c.getRecordComponents();
        for (int i = 0; i < rc.length; i++) {
            if (rc[i].getType() != String.class) continue;
            Expression arg = rc.length == e.getArguments().size() ? e.getArgument(i) : null;
            add(type, rc[i].getName(), arg instanceof StringLiteralExpr s ? s.asString() : null);
        }
    }

    private void record(Object row) {
        String type = row.getClass().getSimpleName();
        for (RecordComponent rc : row.getClass().getRecordComponents()) {
            if (rc.getType() != String.class) continue;
            try {
                Object v = rc.getAccessor().invoke(row);
                if (v != null) add(type, rc.getName(), (String) v);
            } catch (ReflectiveOperationException e) {
                add(type, rc.getName(), null);
            }
        }
    }

    private void add(String type, String field, String value) {
        Map<String, Set<String>> fields = values.computeIfAbsent(type, k -> new HashMap<>());
        if (value == null) {
            fields.put(field, null);
        } else if (!fields.containsKey(field) || fields.get(field) != null) {
            fields.computeIfAbsent(field, k -> new TreeSet<>()).add(value);
        }
    }

    /**
     * The values a text field can take, when they are known: for a fact only rules insert, the
     * literals they write; for catalogue rows, the rows' values. Null when any value is possible
     * (a case field, an expression) or nothing is known.
     */
    Set<String> known(String type, String field) {
        if (!complete) return null;
        if (FROM_THE_CASE.contains(type) && !type.equals("Product")) return null;
        Map<String, Set<String>> fields = values.get(type);
        if (fields == null) return inserted.contains(type) || type.equals("Product") ? null : Set.of();
        if (!fields.containsKey(field)) return Set.of();
        return fields.get(field);
    }
}
