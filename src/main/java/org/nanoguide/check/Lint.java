package org.nanoguide.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nanoguide.check.messages.RuleVocabulary;
import org.nanoguide.model.Suggestion;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RuleSource;
import org.nanoguide.kb.Severity;

/**
 * Checks the rule files as text, so it works even when they do not compile: labels
 * ({@code @id}, {@code @section}, {@code @refs}, {@code @strength}), unknown metadata,
 * vocabulary names, and thresholds written as bare numbers in several rules.
 */
public final class Lint {
    /** The metadata keys a rule may carry. */
    public static final Set<String> KNOWN_METADATA = Set.of("id", "section", "refs", "strength", "source", "guidance", "concludes", "claim", "quote");
    private static final List<String> KNOWN_SORTED = KNOWN_METADATA.stream().sorted().toList();

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern VOCAB = Pattern.compile("\\b(" + RuleVocabulary.VOCABULARIES.stream().map(RuleVocabulary.Vocabulary::name)
            .collect(Collectors.joining("|")) + ")\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)(\\s*\\()?");
    private static final Pattern CONCLUDES_WITH_STRENGTH = Pattern.compile("\\bnew\\s+(Recommendation|Targeted|Drawback)\\s*\\(");
    private static final Pattern BARE_NUMBER = Pattern.compile("(==|!=|>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)(?![\\w.])");

    private Lint() { }

    /** All findings over the rule files, in file and line order. */
    public static List<RuleProblem> run(RuleFiles files) {
        List<RuleSource> sources = RuleSource.of(files);
        List<RuleProblem> out = new ArrayList<>();
        Map<String, RuleSource.Rule> ids = new LinkedHashMap<>();
        Map<String, List<Occurrence>> numbers = new LinkedHashMap<>();
        for (RuleSource src : sources) {
            out.addAll(vocabulary(src));
            for (RuleSource.Rule r : src.rules()) {
                labels(r, ids, out);
                strength(src, r, out);
                collectNumbers(src, r, numbers);
            }
        }
        for (Map.Entry<String, List<Occurrence>> e : numbers.entrySet()) {
            Set<String> rules = e.getValue().stream().map(o -> o.rule().location()).collect(Collectors.toCollection(TreeSet::new));
            if (rules.size() < 2) continue;
            for (Occurrence o : e.getValue()) {
                String others = e.getValue().stream().filter(x -> x.rule() != o.rule()).map(x -> idOrName(x.rule()) + " (" + x.rule().location() + ")")
                        .distinct().collect(Collectors.joining(", "));
                out.add(new RuleProblem(Severity.WARNING, o.rule().file(), o.line(), o.column(), o.rule().name(),
                        "the threshold " + e.getKey() + " is written as a bare number here and also in " + others
                                + "; declare it once with a Threshold rule (with @source) and apply it in one rule that inserts a Finding",
                        RuleProblem.Kind.REPEATED_THRESHOLD));
            }
        }
        out.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return out;
    }

    record Occurrence(RuleSource.Rule rule, int line, int column) { }

    static String idOrName(RuleSource.Rule r) {
        String id = r.meta().get("id");
        return id != null && !id.isBlank() ? id : "\"" + r.name() + "\"";
    }

    /** Carrier.X, Modality.X, ... with an X the vocabulary does not have: an error that names the valid values. */
    static List<RuleProblem> vocabulary(RuleSource src) {
        List<RuleProblem> out = new ArrayList<>();
        String[] code = src.codeLines();
        for (int i = 0; i < code.length; i++) {
            Matcher m = VOCAB.matcher(code[i]);
            while (m.find()) {
                if (m.group(3) != null) continue; // a method call such as Carrier.valueOf(...)
                RuleVocabulary.Vocabulary v = RuleVocabulary.vocabulary(m.group(1)).orElseThrow();
                String name = m.group(2);
                if (v.names().contains(name)) continue;
                RuleSource.Rule r = src.ruleAt(i + 1);
                out.add(new RuleProblem(Severity.ERROR, src.file(), i + 1, m.start(2) + 1, r == null ? null : r.name(),
                        m.group(1) + "." + name + " is not a known " + v.noun() + "; the " + v.noun()
                                + (v.noun().endsWith("s") ? "es" : "s") + " are: " + String.join(", ", v.names())
                                + closest(name, v.names()), RuleProblem.Kind.UNKNOWN_VOCABULARY));
            }
        }
        return out;
    }

    private static String closest(String name, List<String> names) {
        return Suggestion.closest(name, names).map(n -> " (did you mean " + n + "?)").orElse("");
    }

    static void labels(RuleSource.Rule r, Map<String, RuleSource.Rule> ids, List<RuleProblem> out) {
        Map<String, String> meta = r.meta();
        String id = meta.get("id");
        if (id == null || id.isBlank()) {
            out.add(error(r, "the rule has no @id: give it a stable kebab-case id, e.g. @id(\"" + suggestId(r.name()) + "\")"));
        } else {
            if (!KEBAB.matcher(id).matches()) {
                out.add(error(r, r.meta("id"), "@id(\"" + id + "\") is not kebab-case (lower-case words joined by '-'), e.g. \"" + suggestId(id) + "\""));
            }
            RuleSource.Rule first = ids.putIfAbsent(id, r);
            if (first != null) {
                out.add(error(r, r.meta("id"), "@id(\"" + id + "\") is already used by rule \"" + first.name() + "\" (" + first.location() + "); ids must be unique"));
            }
        }
        if (!meta.containsKey("section") || meta.get("section") == null || meta.get("section").isBlank()) {
            out.add(error(r, "the rule has no @section: name the review section it comes from, e.g. @section(\"2.2(c)\")"));
        }
        if (!meta.containsKey("refs") || meta.get("refs") == null) {
            out.add(error(r, "the rule has no @refs: list the review's reference numbers, e.g. @refs(\"17, 19\"), or @refs(\"\") when it cites none"));
        } else if (!meta.get("refs").matches("\\s*\\[?\\s*(\\d+(\\s*[,\\s]\\s*\\d+)*)?\\s*\\]?\\s*")) {
            RuleSource.Meta refs = r.meta("refs").orElseThrow();
            out.add(new RuleProblem(Severity.WARNING, r.file(), refs.line(), refs.column(), r.name(),
                    "@refs(\"" + meta.get("refs") + "\") should be reference numbers separated by commas, e.g. \"17, 19\"",
                    RuleProblem.Kind.LABEL));
        }
        for (RuleSource.Meta m : r.metadata()) {
            if (!KNOWN_METADATA.contains(m.key())) {
                out.add(new RuleProblem(Severity.ERROR, r.file(), m.line(), m.column(), r.name(),
                        "unknown metadata @" + m.key() + Suggestion.closest(m.key(), KNOWN_SORTED).map(k -> " (did you mean @" + k + "?)").orElse("")
                                + "; the known keys are " + KNOWN_SORTED.stream().map(k -> "@" + k).collect(Collectors.joining(", ")),
                        RuleProblem.Kind.UNKNOWN_METADATA));
            }
        }
        String s = meta.get("strength");
        if (s != null) {
            double v;
            try {
                v = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v >= 0.0 && v <= 1.0)) {
                out.add(error(r, r.meta("strength"), "@strength(" + s + ") must be a number from 0.0 to 1.0"));
            }
        }
    }

    private static void strength(RuleSource src, RuleSource.Rule r, List<RuleProblem> out) {
        if (r.meta().containsKey("strength") || r.thenLine() == 0) return;
        String[] code = src.codeLines();
        for (int i = r.thenLine(); i < r.endLine() && i < code.length; i++) {
            Matcher m = CONCLUDES_WITH_STRENGTH.matcher(code[i]);
            if (m.find()) {
                out.add(new RuleProblem(Severity.WARNING, r.file(), i + 1, m.start(1) + 1, r.name(),
                        "the rule inserts a " + m.group(1) + " but has no @strength; it counts as 0.5. Say how strongly the evidence supports it, e.g. @strength(0.6)",
                        RuleProblem.Kind.MISSING_STRENGTH));
                return;
            }
        }
    }

    private static void collectNumbers(RuleSource src, RuleSource.Rule r, Map<String, List<Occurrence>> numbers) {
        if (r.whenLine() == 0) return;
        int lhsEnd = r.thenLine() > 0 ? r.thenLine() - 1 : r.endLine();
        String[] code = src.codeLines();
        for (int i = r.whenLine(); i < lhsEnd && i < code.length; i++) {
            Matcher m = BARE_NUMBER.matcher(code[i]);
            while (m.find()) {
                String key = normalise(m.group(2));
                numbers.computeIfAbsent(key, k -> new ArrayList<>()).add(new Occurrence(r, i + 1, m.start(2) + 1));
            }
        }
    }

    private static String normalise(String number) {
        double d = Double.parseDouble(number);
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** A problem with the whole rule, such as a missing label: at its {@code rule} keyword. */
    private static RuleProblem error(RuleSource.Rule r, String message) {
        return new RuleProblem(Severity.ERROR, r.file(), r.line(), r.column(), r.name(), message, RuleProblem.Kind.LABEL);
    }

    /** A problem with one label: at its {@code @}, else (not written) at the rule's {@code rule} keyword. */
    private static RuleProblem error(RuleSource.Rule r, Optional<RuleSource.Meta> at, String message) {
        return at.map(m -> new RuleProblem(Severity.ERROR, r.file(), m.line(), m.column(), r.name(), message, RuleProblem.Kind.LABEL))
                .orElseGet(() -> error(r, message));
    }

    static String suggestId(String name) {
        String s = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String[] words = s.split("-");
        return String.join("-", Arrays.copyOf(words, Math.min(words.length, 5)));
    }
}
