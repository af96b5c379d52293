package org.nanoguide.cds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.nanoguide.explain.Result;
import org.nanoguide.facts.EvidenceLevel;
import org.nanoguide.facts.Product;
import org.nanoguide.facts.ProductStatus;
import org.nanoguide.fhir.CodeTable;
import org.nanoguide.fhir.FhirJson;
import org.nanoguide.fhir.MappedCase;
import org.nanoguide.kb.KnowledgeBase;

/**
 * CDS Hooks cards from a result: one card with the advice (summary, indicator, source, Markdown
 * detail with reasons, citations and the disclaimer), with a suggestion when the first-ranked
 * option is an approved product of the drug being ordered, the reasons a clinician can give for
 * acting against it ({@link OverrideReasons}) and links to the public sources of the approved
 * products it names; one more info card naming the codes the mapping could not read. Only the
 * {@code uuid}s differ between two identical calls.
 */
final class CardBuilder {
    static final int SUMMARY_MAX = 140;
    private static final Pattern URL = Pattern.compile("https?://[^\\s;]+");
    private final Indicators indicators = new Indicators();
    private final OverrideReasons reasons;
    private final CodeTable codes;

    CardBuilder(CodeTable codes, OverrideReasons reasons) {
        this.codes = codes;
        this.reasons = reasons;
    }

    ArrayNode cards(Result r, MappedCase mapped, KnowledgeBase kb, List<MedicationRequest> ordered) {
        ArrayNode cards = JsonNodeFactory.instance.arrayNode();
        ObjectNode card = card(cards, summary(r), indicators.of(r), kb);
        card.put("detail", Markdown.detail(r, mapped));
        suggestion(r, kb, ordered).ifPresent(s -> {
            card.put("selectionBehavior", "at-most-one");
            card.putArray("suggestions").add(s);
        });
        overrideReasons(card, OverrideReasons.CardKind.ADVICE);
        ArrayNode links = productLinks(r, kb);
        if (!links.isEmpty()) card.set("links", links);
        if (!mapped.unrecognised().isEmpty() || !mapped.conflicts().isEmpty()) unreadCard(cards, mapped, kb);
        return cards;
    }

    /** The answer when the record names no cancer the mapping recognises: nothing is evaluated. */
    ArrayNode noDiagnosis(MappedCase mapped, KnowledgeBase kb) {
        ArrayNode cards = JsonNodeFactory.instance.arrayNode();
        ObjectNode card = card(cards, "No nanocarrier advice: no cancer diagnosis nanoguide recognises in the record", "info", kb);
        card.put("detail", Markdown.noDiagnosis(mapped));
        overrideReasons(card, OverrideReasons.CardKind.NO_DIAGNOSIS);
        return cards;
    }

    private static ObjectNode card(ArrayNode cards, String summary, String indicator, KnowledgeBase kb) {
        ObjectNode card = cards.addObject();
        card.put("uuid", UUID.randomUUID().toString());
        card.put("summary", clip(summary));
        card.put("indicator", indicator);
        ObjectNode source = card.putObject("source");
        source.put("label", "nanoguide: " + kb.title() + " " + kb.version());
        source.putObject("topic").put("code", kb.fingerprint()).put("display", "knowledge base fingerprint");
        return card;
    }

    private void unreadCard(ArrayNode cards, MappedCase mapped, KnowledgeBase kb) {
        int n = mapped.unrecognised().size() + mapped.conflicts().size();
        ObjectNode card = card(cards, n + " item" + (n == 1 ? "" : "s") + " of the record not used: the fields they would set were left unknown", "info", kb);
        card.put("detail", Markdown.unread(mapped));
        overrideReasons(card, OverrideReasons.CardKind.UNREAD);
    }

    private void overrideReasons(ObjectNode card, OverrideReasons.CardKind kind) {
        ArrayNode codings = reasons.codings(kind);
        if (!codings.isEmpty()) card.set("overrideReasons", codings);
    }

    /**
     * An {@code absolute} link to each public page that the catalogue row of an approved product the
     * advice names gives as its source, for this tumour type; a row whose source has no URL gives none.
     * The rules named the products; this only looks up where their sources are.
     */
    private static ArrayNode productLinks(Result r, KnowledgeBase kb) {
        ArrayNode links = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new HashSet<>();
        for (Result.RankedRecommendation o : r.recommendations()) {
            for (String name : o.products()) {
                for (Product p : kb.products()) {
                    if (!p.isApproved() || !p.name().equals(name) || !p.isFor(r.tumorType())) continue;
                    for (URI url : urls(p.source())) {
                        if (!seen.add(url.toString())) continue;
                        ObjectNode link = links.addObject();
                        link.put("label", p.name() + ": " + url.getHost().replaceFirst("^www\\.", ""));
                        link.put("url", url.toString());
                        link.put("type", "absolute");
                    }
                }
            }
        }
        return links;
    }

    /** The web addresses in a catalogue source ("Barenholz, J Control Release 2012 https://..."), in order. */
    static List<URI> urls(String source) {
        List<URI> out = new ArrayList<>();
        if (source == null) return out;
        Matcher m = URL.matcher(source);
        while (m.find()) {
            String u = m.group().replaceFirst("[.,)]+$", "");
            try {
                URI uri = new URI(u);
                if (uri.getHost() != null) out.add(uri);
            } catch (URISyntaxException e) {
                // a malformed address cannot be followed; the detail still quotes the source as written
            }
        }
        return out;
    }

    private static String summary(Result r) {
        if (r.recommendations().isEmpty()) return "No nanocarrier option recommended for this patient and order";
        return "Nanocarrier option 1: " + r.recommendations().get(0).summary();
    }

    static String clip(String s) {
        return s.length() <= SUMMARY_MAX ? s : s.substring(0, SUMMARY_MAX - 1) + "…";
    }

    /**
     * Updating the draft order to the approved product that carries its drug, when the first-ranked
     * option is approved here and names that product. The rules chose the option and the product;
     * this only finds which order it replaces.
     */
    private Optional<ObjectNode> suggestion(Result r, KnowledgeBase kb, List<MedicationRequest> ordered) {
        if (r.recommendations().isEmpty()) return Optional.empty();
        Result.RankedRecommendation best = r.recommendations().get(0);
        if (best.evidence() != EvidenceLevel.APPROVED) return Optional.empty();
        for (MedicationRequest order : ordered) {
            Optional<String> drug = drugOf(order);
            if (drug.isEmpty()) continue;
            for (Product p : kb.products()) {
                if (p.status() == ProductStatus.APPROVED && best.products().contains(p.name()) && p.drugs().contains(drug.get())) {
                    return Optional.of(update(order, p, drug.get()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> drugOf(MedicationRequest order) {
        if (!order.hasMedicationCodeableConcept()) return Optional.empty();
        for (Coding c : order.getMedicationCodeableConcept().getCoding()) {
            Optional<String> d = codes.rows().stream()
                    .filter(row -> row.resource().equals("MedicationRequest") && row.system().equals(c.getSystem()) && row.code().equals(c.getCode()))
                    .map(CodeTable.Row::setTo).findFirst();
            if (d.isPresent()) return d;
        }
        return Optional.empty();
    }

    private static ObjectNode update(MedicationRequest order, Product p, String drug) {
        MedicationRequest changed = order.copy();
        // the ingredient's coding stays: the product carries the same drug; its name says which formulation
        changed.getMedicationCodeableConcept().setText(p.name());
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("label", clip("Order " + p.name() + " instead of conventional " + drug.toLowerCase(java.util.Locale.ROOT)));
        s.put("uuid", UUID.randomUUID().toString());
        s.put("isRecommended", false);
        ObjectNode action = s.putArray("actions").addObject();
        action.put("type", "update");
        action.put("description", "Update the draft order to " + p.name() + " (" + p.indication() + "; " + p.source() + ")");
        try {
            action.set("resource", org.nanoguide.render.JsonRenderer.mapper().readTree(FhirJson.json(changed)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return s;
    }
}
