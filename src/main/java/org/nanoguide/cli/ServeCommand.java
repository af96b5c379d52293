package org.nanoguide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.nanoguide.Nanoguide;
import org.nanoguide.cds.CdsClients;
import org.nanoguide.cds.CdsConfig;
import org.nanoguide.cds.SiteConfig;
import org.nanoguide.engine.Engine;
import org.nanoguide.engine.EvaluationException;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleProblem;
import org.nanoguide.kb.RulesInvalidException;
import org.nanoguide.service.LiveRules;
import org.nanoguide.service.NanoguideService;
import org.nanoguide.service.ServiceOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the advice over HTTP: POST /v1/evaluate (a case or an array of cases, JSON), "
                + "GET /v1/health, /v1/rules, /v1/schema, /v1/openapi.json; POST /v1/report (the report as HTML); "
                + "GET / (a page for people: pick, upload or paste a case and read its report); GET /metrics; "
                + "CDS Hooks 2.0: GET /cds-services, POST /cds-services/nanocarrier-advice (FHIR R4 in, cards out).",
                "Binds 127.0.0.1 unless --host says otherwise. No endpoint accepts rules or code. "
                        + "Stops gracefully on SIGTERM or Ctrl-C."},
        footer = {"", "Examples:",
                "  nanoguide serve",
                "  nanoguide serve --rules rules --watch --port 9090",
                "  curl -s -H 'Content-Type: application/json' --data @cases/gbm-deep-hyperthermia.json http://127.0.0.1:8080/v1/evaluate",
                "", "Exit status: 0 stopped normally; 2 usage or rule errors, or the port cannot be bound."})
final class ServeCommand extends RuleCommand {
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServiceOptions.DEFAULT_HOST,
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 for every interface.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServiceOptions.DEFAULT_PORT,
            description = "TCP port; 0 picks a free one (printed at start). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--watch", description = "Reload the rules folder when its files change (only rules that compile and pass the checks replace the serving ones).")
    boolean watch;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServiceOptions.DEFAULT_MAX_BODY,
            description = "Largest request body accepted; larger ones get 413. Default: ${DEFAULT-VALUE} (1 MiB).")
    long maxBody;

    @Option(names = "--threads", paramLabel = "N", description = "Evaluation threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "" + ServiceOptions.DEFAULT_TIMEOUT_MS,
            description = "Time limit for one request's evaluation; over it the answer is 503. Default: ${DEFAULT-VALUE}.")
    long timeoutMs;

    @Option(names = "--max-cases", paramLabel = "N", defaultValue = "" + ServiceOptions.DEFAULT_MAX_CASES,
            description = "Most cases one request may hold; more get 413. Default: ${DEFAULT-VALUE}.")
    int maxCases;

    @Option(names = "--max-answer", paramLabel = "BYTES", defaultValue = "" + ServiceOptions.DEFAULT_MAX_ANSWER,
            description = "Largest answer built; a request whose answer would be larger gets 413. Default: ${DEFAULT-VALUE} (16 MiB).")
    long maxAnswer;

    @Option(names = "--max-answers-held", paramLabel = "BYTES",
            description = "Most answer bytes all requests may hold at once, until their clients have read them; "
                    + "a request that would go over gets 503 with Retry-After. Default: half the heap (never less than --max-answer).")
    Long maxAnswersHeld;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "" + Engine.DEFAULT_MAX_FIRINGS,
            description = "Stop a case whose rules fire more often than this (a runaway rule; the answer is 500). Default: ${DEFAULT-VALUE}.")
    int maxFirings;

    @Option(names = "--site", paramLabel = "FILE",
            description = "The centre's equipment and policy for CDS Hooks calls: a JSON file with the case format's resources and constraints (docs/fhir-mapping.md).")
    Path site;

    @Option(names = "--cds-clients", paramLabel = "FILE",
            description = "The EHRs trusted to call the CDS Hooks endpoints: a JSON file with each client's token issuer and public keys "
                    + "(JWKS inline or a file), and the browser origins allowed (docs/service.md). Without it the CDS endpoints answer "
                    + "callers on this machine only.")
    Path cdsClients;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The service's base URL as EHRs call it (behind a proxy); CDS tokens must name it in aud. Default: the URL each request names.")
    java.net.URI publicUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = err();
        ServiceOptions options;
        try {
            ServiceOptions.Builder b = new ServiceOptions.Builder().host(host).port(port).maxBodyBytes(maxBody)
                    .timeout(Duration.ofMillis(timeoutMs)).maxCases(maxCases).maxAnswerBytes(maxAnswer);
            if (threads != null) b.threads(threads);
            if (maxAnswersHeld != null) b.maxAnswersHeldBytes(maxAnswersHeld);
            options = b.build();
        } catch (IllegalArgumentException e) {
            throw Options.usage(spec, e.getMessage());
        }
        Path folder = rules.folder();
        if (watch && folder == null) {
            throw Options.usage(spec, "--watch needs a rules folder (--rules DIR); the bundled rules never change");
        }
        quietServerLogs();
        KnowledgeBase kb = rules.load(err);
        if (kb == null) return 2;
        LiveRules live;
        try {
            live = folder == null ? LiveRules.fixed(Nanoguide.of(kb), maxFirings) : LiveRules.of(folder, Nanoguide.of(kb), maxFirings);
        } catch (RulesInvalidException e) {
            for (RuleProblem p : e.problems()) err.println(rules.display(p));
            err.println("nanoguide: the rules cannot be served (" + e.problems().size() + " error"
                    + (e.problems().size() == 1 ? "" : "s") + ")");
            return 2;
        }
        CdsConfig cds;
        try {
            SiteConfig s = site == null ? SiteConfig.NONE : SiteConfig.read(site, Nanoguide.reader());
            CdsClients clients = cdsClients == null ? null : CdsClients.read(cdsClients, Nanoguide.reader().mapper());
            cds = new CdsConfig(s, clients, publicUrl);
        } catch (IOException | IllegalArgumentException e) {
            err.println("nanoguide serve: " + (e instanceof IOException ? "cannot read " + e.getMessage() : e.getMessage()));
            return 2;
        }
        NanoguideService service;
        try {
            service = NanoguideService.start(live, options, watch, cds);
        } catch (IOException | RuntimeException e) {
            err.println("nanoguide serve: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "nanoguide-shutdown"));
        err.println("nanoguide: serving " + kb.ruleCount() + " rules (" + kb.fingerprint() + ") from "
                + (folder == null ? "the bundled copy" : folder) + (watch ? ", watching for changes" : "")
                + ": POST " + service.baseUri() + "/v1/evaluate, GET " + service.baseUri() + "/v1/health; the page: "
                + service.baseUri() + "/");
        err.flush();
        service.awaitStop();
        return 0;
    }

    /** Jetty, Javalin and HAPI FHIR (which names its version) say a lot at INFO; the service logs what matters itself. */
    private static void quietServerLogs() {
        for (String name : new String[] {"org.eclipse.jetty", "io.javalin", "ca.uhn.fhir"}) Main.logAtLeast(name, "warn");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = EvaluationException.rootCause(e);
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
