package org.nanoguide.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nanoguide.facts.Carrier;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Modality;
import org.nanoguide.facts.Targeting;
import org.nanoguide.facts.WarningCode;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleInfo;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.model.EvidenceAccepted;
import org.nanoguide.model.Leakiness;
import org.nanoguide.model.MdrMechanism;
import org.nanoguide.model.Pressure;
import org.nanoguide.model.ReceptorName;
import org.nanoguide.model.ReceptorStatus;
import org.nanoguide.model.TumorType;

/**
 * The checks a rule author gets beyond compiling: labels (id, section, refs), vocabularies, and
 * thresholds. Errors make {@code check} fail; warnings are advice.
 */
public final class Lint {
    /** Metadata keys a rule may carry; anything else is probably a typo. */
    public static final Set<String> KNOWN_KEYS = Set.of("id", "section", "refs", "strength", "source", "guidance", "concludes");
    /** Conclusions whose weight is the rule's @strength. */
    static final List<String> WEIGHTED = List.of("Recommendation", "Targeted", "Drawback");

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern VOCAB = Pattern.compile("\\b(Carrier|Modality|Targeting|WarningCode|EvidenceLevel|TumorType|ReceptorName"
            + "|ReceptorStatus|Leakiness|Pressure|MdrMechanism|EvidenceAccepted)\\.([A-Za-z_][A-Za-z0-9_]*)\\b");
    private static final Pattern BARE_NUMBER = Pattern.compile("(<=|>=|==|!=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)(?![\\w.])");
    private static final Map<String, List<String>> VOCABULARIES = new LinkedHashMap<>();

    static {
        for (Class<? extends Enum<?>> e : List.<Class<? extends Enum<?>>>of(Carrier.class, Modality.class, Targeting.class,
                WarningCode.class, EvidenceLevel.class, TumorType.class, ReceptorName.class, ReceptorStatus.class,
                Leakiness.class, Pressure.class, MdrMechanism.class, EvidenceAccepted.class)) {
            VOCABULARIES.put(e.getSimpleName(), Arrays.stream(e.getEnumConstants()).map(Enum::name).toList());
        }
    }

    private Lint() { }

    /**
     * Values outside the vocabularies, from the DRL text alone, so the message is clear even where
     * the compiler's is not (it also fails on them).
     */
    public static List<RuleProblem> vocabulary(RuleFiles files) {
        List<RuleProblem> out = new ArrayList<>();
        List<RuleSource> rules = RuleSource.all(files);
        for (RuleFiles.RuleFile f : files.drlFiles()) {
            String[] lines = f.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = VOCAB.matcher(RuleSource.stripComment(lines[i]));
                while (m.find()) {
                    List<String> values = VOCABULARIES.get(m.group(1));
                    if (!values.contains(m.group(2))) {
                        int line = i + 1;
                        String rule = rules.stream().filter(r -> r.file().equals(f.path()) && r.line() <= line && line <= r.endLine())
                                .map(RuleSource::name).findFirst().orElse(null);
                        out.add(new RuleProblem("error", f.path(), line, m.start(2) + 1, rule,
                                m.group(1) + "." + m.group(2) + " is not a known value; " + m.group(1) + " is one of "
                                        + String.join(", ", values)));
                    }
                }
            }
        }
        return out;
    }

    /** Labels, weights and thresholds of a compiled knowledge base. */
    public static List<RuleProblem> rules(KnowledgeBase kb) {
        List<RuleProblem> out = new ArrayList<>();
        List<RuleSource> sources = RuleSource.all(kb.files());
        Map<String, List<RuleInfo>> byId = new TreeMap<>();
        for (RuleInfo r : kb.rules()) {
            if (r.id() != null) byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
            if (r.id() == null || r.id().isBlank()) {
                out.add(error(r, "no @id: give the rule a stable kebab-case id, e.g. @id(\"" + suggestId(r.name()) + "\")"));
            } else if (!ID.matcher(r.id()).matches()) {
                out.add(error(r, "@id(\"" + r.id() + "\") is not kebab-case (lower-case words joined by '-'), e.g. \"" + suggestId(r.id()) + "\""));
            }
            if (r.section() == null || r.section().isBlank()) {
                out.add(error(r, "no @section: name the section of the review the rule comes from, e.g. @section(\"2.2(c)\")"));
            }
            String refs = r.metadata().get("refs");
            if (refs == null) {
                out.add(error(r, "no @refs: list the review's reference numbers, e.g. @refs(\"17, 19\"), or @refs(\"\") when it cites none"));
            } else if (!refs.isBlank() && !refs.replaceAll("[\\[\\]]", "").strip().matches("\\d+([,\\s]+\\d+)*")) {
                out.add(error(r, "@refs(\"" + refs + "\") should be the review's reference numbers separated by commas"));
            }
            for (String key : r.metadata().keySet()) {
                if (!KNOWN_KEYS.contains(key)) {
                    out.add(error(r, "unknown metadata @" + key + " (known: " + KNOWN_KEYS.stream().sorted().collect(Collectors.joining(", ")) + ")"));
                }
            }
            String strength = r.metadata().get("strength");
            if (strength != null && (r.strength() == null || r.strength() < 0 || r.strength() > 1)) {
                out.add(error(r, "@strength(" + strength + ") must be a number from 0 to 1"));
            }
            RuleSource src = RuleSource.find(sources, r.file(), r.name()).orElse(null);
            if (src != null && strength == null) {
                String then = src.consequence().stream().map(RuleSource.NumberedLine::text).collect(Collectors.joining("\n"));
                for (String type : WEIGHTED) {
                    if (then.contains("new " + type + "(")) {
                        out.add(new RuleProblem("warning", r.file(), r.line(), 0, r.name(),
                                "inserts a " + type + " but has no @strength; it counts as 0.5 in certainty"));
                        break;
                    }
                }
            }
        }
        byId.forEach((id, rules) -> {
            if (rules.size() > 1) {
                for (RuleInfo r : rules) {
                    out.add(error(r, "@id(\"" + id + "\") is used by " + rules.size() + " rules: "
                            + rules.stream().map(RuleInfo::location).collect(Collectors.joining(", "))));
                }
            }
        });
        out.addAll(thresholds(sources));
        out.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        return out;
    }

    /** A number compared against in the conditions of more than one rule should be a named Threshold. */
    static List<RuleProblem> thresholds(List<RuleSource> sources) {
        Map<Double, List<Object[]>> uses = new TreeMap<>();
        for (RuleSource src : sources) {
            for (RuleSource.NumberedLine l : src.conditions()) {
                Matcher m = BARE_NUMBER.matcher(withoutStrings(l.text()));
                while (m.find()) {
                    uses.computeIfAbsent(Double.valueOf(m.group(2)), k -> new ArrayList<>())
                            .add(new Object[] {src, l.number(), m.start(2) + 1, m.group(2)});
                }
            }
        }
        List<RuleProblem> out = new ArrayList<>();
        uses.forEach((value, list) -> {
            long rules = list.stream().map(o -> ((RuleSource) o[0]).name()).distinct().count();
            if (rules > 1) {
                for (Object[] o : list) {
                    RuleSource src = (RuleSource) o[0];
                    out.add(new RuleProblem("warning", src.file(), (int) o[1], (int) o[2], src.name(),
                            "the threshold " + o[3] + " is written as a bare number in " + rules
                                    + " rules: declare it once as a Threshold (with its source) and use a Finding"));
                }
            }
        });
        return out;
    }

    private static String withoutStrings(String s) {
        return s.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    private static RuleProblem error(RuleInfo r, String message) {
        return new RuleProblem("error", r.file(), r.line(), 0, r.name(), message);
    }

    static String suggestId(String name) {
        String s = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > 40 ? s.substring(0, 40).replaceAll("-$", "") : s;
    }
}
