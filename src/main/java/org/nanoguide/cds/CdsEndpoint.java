package org.nanoguide.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.nanoguide.Nanoguide;
import org.nanoguide.explain.Result;
import org.nanoguide.fhir.CodeTable;
import org.nanoguide.fhir.FhirCaseMapper;
import org.nanoguide.fhir.FhirJson;
import org.nanoguide.fhir.MappedCase;
import org.nanoguide.fhir.PatientRecord;
import org.nanoguide.model.CaseInput;
import org.nanoguide.model.CaseReader;
import org.nanoguide.render.JsonRenderer;
import org.nanoguide.service.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDS Hooks 2.0 endpoints: discovery, the {@code order-select} call (FHIR in, cards out) and
 * feedback. The FHIR record becomes a case ({@link FhirCaseMapper}), the site's equipment and
 * policy are added ({@link SiteConfig}), the serving rules evaluate it, and the result becomes
 * cards ({@link CardBuilder}).
 */
public final class CdsEndpoint {
    /** The request attribute the request log reads the hook instance from. */
    public static final String HOOK_INSTANCE = "nanoguide.hookInstance";
    private static final Logger LOG = LoggerFactory.getLogger(CdsEndpoint.class);
    private static final ObjectMapper MAPPER = JsonRenderer.mapper();

    private final Supplier<Nanoguide> rules;
    private final BiFunction<Nanoguide, CaseInput.Valid, Result> evaluate;
    private final Function<Context, byte[]> body;
    private final SiteConfig site;
    private final CaseReader reader = Nanoguide.reader();
    private final CodeTable codes = CodeTable.bundled();
    private final FhirCaseMapper mapper = new FhirCaseMapper(codes);
    private final OverrideReasons reasons = new OverrideReasons();
    private final CardBuilder cards = new CardBuilder(codes, reasons);
    private final FhirFetcher fetcher = new FhirFetcher(MAPPER);

    public CdsEndpoint(Supplier<Nanoguide> rules, BiFunction<Nanoguide, CaseInput.Valid, Result> evaluate,
                       Function<Context, byte[]> body, SiteConfig site) {
        this.rules = rules;
        this.evaluate = evaluate;
        this.body = body;
        this.site = site;
        FhirJson.warmUp();
    }

    public void discovery(Context ctx) { json(ctx, Discovery.document()); }

    public void invoke(Context ctx) {
        byte[] raw = readBody(ctx);
        HookCall call = HookCall.of(parse(raw), raw);
        ctx.attribute(HOOK_INSTANCE, call.hookInstance());
        Map<String, JsonNode> prefetch = complete(call);
        PatientRecord record;
        MappedCase mapped;
        try {
            List<Resource> drafts = FhirJson.resources("context.draftOrders", call.draftOrders());
            List<Patient> patients = FhirJson.ofType(FhirJson.resources("prefetch.patient", prefetch.get("patient")), Patient.class);
            record = new PatientRecord(patients.isEmpty() ? null : patients.get(0),
                    FhirJson.ofType(FhirJson.resources("prefetch.conditions", prefetch.get("conditions")), Condition.class),
                    FhirJson.ofType(FhirJson.resources("prefetch.observations", prefetch.get("observations")), Observation.class),
                    FhirJson.ofType(FhirJson.resources("prefetch.medications", prefetch.get("medications")), MedicationRequest.class),
                    FhirJson.ofType(drafts, MedicationRequest.class));
            mapped = mapper.map(caseId(call), record, LocalDate.now(ZoneOffset.UTC));
        } catch (FhirJson.InvalidFhirException e) {
            throw new ApiException(400, e.getMessage());
        }
        Nanoguide guide = rules.get(); // once per call: a reload never changes the rules under it
        ObjectNode answer = MAPPER.createObjectNode();
        if (!mapped.hasTumorType()) {
            answer.set("cards", cards.noDiagnosis(mapped, guide.knowledgeBase()));
        } else {
            CaseInput.Valid valid = validated(site.applyTo(mapped.caseJson()));
            Result result = evaluate.apply(guide, valid);
            answer.set("cards", cards.cards(result, mapped, guide.knowledgeBase(), ordered(record.draftOrders(), call.selections())));
        }
        ctx.header("Nanoguide-Rules-Fingerprint", guide.knowledgeBase().fingerprint());
        json(ctx, answer);
    }

    /**
     * Checked, then logged: card, outcome and the override reason's code only (never the clinician's
     * comment: it may name the patient); the service keeps no other state. An override reason in
     * nanoguide's code system must be one the cards offer; one problem refuses the whole request,
     * so nothing of it is logged.
     */
    public void feedback(Context ctx) {
        JsonNode fb = parse(readBody(ctx)).path("feedback");
        if (!fb.isArray()) throw new ApiException(400, "$.feedback: required, an array of feedback entries");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < fb.size(); i++) {
            JsonNode reason = fb.get(i).path("overrideReason");
            if (!reason.isMissingNode() && !reason.isNull()) problems.addAll(reasons.problems(reason, "$.feedback[" + i + "].overrideReason"));
        }
        if (!problems.isEmpty()) throw new ApiException(400, problems.get(0), problems.size() > 1 ? problems : List.of());
        for (JsonNode f : fb) {
            JsonNode reason = f.path("overrideReason");
            LOG.info("feedback: card {} {}{}", OverrideReasons.printable(f.path("card").asText("?")), OverrideReasons.printable(f.path("outcome").asText("?")),
                    reason.isObject() ? " (override reason: " + reasons.logged(reason) + ")" : "");
        }
        json(ctx, MAPPER.createObjectNode());
    }

    /** The prefetch, with what the EHR did not send fetched from its FHIR server when it named one. */
    private Map<String, JsonNode> complete(HookCall call) {
        Map<String, JsonNode> out = new HashMap<>(call.prefetch());
        for (Map.Entry<String, String> t : Discovery.PREFETCH.entrySet()) {
            JsonNode have = out.get(t.getKey());
            if (have != null && !have.isNull()) continue;
            if (call.fhirServer() != null) {
                out.put(t.getKey(), fetcher.fetch(call.fhirServer(), call.fhirToken(), t.getValue(), call.patientId()));
            } else if (t.getKey().equals("conditions")) {
                throw new ApiException(412, "prefetch.conditions is missing and no fhirServer was given: the service needs the "
                        + "patient's conditions (" + t.getValue() + ") to know the cancer diagnosis");
            }
        }
        return out;
    }

    private static List<MedicationRequest> ordered(List<MedicationRequest> drafts, List<String> selections) {
        if (selections.isEmpty()) return drafts;
        return drafts.stream().filter(m -> selections.contains("MedicationRequest/" + m.getIdElement().getIdPart())).toList();
    }

    private CaseInput.Valid validated(ObjectNode caseJson) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(caseJson);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        CaseInput in = reader.readDocument("case from FHIR", caseJson.path("id").asText(), bytes, 0).cases().get(0);
        if (in instanceof CaseInput.Rejected r) {
            List<String> problems = r.problems().isEmpty() ? List.of(r.message()) : r.problems().stream().map(Object::toString).toList();
            throw new ApiException(400, "the record maps to a case the rules cannot take: " + problems.get(0), problems.size() > 1 ? problems : List.of());
        }
        return (CaseInput.Valid) in;
    }

    private static String caseId(HookCall call) {
        String id = "cds:" + call.hookInstance();
        return id.length() > 200 ? id.substring(0, 200) : id;
    }

    private byte[] readBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/json")) {
            throw new ApiException(415, "unsupported content type \"" + type + "\": CDS Hooks requests are JSON, Content-Type: application/json");
        }
        return body.apply(ctx);
    }

    private static JsonNode parse(byte[] raw) {
        try {
            JsonNode n = MAPPER.readTree(raw);
            if (n == null || n.isMissingNode()) throw new ApiException(400, "$: empty body; expected a CDS Hooks request object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "$: not JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "cannot read the request body: " + e.getMessage());
        }
    }

    private static void json(Context ctx, JsonNode node) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
