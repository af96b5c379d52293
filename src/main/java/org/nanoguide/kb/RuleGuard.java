package org.nanoguide.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.nanoguide.check.messages.CompileMessages;

/**
 * Rules are data, not programs: before a rule file is compiled (at start-up, on every reload and
 * in {@code nanoguide check}) this refuses what would let it run arbitrary Java with the
 * program's rights. Allowed: imports from {@code org.nanoguide.facts} and {@code org.nanoguide.model};
 * conditions that are patterns over those types ({@code not}, {@code exists}, {@code forall},
 * {@code or}); literal metadata; the attributes that order rules; consequences and functions as
 * {@link RuleCode} allows. Refused, with file, line and column: globals, declared types, function
 * imports, {@code from}, {@code eval}, {@code accumulate}, and any other name (System, Runtime,
 * files, network, reflection, threads, the engine's handles). Files that do not parse are left
 * to the compiler, which reports their syntax errors.
 */
public final class RuleGuard {
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "dialect");

    private final RuleSource src;
    private final List<RuleProblem> out = new ArrayList<>();

    private RuleGuard(RuleSource src) {
        this.src = src;
    }

    /** Every refusal in these files, in file order; empty when all are data. */
    public static List<RuleProblem> problems(List<RuleSource> sources) {
        List<RuleProblem> out = new ArrayList<>();
        for (RuleSource s : sources) out.addAll(problems(s));
        return out;
    }

    public static List<RuleProblem> problems(RuleSource src) {
        PackageDescr pkg = src.descriptor();
        if (pkg == null) return List.of();
        RuleGuard g = new RuleGuard(src);
        g.check(pkg);
        return g.out;
    }

    private void check(PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            String t = i.getTarget();
            boolean ours = t.equals(RuleTypes.FACTS + ".*") || t.equals(RuleTypes.MODEL + ".*")
                    || (t.startsWith(RuleTypes.FACTS + ".") || t.startsWith(RuleTypes.MODEL + ".")) && RuleTypes.isValueType(t);
            if (!ours) refuse(i, null, "imports " + t + "; " + RuleTypes.VALUE_TYPES);
        }
        pkg.getFunctionImports().forEach(i -> refuse(i, null, "imports the function " + i.getTarget() + "; rules may call only the functions of their own file"));
        pkg.getGlobals().forEach(g -> refuse(g, null, "declares the global " + g.getIdentifier() + "; a global hands the rules an outside object"));
        pkg.getTypeDeclarations().forEach(d -> refuse(d, null, "declares the type " + d.getTypeName() + "; " + RuleTypes.VALUE_TYPES));
        pkg.getEnumDeclarations().forEach(d -> refuse(d, null, "declares the enum " + d.getTypeName() + "; " + RuleTypes.VALUE_TYPES));
        pkg.getAccumulateImports().forEach(d -> refuse(d, null, "imports an accumulate function; rules may not load code"));
        for (FunctionDescr f : pkg.getFunctions()) function(f);
        Set<String> functions = pkg.getFunctions().stream().map(FunctionDescr::getName).collect(Collectors.toSet());
        for (RuleDescr r : pkg.getRules()) rule(r, functions);
    }

    private void function(FunctionDescr f) {
        String what = "function " + f.getName();
        if (!RuleTypes.isValueType(f.getReturnType())) refuse(f, null, what + " returns a " + f.getReturnType() + "; " + RuleTypes.VALUE_TYPES);
        for (String t : f.getParameterTypes()) {
            if (!RuleTypes.isValueType(t)) refuse(f, null, what + " takes a " + t + "; " + RuleTypes.VALUE_TYPES);
        }
        int bodyLine = bodyStart(f.getLine());
        for (RuleCode.Refusal x : RuleCode.function(f.getBody())) {
            out.add(problem(bodyLine + x.line() - 1, x.column(), null, what + ": " + x.message()));
        }
    }

    private void rule(RuleDescr r, Set<String> functions) {
        RuleSource.Rule at = src.rule(r.getName()).orElse(null);
        int line = at == null ? r.getLine() : at.line();
        for (AnnotationDescr a : r.getAnnotations()) {
            for (Map.Entry<String, Object> v : a.getValueMap().entrySet()) {
                if (!literal(String.valueOf(v.getValue()))) {
                    RuleSource.Meta m = at == null ? null : at.meta(a.getName()).orElse(null);
                    out.add(problem(m == null ? line : m.line(), m == null ? 0 : m.column(), r.getName(),
                            "@" + a.getName() + " is not a literal; metadata values are text or numbers, never code"));
                }
            }
        }
        for (AttributeDescr a : r.getAttributes().values()) {
            String v = a.getValue() == null ? "" : a.getValue().strip();
            boolean ok = ATTRIBUTES.contains(a.getName()) && (!a.getName().equals("salience") || v.matches("-?\\d+"))
                    && (!a.getName().equals("dialect") || v.replace("\"", "").equals("java"));
            if (!ok) refuse(a, r.getName(), "the attribute " + a.getName() + " " + v + " is not allowed; rules may set "
                    + String.join(", ", ATTRIBUTES.stream().sorted().toList()) + " (salience a whole number, dialect \"java\")");
        }
        conditions(r.getLhs(), r.getName());
        if (r.getConsequence() instanceof String text) {
            // the parser gives the consequence's text without its leading blanks, and the line of its 'then'
            String code = text.strip();
            String codeStart = code.lines().findFirst().orElse("");
            String[] lines = src.lines();
            int first = Math.max(r.getConsequenceLine(), 1);
            while (first < lines.length && !codeStart.isEmpty() && !lines[first - 1].contains(codeStart)) first++;
            int shift = first <= lines.length && !codeStart.isEmpty() ? lines[first - 1].indexOf(codeStart) : -1;
            for (RuleCode.Refusal x : RuleCode.consequence(code, functions)) {
                int column = x.line() == 1 && x.column() > 0 && shift >= 0 ? shift + x.column() : x.column();
                out.add(problem(first + x.line() - 1, column, r.getName(), x.message()));
            }
        }
        if (!r.getNamedConsequences().isEmpty()) refuse(r, r.getName(), "named consequences are not allowed; " + RuleCode.CONSEQUENCE_FORM);
    }

    private void conditions(BaseDescr d, String rule) {
        if (d instanceof PatternDescr p) {
            if (RuleTypes.isUnknown(p.getObjectType())) {
                // a misspelt fact type is far likelier than an attempt to escape: say what the types are
                out.add(new RuleProblem(Severity.ERROR, src.file(), Math.max(p.getLine(), 0), p.getColumn() >= 0 ? p.getColumn() + 1 : 0, rule,
                        CompileMessages.notAFactType(p.getObjectType()), RuleProblem.Kind.NOT_DATA));
            } else if (!RuleTypes.isValueType(p.getObjectType())) {
                refuse(p, rule, "matches " + p.getObjectType() + "; " + RuleTypes.VALUE_TYPES);
            }
            if (p.getSource() != null) refuse(p, rule, "takes facts from an expression ('from', 'accumulate', 'collect'); "
                    + "conditions may only match facts of the case");
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) constraint(e, rule);
                else conditions(c, rule);
            }
        } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (BaseDescr c : ((ConditionalElementDescr) d).getDescrs()) conditions(c, rule);
        } else if (d instanceof ExprConstraintDescr e) {
            constraint(e, rule);
        } else if (d != null) {
            refuse(d, rule, "'" + d.getText() + "' (" + d.getClass().getSimpleName().replace("Descr", "")
                    + ") is not allowed; conditions are patterns over the case's facts, with not, exists, forall and or");
        }
    }

    private void constraint(ExprConstraintDescr e, String rule) {
        String why = ConditionNames.refusal(e.getExpression());
        if (why != null) refuse(e, rule, "the condition '" + e.getExpression() + "' " + why);
    }

    /** A metadata value as written: a quoted text, a number or a boolean. */
    private static boolean literal(String v) {
        String s = v.strip();
        return s.matches("\"([^\"\\\\]|\\\\.)*\"") || s.matches("'([^'\\\\]|\\\\.)*'") || s.matches("-?\\d+(\\.\\d+)?") || s.equals("true") || s.equals("false");
    }

    /** The line where a function's body starts: after its opening brace. */
    private int bodyStart(int line) {
        String[] code = src.codeLines();
        for (int j = Math.max(line - 1, 0); j < code.length; j++) {
            int brace = code[j].indexOf('{');
            if (brace >= 0) return code[j].substring(brace + 1).isBlank() ? j + 2 : j + 1;
        }
        return Math.max(line, 1);
    }

    private void refuse(BaseDescr d, String rule, String message) {
        out.add(problem(d.getLine(), d.getColumn() >= 0 ? d.getColumn() + 1 : 0, rule, message));
    }

    private RuleProblem problem(int line, int column, String rule, String message) {
        return new RuleProblem(Severity.ERROR, src.file(), Math.max(line, 0), Math.max(column, 0), rule,
                "rules are data: " + message, RuleProblem.Kind.NOT_DATA);
    }
}
