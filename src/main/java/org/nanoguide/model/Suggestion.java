package org.nanoguide.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The "did you mean" of a misspelt vocabulary name ({@code Carrier.PEG_LIPOSOME}). A name is
 * compared word by word ({@code PEGYLATED} and {@code LIPOSOME}), never as one string: in these
 * vocabularies one word is often the whole difference between two values ({@code LIPOSOME},
 * {@code PEGYLATED_LIPOSOME}; {@code CARBON_QD}, {@code CARBON_NP}), and a suggestion an expert
 * accepts in a hurry must not be a different carrier. So every word written must match a word
 * of the suggestion, in order (the same word misspelt, or abbreviated); the suggestion may add
 * words, but then it must be the only one that fits. Abbreviations the vocabularies use
 * ({@code NP}, {@code QD}) count as the words they stand for, so {@code GOLD_NANO} is {@code GOLD_NP}. Otherwise there is no suggestion, and the
 * message's full list of values stands alone.
 */
public final class Suggestion {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final java.util.Map<String, List<String>> ABBREVIATIONS = java.util.Map.of(
            "NP", List.of("NANOPARTICLE"), "NPS", List.of("NANOPARTICLE"),
            "QD", List.of("QUANTUM", "DOT"), "QDS", List.of("QUANTUM", "DOT"));

    private Suggestion() { }

    /** The one value {@code given} is plausibly a misspelling of, if there is one. */
    public static Optional<String> closest(String given, List<String> values) {
        String folded = fold(given);
        if (folded.isEmpty()) return Optional.empty();
        for (String v : values) if (fold(v).equals(folded)) return Optional.of(v);
        String[] words = words(given);
        List<String> sameWords = values.stream().filter(v -> words(v).length == words.length && fits(words, words(v))).toList();
        if (!sameWords.isEmpty()) return sameWords.size() == 1 ? Optional.of(sameWords.get(0)) : Optional.empty();
        List<String> moreWords = values.stream().filter(v -> words(v).length > words.length && fits(words, words(v))).toList();
        return moreWords.size() == 1 ? Optional.of(moreWords.get(0)) : Optional.empty();
    }

    /** Every written word matches a word of the value, in order; the value may have words between. */
    private static boolean fits(String[] written, String[] value) {
        int j = 0;
        for (String w : written) {
            while (j < value.length && !sameWord(w, value[j])) j++;
            if (j == value.length) return false;
            j++;
        }
        return true;
    }

    /** The same word, misspelt by a letter or two, abbreviated ({@code PEG}), or in the plural. */
    static boolean sameWord(String a, String b) {
        if (a.equals(b)) return true;
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (longer.startsWith(shorter) && (shorter.length() >= 3 || longer.equals(shorter + "S"))) return true;
        int allowed = shorter.length() >= 8 ? 2 : shorter.length() >= 4 ? 1 : 0;
        return allowed > 0 && (DISTANCE.apply(a, b) <= allowed || swapped(a, b));
    }

    /** Two neighbouring letters swapped ({@code BRAEST}): one slip, though two edits. */
    private static boolean swapped(String a, String b) {
        if (a.length() != b.length()) return false;
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) i++;
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /** The words of a name, with the abbreviations the vocabularies use spelt out ({@code NP}, {@code QD}). */
    private static String[] words(String s) {
        List<String> out = new java.util.ArrayList<>();
        for (String w : s.toUpperCase(Locale.ROOT).split("[_\\s\\-.]+")) {
            out.addAll(ABBREVIATIONS.getOrDefault(w, List.of(w)));
        }
        return out.toArray(String[]::new);
    }

    private static String fold(String s) {
        return s.replaceAll("[_\\s\\-.]", "").toUpperCase(Locale.ROOT);
    }
}
