package org.nanoguide.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nanoguide.review.Review.Paragraph;
import org.nanoguide.review.Review.Sentence;

/**
 * Reads the converted text of the review line by line into sections and paragraphs: numbered
 * and lettered headings, tables, list items that inherit their introduction's references, and
 * paragraphs a page break split. One parser per text; {@link Review} holds what it builds.
 */
final class ReviewParser {
    private static final Pattern TOP = Pattern.compile("^(\\d+)\\.\\s+([A-Z][A-Z0-9 ,:&/()-]+)$");
    private static final Pattern SUB = Pattern.compile("^(\\d+\\.\\d+)\\.\\s+\\S.*$");
    private static final Pattern LETTERED = Pattern.compile("^([a-z])\\)\\s+\\S.*$");
    private static final Pattern TABLE = Pattern.compile("^(Table\\s+\\d+)\\s*:.*$");
    /** Decorations of headings and list items in the converted text, not words of the review. */
    private static final Pattern DECORATION = Pattern.compile("^(?:[-\u2022*]\\s+|[\u271a\u27a4\u25aa\u25cf]\\s*|\\p{So}\\s*)+");
    /** Words a sentence does not end on: a block ending on one continues after the page break. */
    private static final Set<String> DANGLING = Set.of("the", "a", "an", "of", "to", "by", "with", "and", "or", "in", "for", "on", "at", "from", "as", "than", "that", "which");

    private final String[] lines;
    private final List<Paragraph> out = new ArrayList<>();
    private String section = "0";
    private String numbered = "0";
    /**
     * The references of the paragraph that introduces a list ("Frequently targeted receptors
     * include:"), which its items count as their own; null outside a list. The first item
     * may lack its bullet in the converted text, the others have one.
     */
    private List<Integer> listIntro;
    private boolean firstItem;

    ReviewParser(String text) {
        this.lines = text.replace("\r\n", "\n").replace('\r', '\n').replace("\u00ad", "").split("\n", -1);
    }

    Review run(String path) {
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            if (line.isEmpty()) { i++; continue; }
            if (line.equals("REFERENCES")) break;
            Matcher top = TOP.matcher(line);
            Matcher sub = SUB.matcher(line);
            if (top.matches()) {
                numbered = top.group(1);
                section = numbered;
            } else if (sub.matches()) {
                numbered = sub.group(1);
                section = numbered;
            } else if (LETTERED.matcher(line).matches() && !numbered.equals("0")) {
                section = numbered + "(" + line.charAt(0) + ")";
            } else if (isUnnumberedHeading(line)) {
                // An unnumbered heading after a lettered subsection (Quantum Dots after 2.2(c)) returns to the section.
                section = numbered;
            }
            Matcher table = TABLE.matcher(line);
            if (table.matches()) {
                i = table(i, table.group(1).replaceAll("\\s+", " "));
                continue;
            }
            i = paragraph(i);
        }
        return new Review(path, out);
    }

    /** A short title line: no closing punctuation, most words capitalised, or a decorated heading. */
    private static boolean isUnnumberedHeading(String line) {
        String s = DECORATION.matcher(line).replaceFirst("").replace("**", "").strip();
        if (s.isEmpty() || s.matches(".*[.:;,]$") || s.split("\\s+").length > 8) return false;
        if (!line.equals(s) && !line.startsWith("-")) return true;
        long caps = java.util.Arrays.stream(s.split("\\s+")).filter(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0))).count();
        return caps * 2 > s.split("\\s+").length && Character.isUpperCase(s.charAt(0));
    }

    /** Reads the paragraph starting at line i (joining blocks a page break split); returns the next line. */
    private int paragraph(int i) {
        int first = i;
        StringBuilder raw = new StringBuilder(lines[i].strip());
        i++;
        while (true) {
            while (i < lines.length && !lines[i].isBlank() && !startsBlock(lines[i].strip())) {
                append(raw, lines[i].strip());
                i++;
            }
            int next = i;
            while (next < lines.length && lines[next].isBlank()) next++;
            if (next < lines.length && !heading(lines[first].strip()) && continues(raw, lines[next].strip())) {
                append(raw, lines[next].strip());
                i = next + 1;
                continue;
            }
            break;
        }
        String text = raw.toString();
        boolean item = listIntro != null && (firstItem || lines[first].strip().startsWith("- "));
        List<Integer> inherited = item ? listIntro : List.of();
        firstItem = false;
        if (!item) listIntro = null;
        add(text, null, first, Markup.splitSentences(DECORATION.matcher(text).replaceFirst("")), inherited);
        if (Markup.MARKER.matcher(text).replaceAll("").strip().endsWith(":")) {
            listIntro = Markup.refsIn(text);
            firstItem = true;
        }
        return i;
    }

    /** A line that begins a new block even without a blank line before it: a list item or heading. */
    private static boolean startsBlock(String line) {
        return line.startsWith("- ") || TABLE.matcher(line).matches() || SUB.matcher(line).matches() || TOP.matcher(line).matches();
    }

    private static boolean heading(String line) {
        return TOP.matcher(line).matches() || SUB.matcher(line).matches() || LETTERED.matcher(line).matches();
    }

    /**
     * The block after a blank line continues the sentence: the text so far has no closing
     * punctuation, and the next block starts in lower case or the text so far ends on a word
     * no sentence ends on ("reducing the / MPS's rapid clearance").
     */
    private static boolean continues(CharSequence raw, String next) {
        String s = Markup.MARKER.matcher(raw).replaceAll("").stripTrailing();
        if (s.isEmpty() || s.matches("(?s).*[.!?:]$")) return false;
        String n = DECORATION.matcher(next).replaceFirst("");
        if (n.isEmpty() || !n.equals(next) || heading(next) || TABLE.matcher(next).matches() || next.startsWith("Figure ")) return false;
        String last = s.substring(s.lastIndexOf(' ') + 1);
        return Character.isLowerCase(n.charAt(0)) || DANGLING.contains(last);
    }

    /** A word hyphenated at a line end (non-/specific) is joined without a space. */
    private static void append(StringBuilder raw, String more) {
        if (raw.length() > 0 && raw.charAt(raw.length() - 1) == '-' && raw.length() > 1 && Character.isLetter(raw.charAt(raw.length() - 2))) {
            raw.append(more);
        } else {
            raw.append(' ').append(more);
        }
    }

    /** A table: its caption and every tab-separated row after it, across blank lines; one sentence per line. */
    private int table(int i, String name) {
        int first = i;
        List<String> rows = new ArrayList<>();
        rows.add(lines[i].strip());
        i++;
        while (i < lines.length) {
            String l = lines[i];
            if (l.isBlank()) { i++; continue; }
            if (!l.contains("\t")) break;
            rows.add(l.strip());
            i++;
        }
        listIntro = null;
        add(String.join("\n", rows), name, first, rows, List.of());
        return i;
    }

    private void add(String raw, String table, int firstLine, List<String> parts, List<Integer> inherited) {
        int index = out.size();
        int sentenceBase = out.stream().mapToInt(p -> p.sentences().size()).sum();
        List<Sentence> sentences = new ArrayList<>();
        for (String part : parts) {
            String text = Markup.clean(DECORATION.matcher(part).replaceFirst(""));
            if (text.isEmpty()) continue;
            sentences.add(new Sentence(sentenceBase + sentences.size(), index, text, Markup.refsIn(part)));
        }
        if (sentences.isEmpty()) return;
        Set<Integer> refs = new LinkedHashSet<>(Markup.refsIn(raw));
        refs.addAll(inherited);
        out.add(new Paragraph(index, section, table, firstLine + 1, List.copyOf(refs), sentences));
    }
}
