package org.nanoguide.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a rule's quote against the review: each part of the quote must be found in the
 * review word for word (in {@link Words}' normal form); the section it is found in must be one
 * the rule names in {@code @section}; and the rule's {@code @refs} must be the reference numbers
 * printed in the quoted sentences or their paragraphs. A quote not found is reported with the
 * nearest passage of the review ({@link NearestPassage}), so that the author sees what the review
 * says instead.
 */
public final class QuoteVerifier {
    /** Separates two passages of one quote that are not contiguous in the review. */
    public static final String SEPARATOR = "|||";

    /** One passage of a quote, and where it starts in the quote's text (0-based). */
    public record Part(String text, int offset) { }

    /** Where a passage was found: its sentences (inclusive indices) and their paragraphs. */
    public record Found(int firstSentence, int lastSentence, List<Review.Paragraph> paragraphs, Set<Integer> sentenceRefs) {
        public Found {
            paragraphs = List.copyOf(paragraphs);
            sentenceRefs = Set.copyOf(sentenceRefs);
        }

        public String where() {
            return paragraphs.stream().map(Review.Paragraph::where).distinct().collect(Collectors.joining(", "));
        }
    }

    /**
     * The passage of the review most like a quote that was not found.
     *
     * @param share      the share of the quote's words found in order in the passage, 0..1
     * @param difference the first word where the quote and the passage part, or null
     */
    public record Nearest(String text, String where, double share, String difference) { }

    public enum Kind { NOT_FOUND, SECTION, REFS }

    /** @param offset where in the quote's text the problem is (0-based), for a column */
    public record Problem(Kind kind, int offset, String message) { }

    private final Review review;
    private final NearestPassage nearest;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> owner = new ArrayList<>();
    private final List<List<String>> sentenceWords = new ArrayList<>();
    private final String joined;
    private final int[] starts;

    public QuoteVerifier(Review review) {
        this.review = review;
        for (Review.Sentence s : review.sentences()) {
            List<String> w = Words.of(s.text());
            sentenceWords.add(w);
            for (String t : w) {
                tokens.add(t);
                owner.add(s.index());
            }
        }
        StringBuilder sb = new StringBuilder(" ");
        starts = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = sb.length();
            sb.append(tokens.get(i)).append(' ');
        }
        joined = sb.toString();
        nearest = new NearestPassage(review, sentenceWords);
    }

    public Review review() { return review; }

    /** The passage of the review (one to a few consecutive sentences of a paragraph) most like the text. */
    public Nearest nearest(String text) { return nearest.of(text); }

    /** The passages of a quote, split at {@link #SEPARATOR}, each with its offset in the quote. */
    public static List<Part> parts(String quote) {
        List<Part> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int sep = quote.indexOf(SEPARATOR, from);
            int end = sep < 0 ? quote.length() : sep;
            String raw = quote.substring(from, end);
            int lead = raw.length() - raw.stripLeading().length();
            out.add(new Part(raw.strip(), from + lead));
            if (sep < 0) return out;
            from = sep + SEPARATOR.length();
        }
    }

    /** A quote as a reader sees it: in quotation marks, its separate passages joined by an ellipsis. */
    public static String display(String quote) {
        return "\u201c" + parts(quote).stream().map(Part::text).collect(Collectors.joining(" [\u2026] ")) + "\u201d";
    }

    /**
     * Finds a passage word for word. When it occurs more than once, the first occurrence in one
     * of {@code sections} is preferred, else the first.
     */
    public java.util.Optional<Found> find(String passage, List<String> sections) {
        List<String> words = Words.of(passage);
        if (words.isEmpty()) return java.util.Optional.empty();
        String needle = " " + String.join(" ", words) + " ";
        Found first = null;
        for (int at = joined.indexOf(needle); at >= 0; at = joined.indexOf(needle, at + 1)) {
            int startToken = java.util.Arrays.binarySearch(starts, at + 1);
            if (startToken < 0) continue;
            Found f = found(owner.get(startToken), owner.get(startToken + words.size() - 1));
            if (first == null) first = f;
            if (sectionAccepted(f, sections)) return java.util.Optional.of(f);
        }
        return java.util.Optional.ofNullable(first);
    }

    private Found found(int firstSentence, int lastSentence) { return found(review, firstSentence, lastSentence); }

    /** The passage from one sentence to another (inclusive), with its paragraphs and the references its sentences print. */
    static Found found(Review review, int firstSentence, int lastSentence) {
        List<Review.Paragraph> paragraphs = new ArrayList<>();
        Set<Integer> refs = new TreeSet<>();
        for (int s = firstSentence; s <= lastSentence; s++) {
            Review.Sentence sentence = review.sentences().get(s);
            Review.Paragraph p = review.paragraphOf(sentence);
            if (!paragraphs.contains(p)) paragraphs.add(p);
            refs.addAll(sentence.refs());
        }
        return new Found(firstSentence, lastSentence, paragraphs, refs);
    }

    /** Whether every paragraph of the passage lies in one of the sections a rule names. */
    public static boolean sectionAccepted(Found f, List<String> sections) {
        return f.paragraphs().stream().allMatch(p -> sections.stream().anyMatch(s -> accepts(s, p)));
    }

    /** A section named by a rule covers a paragraph in it, in one of its subsections (2.2 covers 2.2(c)), or in its table. */
    static boolean accepts(String ruleSection, Review.Paragraph p) {
        String s = canonical(ruleSection);
        if (s.isEmpty()) return false;
        for (String name : p.names()) if (canonical(name).equals(s)) return true;
        return p.section().startsWith(s + ".") || p.section().startsWith(s + "(");
    }

    /** {@code T1}, {@code table 1} and {@code Table 1} name the same thing. */
    static String canonical(String section) {
        String s = section.strip().replaceAll("\\s+", " ");
        s = s.replaceAll("(?i)\\bT(\\d+)\\b", "Table $1").replaceAll("(?i)\\btable\\b", "Table");
        return s;
    }

    /** The sections a rule's {@code @section} lists, split at commas. */
    public static List<String> sections(String section) {
        if (section == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : section.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    /** Whether a rule's {@code @section} marks it as resting on a fact from outside the review. */
    public static boolean beyondReview(String section) {
        return sections(section).stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").equals("beyond review"));
    }

    /**
     * Every problem of a rule's quote: a passage not found (with the nearest passage), a passage
     * outside the rule's sections, and references that differ from those printed.
     */
    public List<Problem> check(String quote, String ruleSection, List<Integer> ruleRefs) {
        List<String> sections = sections(ruleSection).stream().filter(s -> !beyondReview(s)).toList();
        List<Problem> out = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (Part part : parts(quote)) {
            if (Words.of(part.text()).isEmpty()) {
                out.add(new Problem(Kind.NOT_FOUND, part.offset(), "the quote is empty: copy the sentence of the review the rule rests on"));
                continue;
            }
            var f = find(part.text(), sections);
            if (f.isEmpty()) {
                Nearest n = nearest(part.text());
                out.add(new Problem(Kind.NOT_FOUND, part.offset(), "the quote is not in the review word for word"
                        + (n == null ? "" : "; the nearest passage (section " + n.where() + ", " + Math.round(n.share() * 100)
                        + "% of the quote's words" + (n.difference() == null ? "" : "; they part at " + n.difference())
                        + ") reads: \"" + n.text() + "\"")));
                continue;
            }
            found.add(f.get());
            if (!sectionAccepted(f.get(), sections)) {
                out.add(new Problem(Kind.SECTION, part.offset(), "the quote is from section " + f.get().where()
                        + " of the review, but the rule's @section is \"" + (ruleSection == null ? "" : ruleSection) + "\""));
            }
        }
        if (found.isEmpty() || out.stream().anyMatch(p -> p.kind() == Kind.NOT_FOUND)) return out;
        Set<Integer> printed = new TreeSet<>();
        Set<Integer> inSentences = new TreeSet<>();
        for (Found f : found) {
            inSentences.addAll(f.sentenceRefs());
            for (Review.Paragraph p : f.paragraphs()) printed.addAll(p.refs());
        }
        Set<Integer> cited = new LinkedHashSet<>(ruleRefs);
        List<Integer> unprinted = cited.stream().filter(r -> !printed.contains(r)).toList();
        if (!unprinted.isEmpty()) {
            out.add(new Problem(Kind.REFS, 0, "@refs cites " + list(unprinted) + ", which neither the quoted sentences nor their paragraphs print"
                    + (printed.isEmpty() ? " (they print no reference)" : " (they print " + list(printed) + ")")));
        }
        List<Integer> uncited = inSentences.stream().filter(r -> !cited.contains(r)).toList();
        if (!uncited.isEmpty()) {
            out.add(new Problem(Kind.REFS, 0, "the quoted sentence prints " + list(uncited) + ", which @refs does not list"));
        }
        return out;
    }

    private static String list(java.util.Collection<Integer> refs) {
        return refs.stream().map(r -> "[" + r + "]").collect(Collectors.joining(", "));
    }
}
