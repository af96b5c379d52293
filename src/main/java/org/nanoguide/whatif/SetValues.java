package org.nanoguide.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nanoguide.Nanoguide;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseProblem;

/**
 * {@code --set PATH=VALUE}: values put into a case before it is evaluated, by dotted case path,
 * and the changed case validated as any case is, so a misspelt field or a value the format does
 * not allow is named exactly as in a case file.
 */
public final class SetValues {
    private SetValues() { }

    /**
     * Reads {@code PATH=VALUE} pairs. VALUE is JSON when it reads as JSON ({@code true},
     * {@code 0.8}, {@code ["DOXORUBICIN"]}), else a string ({@code POSITIVE}).
     *
     * @throws IllegalArgumentException naming the pair that is not {@code PATH=VALUE}
     */
    public static List<Assignment> parse(List<String> specs) {
        List<Assignment> out = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String path = eq < 0 ? "" : spec.substring(0, eq).trim();
            if (eq < 0 || !path.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
                throw new IllegalArgumentException("--set " + spec + ": expected PATH=VALUE with a dotted case path, "
                        + "such as resources.nirLaser=true or tumor.receptors.HER2=POSITIVE");
            }
            out.add(new Assignment(path, value(spec.substring(eq + 1).trim())));
        }
        return List.copyOf(out);
    }

    private static JsonNode value(String text) {
        try {
            JsonNode n = Nanoguide.reader().mapper().readTree(text);
            return n == null || n.isMissingNode() ? TextNode.valueOf(text) : n;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    /**
     * The case with the values set, read and validated again; rejected, naming the source and the
     * JSON path, when a value does not fit the format.
     */
    public static CaseInput apply(CaseInput.Valid in, List<Assignment> set, CaseSpace space) {
        String source = in.source() + " (with --set)";
        ObjectNode tree = CaseTree.of(in.value(), space);
        for (Assignment a : set) {
            try {
                CaseTree.set(tree, a.field(), a.value());
            } catch (IllegalArgumentException e) {
                return new CaseInput.Rejected(in.index(), new CaseProblem(source, "$." + a.field(), 0, 0, e.getMessage()));
            }
        }
        byte[] doc = tree.toString().getBytes(StandardCharsets.UTF_8);
        CaseInput out = Nanoguide.reader().readDocument(source, in.value().id(), doc, in.index()).cases().get(0);
        if (out instanceof CaseInput.Rejected r && !r.problems().isEmpty()) {
            // the positions are in the rewritten case, not in the file the user has: leave them out
            List<CaseProblem> problems = r.problems().stream()
                    .map(p -> new CaseProblem(p.source(), p.path(), 0, 0, p.detail())).toList();
            StringBuilder msg = new StringBuilder();
            for (CaseProblem p : problems) msg.append(msg.length() == 0 ? "" : System.lineSeparator()).append(p);
            return new CaseInput.Rejected(source, in.index(), msg.toString(), problems);
        }
        if (out instanceof CaseInput.Valid v) return new CaseInput.Valid(in.source(), in.index(), v.value());
        return out;
    }
}
