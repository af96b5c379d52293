package org.nanoguide.review;

import java.util.ArrayList;
import java.util.List;
import org.nanoguide.review.QuoteVerifier.Nearest;

/**
 * Finds what the review says instead, for a quote that is not in it word for word. Kept apart
 * from {@link QuoteVerifier}, which finds quotes exactly: this is a scored search (longest common
 * run of words over short runs of sentences) with its own cost, run only for quotes that fail.
 */
final class NearestPassage {
    private final Review review;
    /** Each sentence's words in {@link Words}' normal form, by sentence index. */
    private final List<List<String>> sentenceWords;

    NearestPassage(Review review, List<List<String>> sentenceWords) {
        this.review = review;
        this.sentenceWords = sentenceWords;
    }

    /** The passage of the review (one to a few consecutive sentences of a paragraph) most like the text. */
    Nearest of(String text) {
        List<String> q = Words.of(text);
        if (q.isEmpty() || review.sentences().isEmpty()) return null;
        int maxRun = Math.max(1, Markup.splitSentences(text).size()) + 1;
        double best = -1;
        int bestFrom = 0;
        int bestTo = 0;
        int bestLcs = 0;
        for (Review.Paragraph p : review.paragraphs()) {
            List<Review.Sentence> ss = p.sentences();
            for (int a = 0; a < ss.size(); a++) {
                List<String> w = new ArrayList<>();
                for (int b = a; b < ss.size() && b - a < maxRun; b++) {
                    w.addAll(sentenceWords.get(ss.get(b).index()));
                    int lcs = lcs(q, w);
                    double score = 0.8 * lcs / q.size() + 0.2 * lcs / w.size();
                    if (score > best) {
                        best = score;
                        bestFrom = ss.get(a).index();
                        bestTo = ss.get(b).index();
                        bestLcs = lcs;
                    }
                }
            }
        }
        List<String> w = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (int s = bestFrom; s <= bestTo; s++) {
            w.addAll(sentenceWords.get(s));
            if (shown.length() > 0) shown.append(' ');
            shown.append(review.sentences().get(s).text());
        }
        QuoteVerifier.Found f = QuoteVerifier.found(review, bestFrom, bestTo);
        return new Nearest(shown.toString(), f.where(), (double) bestLcs / q.size(), difference(q, w));
    }

    private static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    /**
     * The first place, after the quote and the passage begin to agree, where they differ:
     * {@code "helthy" (the review: "healthy")}; null when the quote's words all appear in order.
     */
    static String difference(List<String> q, List<String> w) {
        int n = q.size();
        int m = w.size();
        int[][] l = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                l[i][j] = q.get(i).equals(w.get(j)) ? l[i + 1][j + 1] + 1 : Math.max(l[i + 1][j], l[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        boolean started = false;
        while (i < n && j < m) {
            if (q.get(i).equals(w.get(j)) && l[i][j] == l[i + 1][j + 1] + 1) {
                started = true;
                i++;
                j++;
            } else if (!started && l[i][j] == l[i + 1][j]) {
                return "word " + (i + 1) + " \"" + q.get(i) + "\" (not in the passage)";
            } else if (!started) {
                j++;
            } else {
                return "word " + (i + 1) + " \"" + q.get(i) + "\" (the review: \"" + w.get(j) + "\")";
            }
        }
        if (i < n) return "word " + (i + 1) + " \"" + q.get(i) + "\" (the passage ends before it)";
        return null;
    }
}
