package org.nanoguide.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out for an inline SVG: one bar per label, longest first, its count
 * written after it. A chart of anything that can be counted, so the cohort summary has one kind.
 */
public record Chart(String title, int width, int height, List<Bar> bars) {
    private static final int LABEL_W = 300;
    private static final int BAR_W = 260;
    private static final int ROW = 20;
    /** More bars than this and the rest are summed into one, so a chart stays readable. */
    static final int MAX_BARS = 14;

    public record Bar(String label, String title, long count, int y, int w) {
        public int textY() { return y + 12; }

        public int barX() { return LABEL_W; }

        public int countX() { return LABEL_W + w + 4; }
    }

    public boolean empty() { return bars.isEmpty(); }

    /** Bars in the order given (callers sort); past {@link #MAX_BARS}, one bar "other (n kinds)". */
    public static Chart of(String title, List<Map.Entry<String, Long>> counts) {
        List<Map.Entry<String, Long>> shown = new ArrayList<>(counts.subList(0, Math.min(counts.size(), MAX_BARS)));
        if (counts.size() > MAX_BARS) {
            long rest = counts.subList(MAX_BARS, counts.size()).stream().mapToLong(Map.Entry::getValue).sum();
            shown.add(Map.entry("other (" + (counts.size() - MAX_BARS) + " kinds)", rest));
        }
        long max = shown.stream().mapToLong(Map.Entry::getValue).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Long> e : shown) {
            int w = (int) Math.max(1, Math.round((double) e.getValue() / Math.max(1, max) * BAR_W));
            bars.add(new Bar(shorten(e.getKey()), e.getKey(), e.getValue(), 4 + bars.size() * ROW, w));
        }
        return new Chart(title, LABEL_W + BAR_W + 80, 8 + bars.size() * ROW, bars);
    }

    static String shorten(String s) {
        String t = Printable.line(s);
        return t.length() <= 46 ? t : t.substring(0, 45) + "\u2026";
    }
}
