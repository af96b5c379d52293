package org.nanoguide.kb;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A list of rules as {@code GET /v1/rules} and {@code nanoguide rules --format json} both give it:
 * which knowledge base they come from and one entry a rule. Declared once so that the service
 * and the command line cannot drift apart; the command line wraps each {@link RuleInfo} to add
 * what only an editor on the same machine may see (its file's path), never removing a field.
 *
 * @param count how many rules the list holds (all of them, or those a search matched)
 * @param <R>   {@link RuleInfo}, or a wrapper that shows its fields and adds some
 */
@JsonPropertyOrder({"version", "fingerprint", "count", "rules"})
public record RuleListing<R>(String version, String fingerprint, int count, List<R> rules) {
    public RuleListing {
        rules = List.copyOf(rules);
        if (count != rules.size()) throw new IllegalArgumentException("count " + count + " but " + rules.size() + " rules");
    }

    /** Every rule of the knowledge base, in file and line order. */
    public static RuleListing<RuleInfo> of(KnowledgeBase kb) {
        return of(kb, r -> true);
    }

    /** The rules of the knowledge base that pass {@code keep}, in file and line order. */
    public static RuleListing<RuleInfo> of(KnowledgeBase kb, Predicate<? super RuleInfo> keep) {
        List<RuleInfo> kept = kb.rules().stream().filter(keep).toList();
        return new RuleListing<>(kb.version(), kb.fingerprint(), kept.size(), kept);
    }

    /** The same listing with each entry turned into another (for fields one reader adds). */
    public <T> RuleListing<T> map(Function<? super R, ? extends T> f) {
        return new RuleListing<>(version, fingerprint, count, rules.stream().<T>map(f).toList());
    }

    /**
     * A search for rules: every word (split at spaces, compared ignoring case) must occur in the
     * rule's id, name, section, or the value of one of its metadata keys ({@code @quote},
     * {@code @concludes}, {@code @source}...). Words may fall in different places.
     */
    public static Predicate<RuleInfo> containingEvery(String words) {
        List<String> wanted = words(words);
        return r -> {
            String text = searchText(r);
            return wanted.stream().allMatch(text::contains);
        };
    }

    /** The words of a search, lower-cased; empty when it holds none. */
    public static List<String> words(String search) {
        String s = search == null ? "" : search.strip();
        return s.isEmpty() ? List.of() : List.of(s.toLowerCase(Locale.ROOT).split("\\s+"));
    }

    /** The rule's searchable text, its parts kept apart by a line break so that no word spans two of them. */
    private static String searchText(RuleInfo r) {
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {r.id(), r.name(), r.section()}) {
            if (part != null) b.append(part).append('\n');
        }
        r.metadata().values().forEach(v -> b.append(v).append('\n'));
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
