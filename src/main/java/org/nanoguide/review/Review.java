package org.nanoguide.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review as a reader cites it: sections (numbered headings, the lettered subheadings of
 * 2.2, and the regions of Table 1 and Table 2), paragraphs and sentences, and the reference
 * numbers each prints. Built from the plain text of the review; the reference list at its end
 * is not part of the citable text. The text comes from a converted PDF, so a paragraph broken
 * by a page (a blank line inside a sentence) is joined again.
 */
public final class Review {
    /**
     * One sentence (a table row counts as one) with the reference numbers it prints.
     *
     * @param text the sentence as printed, with markup and reference markers removed
     */
    public record Sentence(int index, int paragraph, String text, List<Integer> refs) {
        public Sentence {
            refs = List.copyOf(refs);
        }
    }

    /**
     * One paragraph (a table is one paragraph: its caption and rows) with the reference numbers
     * printed anywhere in it. An item of a list counts as its own paragraph and also counts the
     * references of the paragraph that introduces the list; an item's own references are not
     * shared with the other items.
     *
     * @param section the number of the section it is in, such as {@code 2.2(c)}
     * @param table   {@code Table 1} or {@code Table 2} when the paragraph is a table, else null
     * @param line    its first line in the review's text, 1-based
     */
    public record Paragraph(int index, String section, String table, int line, List<Integer> refs, List<Sentence> sentences) {
        public Paragraph {
            refs = List.copyOf(refs);
            sentences = List.copyOf(sentences);
        }

        /** The names a rule's {@code @section} may use for this paragraph: its section, and its table if any. */
        public List<String> names() {
            if (table == null) return List.of(section);
            return List.of(section, table, section + " " + table);
        }

        /** Where a reader finds it: {@code 2.2(c)} or {@code 3.3 Table 2}. */
        public String where() {
            return table == null ? section : section + " " + table;
        }
    }

    private static final Pattern TOP = Pattern.compile("^(\\d+)\\.\\s+([A-Z][A-Z0-9 ,:&/()-]+)$");
    private static final Pattern SUB = Pattern.compile("^(\\d+\\.\\d+)\\.\\s+\\S.*$");
    private static final Pattern LETTERED = Pattern.compile("^([a-z])\\)\\s+\\S.*$");
    private static final Pattern TABLE = Pattern.compile("^(Table\\s+\\d+)\\s*:.*$");
    private static final Pattern MARKER = Pattern.compile("\\^\\[\\s*(\\d+(?:\\s*[,\u2013-]\\s*\\d+)*)\\s*\\]");
    /** Decorations of headings and list items in the converted text, not words of the review. */
    private static final Pattern DECORATION = Pattern.compile("^(?:[-\u2022*]\\s+|[\u271a\u27a4\u25aa\u25cf]\\s*|\\p{So}\\s*)+");
    /** A sentence ends at . ! or ? (possibly followed by a reference marker) before a capital, digit or opening mark. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?:\\^\\[[^\\]]*\\])?\\s+(?=[\\p{Lu}\\d\"\u201c(])");
    /** Words a sentence does not end on: a block ending on one continues after the page break. */
    private static final Set<String> DANGLING = Set.of("the", "a", "an", "of", "to", "by", "with", "and", "or", "in", "for", "on", "at", "from", "as", "than", "that", "which");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "al.", "vs.", "etc.", "Fig.");

    private final String path;
    private final List<Paragraph> paragraphs;
    private final List<Sentence> sentences;

    private Review(String path, List<Paragraph> paragraphs) {
        this.path = path;
        this.paragraphs = List.copyOf(paragraphs);
        List<Sentence> all = new ArrayList<>();
        for (Paragraph p : paragraphs) all.addAll(p.sentences());
        this.sentences = List.copyOf(all);
    }

    /** Reads the review's plain text from a file. */
    public static Review read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** @param path how messages name the text */
    public static Review parse(String path, String text) {
        return new Parser(text).run(path);
    }

    public String path() { return path; }

    public List<Paragraph> paragraphs() { return paragraphs; }

    public List<Sentence> sentences() { return sentences; }

    public Paragraph paragraphOf(Sentence s) { return paragraphs.get(s.paragraph()); }

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

    /** A line-by-line reader of the converted text. */
    private static final class Parser {
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

        Parser(String text) {
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
            add(text, null, first, splitSentences(DECORATION.matcher(text).replaceFirst("")), inherited);
            if (MARKER.matcher(text).replaceAll("").strip().endsWith(":")) {
                listIntro = refsIn(text);
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
            String s = MARKER.matcher(raw).replaceAll("").stripTrailing();
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
                String text = clean(DECORATION.matcher(part).replaceFirst(""));
                if (text.isEmpty()) continue;
                sentences.add(new Sentence(sentenceBase + sentences.size(), index, text, refsIn(part)));
            }
            if (sentences.isEmpty()) return;
            Set<Integer> refs = new LinkedHashSet<>(refsIn(raw));
            refs.addAll(inherited);
            out.add(new Paragraph(index, section, table, firstLine + 1, List.copyOf(refs), sentences));
        }
    }
}
