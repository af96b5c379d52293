package org.nanoguide.render;

import java.util.ArrayList;
import java.util.List;
import org.nanoguide.explain.Result;
import org.nanoguide.kb.References;
import org.nanoguide.model.NanoCase;

/**
 * One case's report as its template shows it: the bottom line first, what nanoguide understood,
 * the findings, the options (reasons and cautions apart), exclusions, warnings, the reasoning
 * graph and the references the report cites. Everything is worded here or in {@link Words}; the
 * template only places it, and escapes it.
 *
 * @param anchor prefix of the report's link targets, unique on a page that holds several reports
 */
public record CaseView(String anchor, String caseId, String description, Result.KnowledgeBaseRef kb,
                       BottomLine bottomLine, String noneRecommended, List<Understood.Input> understood,
                       List<Item> findings, List<OptionView> options, List<OptionView> considered,
                       List<Excluded> excluded, List<WarningView> warnings, ReasoningGraph graph,
                       List<Trace> trace, WhatIfView whatIf, List<Reference> references) {
    public static final String CERTAINTY_MEANING = Words.CERTAINTY_MEANING;

    public record Ref(int n, String href, String title, boolean first) { }

    public record Cite(String ruleId, String where, List<Ref> refs, String tooltip) { }

    public record Item(String text, Cite cite) { }

    public record Scale(String percent, String band, int fill) { }

    public record OptionView(int rank, String summary, String codes, String evidence, Scale certainty, String products,
                             List<Item> reasons, List<Item> against, List<Item> cautions, List<Item> basis) { }

    public record BottomLine(OptionView option, Item caution, List<WarningView> safety) { }

    public record Excluded(String what, List<Item> reasons) { }

    public record WarningView(String code, String text, Cite cite, boolean safety) { }

    public record Trace(int n, String ruleId, String facts) { }

    /** A reference of the review; {@code parts} alternate plain and italic text, as the review marks titles with *...*. */
    public record Reference(int n, String id, List<Part> parts) { }

    public record Part(String text, boolean italic) { }

    public String certaintyMeaning() { return CERTAINTY_MEANING; }

    public String disclaimer() { return Result.DISCLAIMER; }

    public boolean graphShown() { return graph != null && !graph.empty(); }

    public List<Understood.Input> given() { return understood.stream().filter(Understood.Input::given).toList(); }

    public List<Understood.Input> defaults() { return understood.stream().filter(Understood.Input::byDefault).toList(); }

    public String unknowns() {
        return String.join(", ", understood.stream().filter(Understood.Input::unknown).map(Understood.Input::path).toList());
    }

    /** The report of a result; {@code c} may be null (the inputs are then not shown), {@code trace} adds the trace table. */
    public static CaseView of(String anchor, NanoCase c, Result r, References refs, boolean trace, WhatIfView whatIf) {
        Builder b = new Builder(anchor, refs);
        List<OptionView> options = r.recommendations().stream().map(b::option).toList();
        List<WarningView> warnings = r.warnings().stream()
                .map(w -> new WarningView(w.code().name(), Printable.line(w.text()), b.cite(w.ruleId(), w.source()), Words.safety(w.code())))
                .toList();
        BottomLine bottom = null;
        if (!options.isEmpty()) {
            Result.RankedRecommendation first = r.recommendations().get(0);
            Result.Citation strongest = Words.strongestCaution(first);
            Item caution = strongest == null ? null : b.item(strongest);
            bottom = new BottomLine(options.get(0), caution, warnings.stream().filter(WarningView::safety).toList());
        }
        List<Trace> steps = new ArrayList<>();
        if (trace && r.trace() != null) {
            for (Result.TraceStep t : r.trace()) steps.add(new Trace(steps.size() + 1, t.ruleId(), Printable.line(String.join("; ", t.facts()))));
        }
        return new CaseView(anchor, Printable.line(r.caseId()), Printable.line(r.description()), r.knowledgeBase(),
                bottom, options.isEmpty() ? Words.NONE_RECOMMENDED : null, c == null ? List.of() : Understood.of(c),
                r.findings().stream().map(f -> new Item(Printable.line(f.text()), b.cite(f.ruleId(), f.source()))).toList(),
                options, r.considered().stream().map(b::option).toList(),
                r.excluded().stream().map(x -> new Excluded(Words.excludedWhat(x), x.reasons().stream().map(b::item).toList())).toList(),
                warnings, ReasoningGraph.of(r), steps, whatIf == null ? WhatIfView.NONE : whatIf,
                b.references());
    }

    /** Words a result's parts, and collects the references they cite, in the order of their numbers. */
    private static final class Builder {
        private final String anchor;
        private final References refs;
        private final java.util.TreeSet<Integer> cited = new java.util.TreeSet<>();

        Builder(String anchor, References refs) {
            this.anchor = anchor;
            this.refs = refs;
        }

        OptionView option(Result.RankedRecommendation o) {
            String codes = o.carrier() + " / " + o.modality() + (o.targeting().isEmpty() ? "" : " / " + o.targeting());
            int fill = (int) Math.round(Math.max(0, Math.min(1, o.certainty())) * 100);
            return new OptionView(o.rank(), o.summary(), codes, Words.evidence(o.evidence()),
                    new Scale(Words.percent(o.certainty()), Words.certaintyBand(o.certainty()), fill),
                    String.join("; ", o.products()), items(o.reasons()), items(o.against()), items(o.cautions()), items(o.evidenceBasis()));
        }

        List<Item> items(List<Result.Citation> cs) { return cs.stream().map(this::item).toList(); }

        Item item(Result.Citation c) { return new Item(Printable.line(c.text()), cite(c.ruleId(), c.source())); }

        Cite cite(String ruleId, Result.Source s) {
            List<Ref> links = new ArrayList<>();
            if (s != null && !s.beyondReview()) {
                for (Integer n : s.refs()) {
                    String full = refs.get(n);
                    if (full != null) cited.add(n);
                    links.add(new Ref(n, full == null ? null : "#" + anchor + "ref-" + n, full == null ? null : full.replace("*", ""), links.isEmpty()));
                }
            }
            String where = s == null ? "" : s.beyondReview() ? "beyond the review" : "review " + s.section();
            String q = Words.quote(s);
            String source = Words.publicSource(s);
            String tooltip = q != null ? "review: " + q : source != null ? "source: " + source : null;
            return new Cite(ruleId, where, links, tooltip);
        }

        List<Reference> references() {
            return cited.stream().map(n -> new Reference(n, anchor + "ref-" + n, parts(refs.get(n)))).toList();
        }

        private static List<Part> parts(String reference) {
            List<Part> out = new ArrayList<>();
            String[] pieces = reference.split("\\*", -1);
            for (int i = 0; i < pieces.length; i++) {
                // an unpaired last mark is text, not the start of a title
                boolean italic = i % 2 == 1 && i < pieces.length - 1;
                if (!pieces[i].isEmpty()) out.add(new Part(italic ? pieces[i] : (i % 2 == 1 ? "*" : "") + pieces[i], italic));
            }
            return out;
        }
    }
}
