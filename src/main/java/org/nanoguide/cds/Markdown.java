package org.nanoguide.cds;

import java.util.List;
import java.util.stream.Collectors;
import org.nanoguide.explain.Result;
import org.nanoguide.fhir.MappedCase;

/** The Markdown {@code detail} of the cards: the advice's own words and citations, nothing added. */
final class Markdown {
    /** The most record items a card lists; a longer list says how many more there were. */
    static final int MAX_ITEMS = 20;

    private Markdown() { }

    static String detail(Result r, MappedCase mapped) {
        StringBuilder md = new StringBuilder();
        Result.KnowledgeBaseRef kb = r.knowledgeBase();
        md.append("Knowledge base ").append(kb.version()).append(" (").append(kb.fingerprint()).append(", ")
                .append(kb.rules()).append(" rules).\n\n");
        if (r.recommendations().isEmpty()) md.append("**No option is recommended** for this case.\n\n");
        else md.append("**Recommended**\n\n");
        for (Result.RankedRecommendation o : r.recommendations()) {
            md.append(o.rank()).append(". **").append(o.summary()).append("** (certainty ").append(o.certainty())
                    .append(", evidence ").append(o.evidence()).append(")");
            if (!o.products().isEmpty()) md.append(": ").append(String.join("; ", o.products()));
            md.append('\n');
            cited(md, "", o.reasons());
            cited(md, "Against: ", o.against());
            cited(md, "Caution: ", o.cautions());
        }
        if (!r.excluded().isEmpty()) {
            md.append("\n**Excluded**\n\n");
            for (Result.ExcludedOption e : r.excluded()) {
                md.append("- ").append(e.carrier()).append(" / ").append(e.modality())
                        .append(e.targeting() == null ? "" : " / " + e.targeting()).append('\n');
                cited(md, "", e.reasons());
            }
        }
        if (!r.warnings().isEmpty()) {
            md.append("\n**Warnings**\n\n");
            for (Result.CitedWarning w : r.warnings()) md.append("- ").append(w.code()).append(": ").append(w.text()).append(cite(w.source())).append('\n');
        }
        if (!mapped.used().isEmpty()) {
            md.append("\n**Read from the record**\n\n");
            list(md, mapped.used());
        }
        md.append("\n> ").append(r.disclaimer()).append('\n');
        return md.toString();
    }

    static String noDiagnosis(MappedCase mapped) {
        return "The service needs the tumour type, from a Condition coded in ICD-10-CM or SNOMED CT as docs/fhir-mapping.md "
                + "lists. None of the conditions sent has such a code, so nothing was evaluated.\n\n" + unread(mapped);
    }

    static String unread(MappedCase mapped) {
        StringBuilder md = new StringBuilder();
        if (!mapped.unrecognised().isEmpty()) {
            md.append("**Codes nanoguide does not know** (their fields were left unknown, not guessed)\n\n");
            list(md, mapped.unrecognised());
        }
        if (!mapped.conflicts().isEmpty()) {
            md.append("\n**Disagreements in the record** (left unknown)\n\n");
            list(md, mapped.conflicts());
        }
        return md.toString();
    }

    private static void list(StringBuilder md, List<String> items) {
        items.stream().limit(MAX_ITEMS).forEach(i -> md.append("- ").append(escape(i)).append('\n'));
        if (items.size() > MAX_ITEMS) md.append("- … and ").append(items.size() - MAX_ITEMS).append(" more\n");
    }

    private static void cited(StringBuilder md, String prefix, List<Result.Citation> cs) {
        for (Result.Citation c : cs) md.append("   - ").append(prefix).append(c.text()).append(cite(c.source())).append('\n');
    }

    private static String cite(Result.Source s) {
        if (s == null) return "";
        if (s.beyondReview()) return s.publicSource() == null ? "" : " (" + s.publicSource() + ")";
        String refs = s.refs().isEmpty() ? "" : ", refs " + s.refs().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return " (review §" + s.section() + refs + ")";
    }

    /** Record text is the EHR's, not ours: Markdown in it is shown as written. */
    private static String escape(String s) { return s.replaceAll("([\\\\`*_\\[\\]<])", "\\\\$1"); }
}
