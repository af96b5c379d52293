package org.nanoguide.review;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normal form in which a quote and the review are compared: the sequence of their words,
 * in lower case. Whitespace and line breaks, quotation marks, apostrophes, dashes and hyphens,
 * other punctuation and reference markers ({@code ^[11]}, {@code ^[11,12]}) do not count; a soft
 * hyphen is dropped. "Word for word" thus means the same words in the same order.
 */
public final class Words {
    private static final Pattern MARKER = Pattern.compile("\\^\\[[^\\]]*\\]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() { }

    public static List<String> of(String text) {
        String s = MARKER.matcher(text).replaceAll(" ").replace("\u00ad", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(s)) if (!w.isEmpty()) out.add(w);
        return out;
    }
}
