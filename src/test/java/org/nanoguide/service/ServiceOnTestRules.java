package org.nanoguide.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.nanoguide.TestKb;

/**
 * A real service on a free loopback port, serving the project's rules with default options, for
 * the test classes that only need one: started once per class, closed after it.
 */
abstract class ServiceOnTestRules {
    static NanoguideService service;
    static Http http;

    @BeforeAll
    static void startService() throws Exception {
        service = NanoguideService.start(LiveRules.of(TestKb.RULES, TestKb.guide(), 10_000), ServiceOptions.defaults().withPort(0), false);
        http = new Http(service);
    }

    @AfterAll
    static void stopService() {
        if (service != null) service.close();
        service = null;
    }
}
