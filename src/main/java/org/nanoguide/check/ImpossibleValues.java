package org.nanoguide.check;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.nanoguide.check.messages.RuleVocabulary;
import org.nanoguide.model.Suggestion;
import org.nanoguide.facts.Product;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RuleSource;
import org.nanoguide.kb.Severity;
import org.nanoguide.model.KnownDrug;

/**
 * Conditions that can never hold because they compare a field with a text no case and no rule
 * can produce: a drug in the wrong case ({@code PlannedDrug( name == "Doxorubicin" )}: the case's
 * drugs are their {@code KnownDrug} names), a finding code no rule inserts, an enum field compared
 * with a name the enum does not have. Such a rule compiles and passes every case, yet never fires.
 * Warnings, so that {@code check --strict} fails on them. Conditions are read from Drools' parsed
 * descriptors and their constraints with Drools' expression parser.
 */
final class ImpossibleValues {
    private ImpossibleValues() { }

    static List<RuleProblem> run(List<RuleSource> sources, List<Product> products) {
        Producers producers = Producers.of(sources, products);
        List<RuleProblem> out = new ArrayList<>();
        for (RuleSource src : sources) {
            PackageDescr pkg = src.descriptors();
            if (pkg == null) continue;
            for (RuleDescr r : pkg.getRules()) {
                if (r.getLhs() != null) walk(src, r, r.getLhs(), NEVER_FIRES, producers, out);
            }
        }
        return out;
    }

    private static final String NEVER_FIRES = "the rule never fires";

    /** @param effect what a pattern that never matches does to the rule, where it stands (under a not, an or) */
    private static void walk(RuleSource src, RuleDescr rule, BaseDescr d, String effect, Producers producers, List<RuleProblem> out) {
        if (d instanceof PatternDescr p) {
            if (p.getSource() != null) return; // facts from an expression: their values are not known here
            Class<?> type = RuleVocabulary.type(p.getObjectType()).orElse(null);
            if (type == null || !type.isRecord()) return;
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) constraint(src, rule, p, type, e, effect, producers, out);
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            String inner = d instanceof NotDescr ? "so the `not` around it always holds"
                    : d instanceof OrDescr ? "so this alternative of the `or` never holds" : effect;
            for (Object x : ce.getDescrs()) if (x instanceof BaseDescr b) walk(src, rule, b, inner, producers, out);
        }
    }

    private static void constraint(RuleSource src, RuleDescr rule, PatternDescr p, Class<?> type, ExprConstraintDescr e,
                                   String effect, Producers producers, List<RuleProblem> out) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr parsed;
        try {
            parsed = parser.parse(e.getExpression());
        } catch (RuntimeException ex) {
            return;
        }
        if (parsed == null || parser.hasErrors()) return;
        String why = impossible(parsed, type, producers);
        if (why == null) return;
        String where = type.getSimpleName() + "( " + e.getExpression().strip() + " )";
        out.add(new RuleProblem(Severity.WARNING, src.file(), p.getLine(), p.getColumn() + 1, rule.getName(),
                where + " can never match: " + why + "; " + effect, RuleProblem.Kind.NEVER_MATCHES));
    }

    /**
     * Why a constraint can never hold, or null: a comparison with an impossible value; an "and"
     * with one such part; an "or" (and {@code in}) only when every alternative is impossible.
     */
    private static String impossible(BaseDescr d, Class<?> type, Producers producers) {
        if (d instanceof ConstraintConnectiveDescr c) {
            boolean or = c.getConnective() == ConnectiveType.OR || c.getConnective() == ConnectiveType.INC_OR;
            List<String> reasons = new ArrayList<>();
            for (BaseDescr x : c.getDescrs()) {
                String why = impossible(x, type, producers);
                if (why != null && !or) return why;
                if (why == null && or) return null;
                if (why != null) reasons.add(why);
            }
            return reasons.isEmpty() ? null : String.join("; and ", reasons);
        }
        if (!(d instanceof RelationalExprDescr r) || !(r.getLeft() instanceof AtomicExprDescr left)
                || !(r.getRight() instanceof AtomicExprDescr right)) return null;
        if (r.isNegated() || !List.of("==", "contains").contains(r.getOperator())) return null;
        String text = right.getExpression().strip();
        if (!right.isLiteral() || text.length() < 2 || text.charAt(0) != '"' && text.charAt(0) != '\'') return null;
        String field = left.getExpression().strip();
        RecordComponent rc = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(field)).findFirst().orElse(null);
        return rc == null ? null : why(type, rc, text.substring(1, text.length() - 1), producers);
    }

    /** Why no fact can have this value in this field, or null when one can (or nothing is known). */
    private static String why(Class<?> type, RecordComponent field, String value, Producers producers) {
        String t = type.getSimpleName();
        if (field.getType().isEnum()) {
            List<String> names = Arrays.stream(field.getType().getEnumConstants()).map(x -> ((Enum<?>) x).name()).toList();
            if (names.contains(value)) return null;
            return field.getName() + " is a " + field.getType().getSimpleName() + " and \"" + value + "\" is not one"
                    + Suggestion.closest(value, names).map(s -> " (did you mean " + field.getType().getSimpleName() + "." + s + "?)").orElse("");
        }
        boolean drugs = t.equals("PlannedDrug") && field.getName().equals("name") || t.equals("Regimen") && Set.of("planned", "prior").contains(field.getName());
        if (drugs) {
            return KnownDrug.find(value).filter(k -> !k.name().equals(value))
                    .map(k -> "the case's drugs are named as the case format knows them: \"" + value + "\" is " + k.name()).orElse(null);
        }
        if (field.getType() != String.class) return null;
        Set<String> known = producers.known(t, field.getName());
        if (known == null || known.contains(value)) return null;
        String from = t.equals("Product") ? "no row of the product catalogue has " : "no rule inserts a " + t + " with ";
        if (known.isEmpty()) return t.equals("Product") ? from + field.getName() + " \"" + value + "\"" : "no rule inserts a " + t;
        return from + field.getName() + " \"" + value + "\"" + Suggestion.closest(value, List.copyOf(known)).map(s -> " (did you mean \"" + s + "\"?)")
                .orElse("; the " + field.getName() + "s written are " + String.join(", ", known));
    }

}
