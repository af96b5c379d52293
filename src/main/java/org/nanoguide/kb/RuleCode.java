package org.nanoguide.kb;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Java a rule file may hold, by allow-list: a consequence only inserts facts of
 * {@code org.nanoguide.facts} built from literals, bound values, the methods of those values,
 * enum constants, and the file's functions; a function only declares values, branches with
 * {@code if} and returns. Nothing else parses as allowed, so no loop, no lambda, no reflection
 * and no class outside the project's value types ({@link RuleTypes}) can be reached from a rule.
 * Positions are 1-based within the text checked.
 */
final class RuleCode {
    /** One refusal: where in the checked text, and why. */
    record Refusal(int line, int column, String message) { }

    /** Methods that reach past a value into the JVM (its class, its monitor). */
    private static final Set<String> DENIED_METHODS = Set.of("getClass", "wait", "notify", "notifyAll");
    /** The engine's own handles in a consequence: through them a rule reaches the session and its globals. */
    static final Set<String> ENGINE_NAMES = Set.of("drools", "kcontext");
    static final String CONSEQUENCE_FORM = "a consequence may only insert facts: insert(new Fact(...)); or "
            + "insertLogical(new Fact(...)); with a class of org.nanoguide.facts";

    private final Set<String> functions;
    private final List<Refusal> out = new ArrayList<>();

    private RuleCode(Set<String> functions) {
        this.functions = functions;
    }

    /** A rule's consequence; {@code functions} are the file's function names, which it may call. */
    static List<Refusal> consequence(String code, Set<String> functions) {
        RuleCode c = new RuleCode(functions);
        BlockStmt block = c.parse(code);
        if (block != null) for (Statement s : block.getStatements()) c.insertion(s);
        return c.out;
    }

    /** A function's body; it may call no function (so nothing recurses). */
    static List<Refusal> function(String body) {
        RuleCode c = new RuleCode(Set.of());
        BlockStmt block = c.parse(body);
        if (block != null) c.functionStatement(block);
        return c.out;
    }

    private BlockStmt parse(String code) {
        ParseResult<BlockStmt> r = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parseBlock("{" + code + "\n}");
        if (r.isSuccessful() && r.getResult().isPresent()) return r.getResult().get();
        int line = r.getProblems().stream().flatMap(p -> p.getLocation().stream())
                .map(t -> t.getBegin().getRange().map(x -> x.begin.line).orElse(1)).findFirst().orElse(1);
        out.add(new Refusal(line, 0, "not plain Java statements; " + CONSEQUENCE_FORM));
        return null;
    }

    private void insertion(Statement s) {
        if (s.isEmptyStmt()) return;
        if (s instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr call && call.getScope().isEmpty()
                && (call.getNameAsString().equals("insert") || call.getNameAsString().equals("insertLogical"))
                && call.getArguments().size() == 1 && call.getArgument(0) instanceof ObjectCreationExpr created) {
            String type = created.getType().getNameWithScope();
            if (!RuleTypes.isFact(type)) {
                refuse(created, "inserts a " + type + ", which is not a fact class of org.nanoguide.facts");
            } else {
                expression(created);
            }
            return;
        }
        refuse(s, "'" + firstLine(s) + "': " + CONSEQUENCE_FORM);
    }

    private void functionStatement(Statement s) {
        if (s instanceof BlockStmt b) {
            b.getStatements().forEach(this::functionStatement);
        } else if (s instanceof ReturnStmt r) {
            r.getExpression().ifPresent(this::expression);
        } else if (s instanceof IfStmt i) {
            expression(i.getCondition());
            functionStatement(i.getThenStmt());
            i.getElseStmt().ifPresent(this::functionStatement);
        } else if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr decl) {
            for (VariableDeclarator v : decl.getVariables()) {
                String type = v.getTypeAsString();
                if (!type.equals("var") && !RuleTypes.isValueType(type)) refuse(v, "declares a " + type + ", " + RuleTypes.VALUE_TYPES);
                v.getInitializer().ifPresent(this::expression);
            }
        } else if (!s.isEmptyStmt()) {
            refuse(s, "'" + firstLine(s) + "': a function may only declare values, branch with if and return "
                    + "(no loops, no assignments, no other statements)");
        }
    }

    private void expression(Expression e) {
        if (e instanceof LiteralExpr) return;
        if (e instanceof NameExpr n) {
            if (ENGINE_NAMES.contains(n.getNameAsString())) refuse(n, "'" + n + "' reaches the engine itself, which rules may not use");
        } else if (e instanceof FieldAccessExpr f) {
            if (!qualifiedValue(f)) expression(f.getScope());
        } else if (e instanceof MethodCallExpr m) {
            call(m);
        } else if (e instanceof ObjectCreationExpr o) {
            String type = o.getType().getNameWithScope();
            if (o.getAnonymousClassBody().isPresent()) refuse(o, "declares a class inside a rule");
            else if (!RuleTypes.isValueType(type)) refuse(o, "creates a " + type + ", " + RuleTypes.VALUE_TYPES);
            o.getArguments().forEach(this::expression);
        } else if (e instanceof BinaryExpr b) {
            expression(b.getLeft());
            expression(b.getRight());
        } else if (e instanceof UnaryExpr u) {
            if (u.getOperator().isPrefix() && u.getOperator() != UnaryExpr.Operator.PREFIX_INCREMENT
                    && u.getOperator() != UnaryExpr.Operator.PREFIX_DECREMENT) expression(u.getExpression());
            else refuse(u, "'" + u + "' changes a variable; rules compute values, they never change them");
        } else if (e instanceof ConditionalExpr c) {
            expression(c.getCondition());
            expression(c.getThenExpr());
            expression(c.getElseExpr());
        } else if (e instanceof EnclosedExpr p) {
            expression(p.getInner());
        } else if (e instanceof CastExpr c) {
            if (!RuleTypes.isValueType(c.getTypeAsString())) refuse(c, "casts to " + c.getTypeAsString() + ", " + RuleTypes.VALUE_TYPES);
            expression(c.getExpression());
        } else {
            refuse(e, "'" + firstLine(e) + "' is not allowed in a rule (" + kind(e) + "); rules build values from "
                    + "literals, bound variables, their methods, enum constants and operators");
        }
    }

    private void call(MethodCallExpr m) {
        String name = m.getNameAsString();
        Optional<Expression> scope = m.getScope();
        String dotted = scope.map(RuleCode::dotted).orElse(null);
        if (DENIED_METHODS.contains(name)) {
            refuse(m, "calls " + name + "(), which reaches the JVM (classes, monitors), not the case's values");
        } else if (scope.isEmpty()) {
            if (!functions.contains(name)) {
                refuse(m, "calls " + name + "(), which is not a function of this file"
                        + (functions.isEmpty() ? " (a function may not call functions)" : ""));
            }
        } else if (dotted != null && RuleTypes.looksLikeType(dotted)) {
            if (!RuleTypes.isValueType(dotted)) refuse(m, "calls " + dotted + "." + name + "(): " + RuleTypes.VALUE_TYPES);
        } else {
            expression(scope.get());
        }
        m.getArguments().forEach(this::expression);
    }

    /** {@code Carrier.GOLD_NP} and the like: true when handled here as a name of a type's member. */
    private boolean qualifiedValue(FieldAccessExpr f) {
        String scope = dotted(f.getScope());
        if (scope == null || !RuleTypes.looksLikeType(scope)) return false;
        if (!RuleTypes.isValueType(scope)) refuse(f, "reads " + scope + "." + f.getNameAsString() + ": " + RuleTypes.VALUE_TYPES);
        return true;
    }

    /** {@code a.b.C} for a chain of plain names, else null. */
    private static String dotted(Expression e) {
        if (e instanceof NameExpr n) return n.getNameAsString();
        if (e instanceof FieldAccessExpr f) {
            String scope = dotted(f.getScope());
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }

    private static String kind(Expression e) {
        return e.getClass().getSimpleName().replaceAll("Expr$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private static String firstLine(Node n) {
        String s = n.toString().strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    private void refuse(Node n, String message) {
        int line = n.getBegin().map(p -> p.line).orElse(1);
        // the parsed text starts with the '{' added around it
        int column = n.getBegin().map(p -> line == 1 ? p.column - 1 : p.column).orElse(0);
        out.add(new Refusal(line, column, message));
    }
}
