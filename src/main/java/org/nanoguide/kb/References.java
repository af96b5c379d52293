package org.nanoguide.kb;

import java.util.Map;
import java.util.TreeMap;

/**
 * The review's bibliography ({@code rules/references.tsv}): each reference number the rules'
 * {@code @refs} cite, with the full reference as the review prints it. Lines starting with
 * {@code #} and lines that are not "number, tab, text" are skipped: a report then shows the bare
 * number, as it did before the file existed.
 */
public record References(Map<Integer, String> byNumber) {
    public static final References NONE = new References(Map.of());

    public References {
        byNumber = Map.copyOf(byNumber);
    }

    /** The references of a knowledge base's files; {@link #NONE} when it has no references file. */
    public static References of(RuleFiles files) {
        return files.file(RuleFiles.REFERENCES).map(f -> parse(f.text())).orElse(NONE);
    }

    static References parse(String tsv) {
        Map<Integer, String> out = new TreeMap<>();
        for (String line : tsv.split("\r?\n")) {
            int tab = line.indexOf('\t');
            if (line.startsWith("#") || tab <= 0) continue;
            try {
                out.put(Integer.parseInt(line.substring(0, tab).strip()), line.substring(tab + 1).strip());
            } catch (NumberFormatException e) {
                // not a reference line; the number stays unresolved in reports
            }
        }
        return new References(out);
    }

    /** The full reference, or null when the bibliography has no such number. */
    public String get(int number) { return byNumber.get(number); }
}
