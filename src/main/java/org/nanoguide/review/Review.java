package org.nanoguide.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The review as a reader cites it: sections (numbered headings, the lettered subheadings of
 * 2.2, and the regions of Table 1 and Table 2), paragraphs and sentences, and the reference
 * numbers each prints. Built by {@link ReviewParser} from the plain text of the review; the
 * reference list at its end is not part of the citable text. This class is only the model, so
 * that the checks and renderers that read it need not know how the converted text is parsed.
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

    private final String path;
    private final List<Paragraph> paragraphs;
    private final List<Sentence> sentences;

    Review(String path, List<Paragraph> paragraphs) {
        this.path = path;
        this.paragraphs = List.copyOf(paragraphs);
        List<Sentence> all = new ArrayList<>();
        for (Paragraph p : paragraphs) all.addAll(p.sentences());
        this.sentences = List.copyOf(all);
    }

    /** The largest review text read: the review is tens of kilobytes; a path such as /dev/zero is endless. */
    static final long MAX_BYTES = 16L << 20;

    /**
     * Reads the review's plain text from a file.
     *
     * @throws IOException also for what is not a regular file or is over {@link #MAX_BYTES}, unread
     */
    public static Review read(Path file) throws IOException {
        String kind = org.nanoguide.model.FileKind.of(file);
        if (kind != null && Files.exists(file)) throw new IOException("it is " + kind + ", not a text file");
        if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
            throw new IOException("it is " + Files.size(file) + " bytes, over the limit of " + MAX_BYTES + " bytes for the review's text");
        }
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** @param path how messages name the text */
    public static Review parse(String path, String text) {
        return new ReviewParser(text).run(path);
    }

    public String path() { return path; }

    public List<Paragraph> paragraphs() { return paragraphs; }

    public List<Sentence> sentences() { return sentences; }

    public Paragraph paragraphOf(Sentence s) { return paragraphs.get(s.paragraph()); }
}
