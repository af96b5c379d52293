package org.nanoguide.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The reasons a clinician can give for acting against a card (CDS Hooks {@code Card.overrideReasons}),
 * as {@code /nanoguide/cds/override-reasons.properties} lists them by card kind: data, so which card
 * offers which reason, and the words shown, are read and changed in one place. Also checks the
 * reason an EHR's feedback sends back.
 */
final class OverrideReasons {
    static final String RESOURCE = "/nanoguide/cds/override-reasons.properties";

    /** The kinds of card the service answers with. */
    enum CardKind {
        ADVICE, UNREAD, NO_DIAGNOSIS;

        String key() { return "card." + name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /** One reason: a code of the file's {@code system} and the words the clinician reads. */
    record Reason(String code, String display) { }

    private final String system;
    private final Map<CardKind, List<Reason>> byKind = new EnumMap<>(CardKind.class);
    /** Every reason some card offers: a stateless service cannot tell which card the feedback is on. */
    private final Map<String, Reason> offered = new LinkedHashMap<>();

    OverrideReasons() {
        Properties table = new Properties();
        try (InputStream in = OverrideReasons.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        system = table.getProperty("system", "").strip();
        if (system.isEmpty()) throw new IllegalStateException(RESOURCE + ": no system");
        for (CardKind kind : CardKind.values()) {
            String list = table.getProperty(kind.key());
            if (list == null) throw new IllegalStateException(RESOURCE + ": no " + kind.key() + " (an empty value offers no reasons)");
            List<Reason> reasons = new ArrayList<>();
            for (String code : list.split(",")) {
                if (code.isBlank()) continue;
                String display = table.getProperty("reason." + code.strip(), "").strip();
                if (display.isEmpty()) throw new IllegalStateException(RESOURCE + ": " + kind.key() + " names " + code.strip() + ", which has no reason." + code.strip());
                Reason r = new Reason(code.strip(), display);
                reasons.add(r);
                offered.put(r.code(), r);
            }
            byKind.put(kind, List.copyOf(reasons));
        }
    }

    /** The card's {@code overrideReasons}: CDS Hooks Codings, each with its display. */
    ArrayNode codings(CardKind kind) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Reason r : byKind.get(kind)) out.addObject().put("system", system).put("code", r.code()).put("display", r.display());
        return out;
    }

    /**
     * What is wrong with a feedback entry's {@code overrideReason} (at {@code path}), or nothing.
     * A Coding of another system passes: CDS Hooks lets the EHR offer reasons of its own beside ours.
     */
    List<String> problems(JsonNode overrideReason, String path) {
        if (!overrideReason.isObject()) return List.of(path + ": an object with reason (a Coding) and userComment, both optional");
        List<String> out = new ArrayList<>();
        JsonNode comment = overrideReason.path("userComment");
        if (!comment.isMissingNode() && !comment.isNull() && !comment.isTextual()) out.add(path + ".userComment: a string");
        JsonNode reason = overrideReason.path("reason");
        if (reason.isMissingNode() || reason.isNull()) return out;
        if (!reason.isObject()) {
            out.add(path + ".reason: a Coding, {\"system\": ..., \"code\": ...}");
            return out;
        }
        String sys = reason.path("system").isTextual() ? reason.path("system").asText() : "";
        String code = reason.path("code").isTextual() ? reason.path("code").asText() : "";
        if (sys.isBlank()) out.add(path + ".reason.system: required, the code system of the reason (ours is " + system + ")");
        if (code.isBlank()) out.add(path + ".reason.code: required");
        if (sys.equals(system) && !code.isBlank() && !offered.containsKey(code)) {
            out.add(path + ".reason.code: \"" + code + "\" is not an override reason nanoguide offers; its reasons (" + system + ") are "
                    + String.join(", ", offered.keySet()));
        }
        return out;
    }

    /** The reason as the log names it: our code alone, another system's as system|code. No free text. */
    String logged(JsonNode overrideReason) {
        JsonNode reason = overrideReason.path("reason");
        String comment = overrideReason.path("userComment").asText("").isBlank() ? "" : ", with a comment";
        if (!reason.isObject()) return "no reason given" + comment;
        String sys = reason.path("system").asText();
        return (sys.equals(system) ? "" : "the EHR's own " + printable(sys) + "|") + printable(reason.path("code").asText()) + comment;
    }

    /** Text from the EHR made safe for one log line: no control characters, bounded length. */
    static String printable(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "…";
    }
}
