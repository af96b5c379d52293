package org.nanoguide.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nanoguide.kb.RuleFiles;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RuleSource;
import org.nanoguide.kb.Severity;
import org.nanoguide.review.QuoteVerifier;
import org.nanoguide.review.Review;

/**
 * {@code check --review FILE}: every rule's {@code @quote} checked against the review's text,
 * each problem placed at the quote's file:line:column. A rule marked
 * {@code @section("beyond review")} rests on a public source instead and needs no quote; any other
 * rule without a quote gets a warning, because its citation cannot be checked.
 */
public final class QuoteCheck {
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /**
     * What the quote check did, for the report's one line about it.
     *
     * @param review   the review's text checked against, or null when none was given
     * @param quoted   rules carrying a quote
     * @param beyond   rules marked beyond the review
     * @param unquoted rules with neither
     */
    public record Summary(String review, int quoted, int beyond, int unquoted) {
        /** The one line {@code check} prints about quotes. */
        public String line() {
            if (review == null) return "not verified (no review text given; use --review FILE)";
            return quoted + " quote" + (quoted == 1 ? "" : "s") + " verified against " + review + "; " + beyond
                    + " rule" + (beyond == 1 ? "" : "s") + " beyond the review, " + unquoted + " without a quote";
        }
    }

    /** The problems found and the summary. */
    public record Outcome(List<RuleProblem> problems, Summary summary) { }

    private QuoteCheck() { }

    public static Outcome run(RuleFiles files, Review review) {
        QuoteVerifier verifier = new QuoteVerifier(review);
        List<RuleProblem> out = new ArrayList<>();
        int quoted = 0;
        int beyond = 0;
        int unquoted = 0;
        for (RuleFiles.RuleFile f : files.drlFiles()) {
            RuleSource src = RuleSource.of(f);
            for (RuleSource.Rule r : src.rules()) {
                String section = r.meta().get("section");
                RuleSource.Meta quote = r.meta("quote").orElse(null);
                boolean isBeyond = QuoteVerifier.beyondReview(section);
                if (isBeyond) beyond++;
                if (isBeyond && (r.meta().get("source") == null || r.meta().get("source").isBlank())) {
                    out.add(new RuleProblem(Severity.WARNING, f.path(), r.line(), r.column(), r.name(),
                            "the rule is marked beyond the review but has no @source: name the public source of its fact", RuleProblem.Kind.QUOTE));
                }
                if (quote == null || quote.value() == null) {
                    if (!isBeyond) {
                        unquoted++;
                        out.add(new RuleProblem(Severity.WARNING, f.path(), r.line(), r.column(), r.name(),
                                "the rule has no @quote: copy the sentence of the review it rests on, word for word, into @quote(\"...\"), "
                                        + "or mark it @section(\"beyond review\") with a @source", RuleProblem.Kind.QUOTE));
                    }
                    continue;
                }
                quoted++;
                int[] at = quoteStart(src, quote);
                for (QuoteVerifier.Problem p : verifier.check(quote.value(), section, refs(r.meta().get("refs")))) {
                    out.add(new RuleProblem(Severity.ERROR, f.path(), at[0], at[1] + p.offset(), r.name(), p.message(), RuleProblem.Kind.QUOTE));
                }
            }
        }
        return new Outcome(out, new Summary(review.path(), quoted, beyond, unquoted));
    }

    /** The line and 1-based column of the quote's first character: just inside the opening quotation mark. */
    static int[] quoteStart(RuleSource src, RuleSource.Meta m) {
        String line = src.lines()[m.line() - 1];
        int open = line.indexOf('(', m.column() - 1);
        int mark = open < 0 ? -1 : indexOfQuote(line, open + 1);
        return new int[] {m.line(), mark < 0 ? m.column() : mark + 2};
    }

    private static int indexOfQuote(String line, int from) {
        for (int k = from; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"' || c == '\'') return k;
            if (!Character.isWhitespace(c)) return -1;
        }
        return -1;
    }

    static List<Integer> refs(String refs) {
        List<Integer> out = new ArrayList<>();
        if (refs == null) return out;
        Matcher m = NUMBER.matcher(refs);
        while (m.find()) out.add(Integer.parseInt(m.group()));
        return out;
    }
}
