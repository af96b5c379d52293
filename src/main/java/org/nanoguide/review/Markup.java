package org.nanoguide.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review's inline markup: the reference markers it prints ({@code ^[11-13]}), emphasis, and
 * where its sentences end. Apart from {@link ReviewParser} because the quote checks read quotes
 * with the same rules as the review's own text, and must not drift from them.
 */
final class Markup {
    private Markup() { }

    static final Pattern MARKER = Pattern.compile("\\^\\[\\s*(\\d+(?:\\s*[,\u2013-]\\s*\\d+)*)\\s*\\]");
    /** A sentence ends at . ! or ? (possibly followed by a reference marker) before a capital, digit or opening mark. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?:\\^\\[[^\\]]*\\])?\\s+(?=[\\p{Lu}\\d\"\u201c(])");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "al.", "vs.", "etc.", "Fig.");

    /** The reference numbers a marker such as {@code ^[11]}, {@code ^[11,12]} or {@code ^[11-13]} prints. */
    static List<Integer> refsIn(String text) {
        Set<Integer> out = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            for (String part : m.group(1).split(",")) {
                String[] range = part.strip().split("\\s*[\u2013-]\\s*");
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int n = from; n <= to && n - from < 100; n++) out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /** The text as a reader sees it: reference markers and emphasis removed, whitespace collapsed. */
    static String clean(String text) {
        return MARKER.matcher(text).replaceAll("").replace("**", "").replace('\t', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Splits a paragraph's raw text into sentences, keeping each sentence's reference markers with it. */
    static List<String> splitSentences(String raw) {
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(raw);
        int start = 0;
        while (m.find()) {
            int dot = m.start() + 1;
            String before = raw.substring(start, dot);
            String lastWord = before.substring(before.lastIndexOf(' ') + 1);
            if (ABBREVIATIONS.contains(lastWord) || lastWord.matches("[A-Z]\\.")) continue;
            int end = m.end();
            out.add(raw.substring(start, end).strip());
            start = end;
        }
        if (start < raw.length() && !raw.substring(start).isBlank()) out.add(raw.substring(start).strip());
        return out;
    }
}
