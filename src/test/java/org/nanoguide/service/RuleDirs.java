package org.nanoguide.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.nanoguide.TestKb;

/** Copies of the project's rules/ that tests may edit. */
final class RuleDirs {
    static final String HEADER = TestKb.DRL_HEADER;

    private RuleDirs() { }

    /** Writes a file whole, through a rename, as editors do, so a reload never sees half of it. */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A service on two threads and a free loopback port, serving the project's rules plus one
     * test rule file, warmed with one request: a cold first request on a loaded machine can take
     * seconds, which is not what these tests time.
     */
    static NanoguideService serviceWith(Path tmp, String fileName, String drl, int maxFirings, Duration timeout) throws Exception {
        Path rules = TestKb.copyOfRules(tmp);
        Files.writeString(rules.resolve(fileName), drl);
        NanoguideService service = NanoguideService.start(LiveRules.fromFolder(rules, maxFirings),
                ServiceOptions.defaults().withPort(0).withThreads(2).withTimeout(timeout), false);
        new Http(service).post("/v1/evaluate", Cases.HER2);
        return service;
    }
}
