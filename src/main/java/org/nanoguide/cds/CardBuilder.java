package org.nanoguide.cds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * option is an approved product of the drug being ordered; one more info card naming the codes
 * the mapping could not read. Only the {@code uuid}s differ between two identical calls.
 */
final class CardBuilder {
    static final int SUMMARY_MAX = 140;
    private final Indicators indicators = new Indicators();
    private final CodeTable codes;

    CardBuilder(CodeTable codes) { this.codes = codes; }

    ArrayNode cards(Result r, MappedCase mapped, KnowledgeBase kb, List<MedicationRequest> ordered) {
        ArrayNode cards = JsonNodeFactory.instance.arrayNode();
        ObjectNode card = card(cards, summary(r), indicators.of(r), kb);
        card.put("detail", Markdown.detail(r, mapped));
        suggestion(r, kb, ordered).ifPresent(s -> {
            card.put("selectionBehavior", "at-most-one");
            card.putArray("suggestions").add(s);
        });
        if (!mapped.unrecognised().isEmpty() || !mapped.conflicts().isEmpty()) unreadCard(cards, mapped, kb);
        return cards;
    }

    /** The answer when the record names no cancer the mapping recognises: nothing is evaluated. */
    ArrayNode noDiagnosis(MappedCase mapped, KnowledgeBase kb) {
        ArrayNode cards = JsonNodeFactory.instance.arrayNode();
        ObjectNode card = card(cards, "No nanocarrier advice: no cancer diagnosis nanoguide recognises in the record", "info", kb);
        card.put("detail", Markdown.noDiagnosis(mapped));
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
