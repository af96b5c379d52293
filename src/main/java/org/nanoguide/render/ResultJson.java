package org.nanoguide.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.nanoguide.explain.Result;
import org.nanoguide.explain.Result.Citation;
import org.nanoguide.explain.Result.CitedFinding;
import org.nanoguide.explain.Result.CitedWarning;
import org.nanoguide.explain.Result.ExcludedOption;
import org.nanoguide.explain.Result.RankedRecommendation;
import org.nanoguide.explain.Result.Source;
import org.nanoguide.explain.Result.TraceStep;

/**
 * The contract's compact JSON of a {@link Result}, written field by field with Jackson's streaming
 * generator: byte for byte what {@link JsonRenderer#mapper()} writes for the same result (a test
 * compares the two on every example case and thousands of generated ones), about twice as fast.
 *
 * <p>Where the time goes in a result is text: rule ids and names, cited texts and, in the trace,
 * the same fact texts over and over. Each of those is escaped and encoded once and then copied
 * ({@link EncodedTexts}).
 */
public final class ResultJson {
    private static final JsonFactory FACTORY = JsonRenderer.mapper().getFactory();

    private static final SerializedString CASE_ID = new SerializedString("caseId");
    private static final SerializedString DESCRIPTION = new SerializedString("description");
    private static final SerializedString KNOWLEDGE_BASE = new SerializedString("knowledgeBase");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializedString RULES = new SerializedString("rules");
    private static final SerializedString RECOMMENDATIONS = new SerializedString("recommendations");
    private static final SerializedString CONSIDERED = new SerializedString("considered");
    private static final SerializedString EXCLUDED = new SerializedString("excluded");
    private static final SerializedString WARNINGS = new SerializedString("warnings");
    private static final SerializedString FINDINGS = new SerializedString("findings");
    private static final SerializedString TRACE = new SerializedString("trace");
    private static final SerializedString DISCLAIMER = new SerializedString("disclaimer");
    private static final SerializedString RANK = new SerializedString("rank");
    private static final SerializedString CARRIER = new SerializedString("carrier");
    private static final SerializedString MODALITY = new SerializedString("modality");
    private static final SerializedString TARGETING = new SerializedString("targeting");
    private static final SerializedString CERTAINTY = new SerializedString("certainty");
    private static final SerializedString EVIDENCE = new SerializedString("evidence");
    private static final SerializedString PRODUCTS = new SerializedString("products");
    private static final SerializedString SUMMARY = new SerializedString("summary");
    private static final SerializedString EVIDENCE_BASIS = new SerializedString("evidenceBasis");
    private static final SerializedString REASONS = new SerializedString("reasons");
    private static final SerializedString AGAINST = new SerializedString("against");
    private static final SerializedString CAUTIONS = new SerializedString("cautions");
    private static final SerializedString OVERRIDES = new SerializedString("overrides");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString RULE_ID = new SerializedString("ruleId");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString SECTION = new SerializedString("section");
    private static final SerializedString REFS = new SerializedString("refs");
    private static final SerializedString QUOTE = new SerializedString("quote");
    private static final SerializedString PUBLIC_SOURCE = new SerializedString("publicSource");
    private static final SerializedString STRENGTH = new SerializedString("strength");
    private static final SerializedString FACTS = new SerializedString("facts");

    private final JsonGenerator g;
    private final EncodedTexts texts = new EncodedTexts();

    private ResultJson(JsonGenerator g) { this.g = g; }

    /** The result's JSON on one line, UTF-8, followed by {@code suffix} (such as a newline, or nothing). */
    public static byte[] bytes(Result r, byte[] suffix) {
        ByteArrayOutputStream out = OutputBuffer.empty();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            new ResultJson(g).result(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write(suffix, 0, suffix.length);
        return OutputBuffer.bytes(out);
    }

    /** Writes the result's JSON to a generator (one value; compact unless the generator indents). */
    public static void write(Result r, JsonGenerator g) throws IOException {
        new ResultJson(g).result(r);
    }

    private void result(Result r) throws IOException {
        g.writeStartObject();
        if (r.caseId() != null) {
            g.writeFieldName(CASE_ID);
            g.writeString(r.caseId());
        }
        if (r.description() != null) {
            g.writeFieldName(DESCRIPTION);
            g.writeString(r.description());
        }
        if (r.knowledgeBase() != null) {
            g.writeFieldName(KNOWLEDGE_BASE);
            g.writeStartObject();
            g.writeFieldName(VERSION);
            shared(r.knowledgeBase().version());
            g.writeFieldName(FINGERPRINT);
            shared(r.knowledgeBase().fingerprint());
            g.writeFieldName(RULES);
            g.writeNumber(r.knowledgeBase().rules());
            g.writeEndObject();
        }
        array(RECOMMENDATIONS, r.recommendations(), rec -> recommendation(rec));
        array(CONSIDERED, r.considered(), rec -> recommendation(rec));
        array(EXCLUDED, r.excluded(), x -> excluded(x));
        array(WARNINGS, r.warnings(), w -> cited(w.code() == null ? null : w.code().name(), w.ruleId(), w.text(), w.source()));
        array(FINDINGS, r.findings(), f -> cited(f.code(), f.ruleId(), f.text(), f.source()));
        g.writeFieldName(TRACE);
        g.writeStartArray();
        for (TraceStep t : r.trace()) {
            g.writeStartObject();
            g.writeFieldName(RULE_ID);
            shared(t.ruleId());
            g.writeFieldName(RULE);
            shared(t.rule());
            array(FACTS, t.facts(), fact -> shared(fact));
            g.writeEndObject();
        }
        g.writeEndArray();
        optional(DISCLAIMER, r.disclaimer());
        g.writeEndObject();
    }

    /** A warning or a finding: the same four fields. */
    private void cited(String code, String ruleId, String text, Source source) throws IOException {
        g.writeStartObject();
        g.writeFieldName(CODE);
        shared(code);
        g.writeFieldName(RULE_ID);
        shared(ruleId);
        g.writeFieldName(TEXT);
        shared(text);
        g.writeFieldName(SOURCE);
        source(source);
        g.writeEndObject();
    }

    private void recommendation(RankedRecommendation rec) throws IOException {
        g.writeStartObject();
        g.writeFieldName(RANK);
        g.writeNumber(rec.rank());
        g.writeFieldName(CARRIER);
        name(rec.carrier());
        g.writeFieldName(MODALITY);
        name(rec.modality());
        array(TARGETING, rec.targeting(), t -> name(t));
        g.writeFieldName(CERTAINTY);
        g.writeNumber(rec.certainty());
        g.writeFieldName(EVIDENCE);
        name(rec.evidence());
        array(PRODUCTS, rec.products(), p -> shared(p));
        g.writeFieldName(SUMMARY);
        shared(rec.summary());
        citations(REASONS, rec.reasons());
        citations(AGAINST, rec.against());
        citations(CAUTIONS, rec.cautions());
        citations(EVIDENCE_BASIS, rec.evidenceBasis());
        g.writeEndObject();
    }

    private void excluded(ExcludedOption x) throws IOException {
        g.writeStartObject();
        g.writeFieldName(CARRIER);
        name(x.carrier());
        g.writeFieldName(MODALITY);
        name(x.modality());
        g.writeFieldName(TARGETING);
        name(x.targeting());
        citations(REASONS, x.reasons());
        array(OVERRIDES, x.overrides(), id -> shared(id));
        g.writeEndObject();
    }

    private void citations(SerializedString field, List<Citation> list) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (Citation c : list) {
            g.writeStartObject();
            optional(RULE_ID, c.ruleId());
            optional(TEXT, c.text());
            if (c.source() != null) {
                g.writeFieldName(SOURCE);
                source(c.source());
            }
            if (c.strength() != null) {
                g.writeFieldName(STRENGTH);
                g.writeNumber(c.strength());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void source(Source s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(SECTION);
        shared(s.section());
        array(REFS, s.refs(), ref -> g.writeNumber(ref));
        optional(QUOTE, s.quote());
        optional(PUBLIC_SOURCE, s.publicSource());
        g.writeEndObject();
    }

    private void name(Enum<?> e) throws IOException {
        if (e == null) g.writeNull();
        else shared(e.name());
    }

    /** A field that is left out when its value is null. */
    private void optional(SerializedString field, String value) throws IOException {
        if (value == null) return;
        g.writeFieldName(field);
        shared(value);
    }

    /** One way of writing an element of an array. */
    private interface Element<T> {
        void write(T t) throws IOException;
    }

    private <T> void array(SerializedString field, List<? extends T> items, Element<T> element) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (T t : items) element.write(t);
        g.writeEndArray();
    }

    /** A string that is likely the same object in many results (or many times in this one). */
    private void shared(String s) throws IOException { texts.write(g, s); }
}
