package org.nanoguide.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * the same fact texts over and over. Each of those is escaped and encoded once and then copied.
 * The rules' texts (ids, names, sections, literal texts) and most fact texts (the engine hands out
 * one string per distinct fact value, see {@code engine.FactTexts}) are the same string objects in
 * result after result, so each thread keeps their encoded form by identity in a bounded cache
 * (emptied when full, so texts made for one case do not crowd it for long).
 */
public final class ResultJson {
    private static final JsonFactory FACTORY = JsonRenderer.mapper().getFactory();
    /** Several times the rule strings of a knowledge base. */
    private static final int SHARED_LIMIT = 8_192;
    private static final ThreadLocal<Map<String, SerializedString>> SHARED = ThreadLocal.withInitial(IdentityHashMap::new);
    /**
     * Each thread's output buffer, reused: a result is about 13 KB. (Jackson's ByteArrayBuilder
     * keeps only its last, smaller block on reset, so once a result outgrew it, it allocated
     * new blocks for nearly every result after; this one keeps its largest array.)
     */
    private static final int MAX_KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<ByteArrayOutputStream> BUFFER = ThreadLocal.withInitial(() -> new ByteArrayOutputStream(32_768));

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
    private final Map<String, SerializedString> shared = SHARED.get();

    private ResultJson(JsonGenerator g) { this.g = g; }

    /** The result's JSON on one line, UTF-8, followed by {@code suffix} (such as a newline, or nothing). */
    public static byte[] bytes(Result r, byte[] suffix) {
        ByteArrayOutputStream out = BUFFER.get();
        out.reset();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            new ResultJson(g).result(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write(suffix, 0, suffix.length);
        byte[] bytes = out.toByteArray();
        // a rare huge result (a runaway's trace) should not leave its buffer with the thread
        if (bytes.length > MAX_KEPT_BUFFER) BUFFER.remove();
        return bytes;
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
        g.writeFieldName(RECOMMENDATIONS);
        g.writeStartArray();
        for (RankedRecommendation rec : r.recommendations()) recommendation(rec);
        g.writeEndArray();
        g.writeFieldName(CONSIDERED);
        g.writeStartArray();
        for (RankedRecommendation rec : r.considered()) recommendation(rec);
        g.writeEndArray();
        g.writeFieldName(EXCLUDED);
        g.writeStartArray();
        for (ExcludedOption x : r.excluded()) excluded(x);
        g.writeEndArray();
        g.writeFieldName(WARNINGS);
        g.writeStartArray();
        for (CitedWarning w : r.warnings()) cited(w.code() == null ? null : w.code().name(), w.ruleId(), w.text(), w.source());
        g.writeEndArray();
        g.writeFieldName(FINDINGS);
        g.writeStartArray();
        for (CitedFinding f : r.findings()) cited(f.code(), f.ruleId(), f.text(), f.source());
        g.writeEndArray();
        g.writeFieldName(TRACE);
        g.writeStartArray();
        for (TraceStep t : r.trace()) {
            g.writeStartObject();
            g.writeFieldName(RULE_ID);
            shared(t.ruleId());
            g.writeFieldName(RULE);
            shared(t.rule());
            g.writeFieldName(FACTS);
            g.writeStartArray();
            for (String fact : t.facts()) shared(fact);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (r.disclaimer() != null) {
            g.writeFieldName(DISCLAIMER);
            shared(r.disclaimer());
        }
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
        g.writeFieldName(TARGETING);
        g.writeStartArray();
        for (Enum<?> t : rec.targeting()) name(t);
        g.writeEndArray();
        g.writeFieldName(CERTAINTY);
        g.writeNumber(rec.certainty());
        g.writeFieldName(EVIDENCE);
        name(rec.evidence());
        g.writeFieldName(PRODUCTS);
        g.writeStartArray();
        for (String p : rec.products()) shared(p);
        g.writeEndArray();
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
        g.writeFieldName(OVERRIDES);
        g.writeStartArray();
        for (String id : x.overrides()) shared(id);
        g.writeEndArray();
        g.writeEndObject();
    }

    private void citations(SerializedString field, List<Citation> list) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (Citation c : list) {
            g.writeStartObject();
            if (c.ruleId() != null) {
                g.writeFieldName(RULE_ID);
                shared(c.ruleId());
            }
            if (c.text() != null) {
                g.writeFieldName(TEXT);
                shared(c.text());
            }
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
        g.writeFieldName(REFS);
        g.writeStartArray();
        for (Integer ref : s.refs()) g.writeNumber(ref);
        g.writeEndArray();
        if (s.quote() != null) {
            g.writeFieldName(QUOTE);
            shared(s.quote());
        }
        if (s.publicSource() != null) {
            g.writeFieldName(PUBLIC_SOURCE);
            shared(s.publicSource());
        }
        g.writeEndObject();
    }

    private void name(Enum<?> e) throws IOException {
        if (e == null) g.writeNull();
        else shared(e.name());
    }

    /** A string that is likely the same object in many results (or many times in this one). */
    private void shared(String s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        SerializedString cached = shared.get(s);
        if (cached == null) {
            if (hasSurrogates(s)) {
                g.writeString(s);
                return;
            }
            cached = new SerializedString(s);
            if (shared.size() >= SHARED_LIMIT) shared.clear();
            shared.put(s, cached);
        }
        g.writeString(cached);
    }

    /**
     * The generator writes a character outside the Basic Multilingual Plane as two escaped
     * surrogates, a pre-encoded string as four UTF-8 bytes: such strings go to the generator.
     */
    private static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) return true;
        }
        return false;
    }
}
