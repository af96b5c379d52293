package org.nanoguide.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nanoguide.explain.Result;
import org.nanoguide.model.NanoCase;

/**
 * What a cohort page says first: counts over every case, aggregated as the cases stream past
 * (its size depends on how many kinds of option, exclusion and warning there are, never on how
 * many cases), and the table row of each case.
 */
final class CohortSummary {
    static final String NONE = "(none recommended)";
    private long cases;
    private final Map<String, Map<String, Long>> firstByTumour = new TreeMap<>();
    private final Map<String, Long> first = new TreeMap<>();
    private final Map<String, Long> excluded = new TreeMap<>();
    private final Map<String, Long> warnings = new TreeMap<>();
    private final Map<String, Long> evidence = new TreeMap<>();
    private final long[] certainty = new long[10];

    /** One row of the cases table. */
    record Row(int n, String id, String tumour, String first, String evidence, String certainty, String warnings, boolean full) { }

    /** Counts the case in and returns its row ({@code full}: its full report follows on the page). */
    Row add(NanoCase c, Result r, boolean full) {
        cases++;
        String tumour = r.tumorType() != null ? r.tumorType().name()
                : c == null || c.tumor() == null || c.tumor().type() == null ? "unknown" : c.tumor().type().name();
        String option = NONE;
        String level = NONE;
        String cert = "";
        if (!r.recommendations().isEmpty()) {
            Result.RankedRecommendation top = r.recommendations().get(0);
            option = top.summary();
            level = Words.evidence(top.evidence());
            cert = Words.percent(top.certainty()) + " (" + Words.certaintyBand(top.certainty()) + ")";
            certainty[(int) Math.min(9, Math.floor(top.certainty() * 10))]++;
        }
        firstByTumour.computeIfAbsent(tumour, k -> new TreeMap<>()).merge(option, 1L, Long::sum);
        first.merge(option, 1L, Long::sum);
        evidence.merge(level, 1L, Long::sum);
        Set<String> codes = new java.util.LinkedHashSet<>();
        for (Result.CitedWarning w : r.warnings()) codes.add(w.code().name());
        codes.forEach(code -> warnings.merge(code, 1L, Long::sum));
        Set<String> seen = new HashSet<>();
        for (Result.ExcludedOption x : r.excluded()) if (seen.add(Words.excludedWhat(x))) excluded.merge(Words.excludedWhat(x), 1L, Long::sum);
        return new Row((int) Math.min(Integer.MAX_VALUE, cases), Printable.line(r.caseId()), tumour, option, level, cert,
                String.join(", ", codes), full);
    }

    long cases() { return cases; }

    /** The summary as its template shows it. */
    Map<String, Object> view() {
        List<Map<String, Object>> byTumour = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> t : firstByTumour.entrySet()) {
            long n = t.getValue().values().stream().mapToLong(Long::longValue).sum();
            byTumour.add(Map.of("tumour", t.getKey(), "chart", Chart.of(t.getKey() + " (" + n + (n == 1 ? " case)" : " cases)"), sorted(t.getValue()))));
        }
        List<Map.Entry<String, Long>> cert = new ArrayList<>();
        for (int i = 0; i < certainty.length; i++) {
            cert.add(Map.entry(i * 10 + "\u2013" + (i == 9 ? 100 : i * 10 + 9) + "%", certainty[i]));
        }
        return Map.of("cases", cases,
                "first", Chart.of("First option, all cases", sorted(first)),
                "byTumour", byTumour,
                "evidence", Chart.of("Evidence of the first option", sorted(evidence)),
                "certainty", Chart.of("Certainty of the first option (cases with one)", cert),
                "excluded", Chart.of("Exclusions (cases excluding each)", sorted(excluded)),
                "warnings", Chart.of("Warnings (cases with each)", sorted(warnings)),
                "meaning", Words.CERTAINTY_MEANING,
                "disclaimer", Result.DISCLAIMER);
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> out = new ArrayList<>(counts.entrySet());
        out.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }
}
