package org.nanoguide.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanoguide.Nanoguide;
import org.nanoguide.TestKb;
import org.nanoguide.cds.CdsConfig;
import org.nanoguide.cds.SiteConfig;
import org.nanoguide.explain.Result;

/**
 * The CDS Hooks endpoints of a real service on loopback, called as an EHR calls them: FHIR R4
 * resources encoded by HAPI FHIR, the real rules, a loopback FHIR server for what is not prefetched.
 */
class CdsHooksTest {
    static final String SERVICE = "/cds-services/nanocarrier-advice";
    static NanoguideService service;
    static Http http;
    static HttpServer fhir;
    static final ConcurrentLinkedQueue<String> FHIR_CALLS = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start(@TempDir Path tmp) throws Exception {
        Path site = Files.writeString(tmp.resolve("site.json"), "{\"constraints\": {\"region\": \"EU\"}, \"resources\": {\"mri\": true}}");
        LiveRules rules = LiveRules.of(TestKb.RULES, TestKb.guide(), 10_000);
        service = NanoguideService.start(rules, ServiceOptions.defaults().withPort(0), false,
                new CdsConfig(SiteConfig.read(site, Nanoguide.reader())));
        http = new Http(service);
        fhir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fhir.createContext("/fhir/", ex -> {
            FHIR_CALLS.add(ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("Authorization"));
            String path = ex.getRequestURI().getPath();
            String body = path.endsWith("/Condition") ? Ehr.json(breastConditions())
                    : path.endsWith("/Observation") ? Ehr.json(observations())
                    : path.endsWith("/MedicationRequest") ? Ehr.json(Ehr.searchset())
                    : path.endsWith("/Patient/" + Ehr.PATIENT) ? Ehr.json(Ehr.patient(1968)) : null;
            byte[] bytes = (body == null ? "{\"resourceType\":\"OperationOutcome\"}" : body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/fhir+json");
            ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        fhir.start();
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
        if (fhir != null) fhir.stop(0);
    }

    static Bundle breastConditions() {
        return Ehr.searchset(
                Ehr.condition("c-1", Ehr.ICD10CM, "C50.911", "Malignant neoplasm of unspecified site of right female breast"),
                Ehr.condition("c-2", Ehr.ICD10CM, "C79.51", "Secondary malignant neoplasm of bone"),
                Ehr.condition("c-3", Ehr.SNOMED, "38341003", "Hypertensive disorder"));
    }

    static Bundle observations() {
        return Ehr.searchset(
                Ehr.quantity("o-1", "10230-1", "Left ventricular Ejection fraction", 45, "%"),
                Ehr.coded("o-2", "48676-1", "HER2 [Interpretation] in Tissue", Ehr.LOINC, "LA6577-6", "Negative"));
    }

    static Bundle doxorubicinOrder() {
        return Ehr.bundle(Bundle.BundleType.COLLECTION, Ehr.order("mr-1", "3639", "doxorubicin"));
    }

    static String breastCall(String instance) {
        return Ehr.call(instance, Ehr.patient(1968), breastConditions(), observations(), doxorubicinOrder(), null);
    }

    @Test
    void discoveryListsTheServiceWithItsPrefetch() {
        Http.Reply r = http.get("/cds-services");
        assertEquals(200, r.status(), r.body());
        JsonNode s = r.json().path("services").get(0);
        assertEquals("nanocarrier-advice", s.path("id").asText());
        assertEquals("order-select", s.path("hook").asText());
        assertFalse(s.path("description").asText().isBlank());
        for (String key : List.of("patient", "conditions", "observations", "medications")) {
            assertTrue(s.path("prefetch").path(key).asText().contains("{{context.patientId}}"), key + " in " + r.body());
        }
    }

    @Test
    void anOrderBecomesCardsWithCitationsAndASuggestion() {
        Http.Reply r = http.post(SERVICE, breastCall("d7c1a1de-0001"));
        assertEquals(200, r.status(), r.body());
        JsonNode cards = r.json().path("cards");
        JsonNode advice = cards.get(0);
        assertTrue(advice.path("summary").asText().length() <= 140, advice.path("summary").asText());
        // the LVEF of 45 % maps to cardiac risk; the rules warn about it with doxorubicin ordered
        assertEquals("critical", advice.path("indicator").asText(), r.body());
        Result.KnowledgeBaseRef kb = new Result.KnowledgeBaseRef(TestKb.guide().version(), TestKb.guide().fingerprint(), 0);
        assertTrue(advice.path("source").path("label").asText().contains(kb.version()), advice.path("source").toString());
        String detail = advice.path("detail").asText();
        assertTrue(detail.contains("review §"), detail);
        assertTrue(detail.contains(Result.DISCLAIMER), detail);
        assertTrue(detail.contains("10230-1 = 45 -> patient.cardiacRisk=true"), detail);
        assertFalse(advice.path("uuid").asText().isBlank());
        assertEquals("at-most-one", advice.path("selectionBehavior").asText());
        JsonNode action = advice.path("suggestions").get(0).path("actions").get(0);
        assertEquals("update", action.path("type").asText());
        assertEquals("MedicationRequest", action.path("resource").path("resourceType").asText());
        assertEquals("mr-1", action.path("resource").path("id").asText());
        assertTrue(action.path("resource").path("medicationCodeableConcept").path("text").asText().contains("Caelyx"), action.toString());
        // the hypertension code is not one nanoguide reads: named, not guessed
        JsonNode unread = cards.get(1);
        assertEquals("info", unread.path("indicator").asText());
        assertTrue(unread.path("detail").asText().contains("38341003"), unread.toString());
    }

    @Test
    void theSameCallGivesTheSameCardsButTheirUuids() {
        String call = breastCall("d7c1a1de-0002");
        JsonNode a = http.post(SERVICE, call).json();
        JsonNode b = http.post(SERVICE, call).json();
        assertFalse(a.path("cards").get(0).path("uuid").equals(b.path("cards").get(0).path("uuid")));
        assertEquals(withoutUuids(a), withoutUuids(b));
    }

    private static JsonNode withoutUuids(JsonNode n) {
        JsonNode copy = n.deepCopy();
        copy.findParents("uuid").forEach(p -> ((ObjectNode) p).remove("uuid"));
        return copy;
    }

    @Test
    void withoutConditionsOrAFhirServerTheAnswerIs412() {
        String call = Ehr.call("d7c1a1de-0003", Ehr.patient(1968), null, observations(), doxorubicinOrder(), null);
        Http.Reply r = http.post(SERVICE, call);
        assertEquals(412, r.status(), r.body());
        assertTrue(r.json().path("error").asText().contains("prefetch.conditions"), r.body());
    }

    @Test
    void whatWasNotPrefetchedIsFetchedFromTheFhirServerWithItsToken() {
        String server = "http://127.0.0.1:" + fhir.getAddress().getPort() + "/fhir";
        FHIR_CALLS.clear();
        String call = Ehr.call("d7c1a1de-0004", null, null, null, doxorubicinOrder(), server);
        Http.Reply r = http.post(SERVICE, call);
        assertEquals(200, r.status(), r.body());
        assertEquals("critical", r.json().path("cards").get(0).path("indicator").asText(), r.body());
        assertTrue(FHIR_CALLS.contains("/fhir/Condition?patient=pat-1 Bearer ehr-access-token"), FHIR_CALLS.toString());
        assertTrue(FHIR_CALLS.contains("/fhir/Patient/pat-1 Bearer ehr-access-token"), FHIR_CALLS.toString());
    }

    @Test
    void aRecordWithoutACancerCodeNanoguideKnowsIsNotEvaluated() {
        Bundle conditions = Ehr.searchset(Ehr.condition("c-9", Ehr.SNOMED, "363346000", "Malignant neoplastic disease"));
        Http.Reply r = http.post(SERVICE, Ehr.call("d7c1a1de-0005", Ehr.patient(1968), conditions, observations(), doxorubicinOrder(), null));
        assertEquals(200, r.status(), r.body());
        JsonNode card = r.json().path("cards").get(0);
        assertEquals("info", card.path("indicator").asText());
        assertTrue(card.path("detail").asText().contains("363346000"), r.body());
    }

    @Test
    void aBadCallListsEveryProblem() {
        Http.Reply r = http.post(SERVICE, "{\"hook\": \"patient-view\", \"context\": {}}");
        assertEquals(400, r.status(), r.body());
        String errors = r.json().path("errors").toString();
        for (String p : List.of("$.hook: this service", "$.hookInstance", "$.context.patientId", "$.context.draftOrders")) assertTrue(errors.contains(p), errors);
        assertTrue(errors.contains("$.hook: this service answers the order-select hook, not \\\"patient-view\\\" (line 1, column 10)"), errors);
    }

    @Test
    void feedbackIsAccepted() {
        Http.Reply r = http.post(SERVICE + "/feedback", "{\"feedback\": [{\"card\": \"c1\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-30T03:00:00Z\"}]}");
        assertEquals(200, r.status(), r.body());
    }

    static final String REASONS = "https://nanoguide.org/cds/override-reason";

    @Test
    void theAdviceCardOffersOverrideReasonsAndTheInfoCardsDoNot() {
        JsonNode cards = http.post(SERVICE, breastCall("d7c1a1de-0006")).json().path("cards");
        JsonNode offered = cards.get(0).path("overrideReasons");
        List<String> codes = new java.util.ArrayList<>();
        for (JsonNode c : offered) {
            assertEquals(REASONS, c.path("system").asText(), c.toString());
            assertFalse(c.path("display").asText().isBlank(), "CDS Hooks requires a display for each override reason: " + c);
            codes.add(c.path("code").asText());
        }
        assertEquals(List.of("not-applicable-to-patient", "information-missing-or-outdated", "patient-informed-decision", "clinical-judgement"), codes);
        assertTrue(cards.get(1).path("overrideReasons").isMissingNode(), "the unread-codes card advises nothing: " + cards.get(1));
        Bundle noCancer = Ehr.searchset(Ehr.condition("c-9", Ehr.SNOMED, "363346000", "Malignant neoplastic disease"));
        JsonNode none = http.post(SERVICE, Ehr.call("d7c1a1de-0007", Ehr.patient(1968), noCancer, observations(), doxorubicinOrder(), null)).json();
        assertTrue(none.path("cards").get(0).path("overrideReasons").isMissingNode(), none.toString());
    }

    static String overridden(String card, String reason, String comment) {
        return "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-11-30T03:00:00Z\","
                + " \"overrideReason\": {" + (reason == null ? "" : "\"reason\": " + reason + ", ") + "\"userComment\": \"" + comment + "\"}}]}";
    }

    @Test
    void feedbackWithAnOfferedReasonIsAcceptedAndLoggedWithoutTheComment() throws Exception {
        String card = http.post(SERVICE, breastCall("d7c1a1de-0008")).json().path("cards").get(0).path("uuid").asText();
        Http.Reply r = http.post(SERVICE + "/feedback",
                overridden(card, "{\"system\": \"" + REASONS + "\", \"code\": \"patient-informed-decision\"}", "Mrs Example declined, see note"));
        assertEquals(200, r.status(), r.body());
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) {
            line = Files.readAllLines(log).stream().filter(l -> l.contains("feedback: card " + card)).findFirst().orElse(null);
            if (line == null) Thread.sleep(20);
        }
        assertTrue(line != null, "no feedback log line for card " + card);
        assertTrue(line.contains("overridden (override reason: patient-informed-decision, with a comment)"), line);
        assertFalse(line.contains("Mrs Example"), "the clinician's comment is not logged: " + line);
    }

    @Test
    void feedbackWithAReasonNanoguideDoesNotOfferIsRefused() {
        Http.Reply r = http.post(SERVICE + "/feedback", overridden("c2", "{\"system\": \"" + REASONS + "\", \"code\": \"too-expensive\"}", ""));
        assertEquals(400, r.status(), r.body());
        String error = r.json().path("error").asText();
        assertTrue(error.startsWith("$.feedback[0].overrideReason.reason.code: \"too-expensive\" is not an override reason nanoguide offers"), error);
        assertTrue(error.contains("clinical-judgement"), "the refusal lists the reasons offered: " + error);
        Http.Reply noSystem = http.post(SERVICE + "/feedback", overridden("c3", "{\"code\": \"clinical-judgement\"}", ""));
        assertEquals(400, noSystem.status(), noSystem.body());
        assertTrue(noSystem.json().path("error").asText().startsWith("$.feedback[0].overrideReason.reason.system: required"), noSystem.body());
    }

    @Test
    void feedbackWithTheEhrsOwnReasonOrOnlyACommentIsAccepted() {
        // CDS Hooks 2.0 lets the EHR add override reasons of its own to the ones a card offers
        Http.Reply own = http.post(SERVICE + "/feedback", overridden("c4", "{\"system\": \"https://ehr.example.org/override\", \"code\": \"formulary\"}", ""));
        assertEquals(200, own.status(), own.body());
        Http.Reply commentOnly = http.post(SERVICE + "/feedback", overridden("c5", null, "seen in tumour board"));
        assertEquals(200, commentOnly.status(), commentOnly.body());
    }

    @Test
    void theAdviceCardLinksThePublicSourceOfEachApprovedProductItNames() {
        JsonNode advice = http.post(SERVICE, breastCall("d7c1a1de-0009")).json().path("cards").get(0);
        // the card names Caelyx, whose catalogue source has no web address, and Myocet, whose source is its EPAR
        assertTrue(advice.path("detail").asText().contains("Caelyx"), advice.toString());
        JsonNode links = advice.path("links");
        assertEquals(1, links.size(), links.toString());
        assertEquals("https://www.ema.europa.eu/en/medicines/human/EPAR/myocet-liposomal-previously-myocet", links.get(0).path("url").asText());
        assertEquals("absolute", links.get(0).path("type").asText());
        assertEquals("Myocet (non-PEGylated liposomal doxorubicin): ema.europa.eu", links.get(0).path("label").asText());
        assertTrue(links.get(0).path("appContext").isMissingNode(), "appContext is for smart links only");
    }
}
