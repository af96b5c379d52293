package org.nanoguide.cds;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.nanoguide.service.ApiException;

/**
 * Who may call the CDS endpoints, checked before any of them runs. With trusted clients, every
 * call (discovery included) carries a valid token ({@link TokenCheck}); without, only callers on
 * this machine are served, so an unauthenticated service is never open to the network.
 * CORS preflight requests pass: they carry no token, and the CORS rules answer them.
 */
public final class CdsGate {
    public static final String PREFIX = "/cds-services";
    private final CdsConfig config;
    private final TokenCheck tokens;

    public CdsGate(CdsConfig config, Clock clock) {
        this.config = config;
        this.tokens = config.clients() == null ? null : new TokenCheck(config.clients(), clock);
    }

    public void check(Context ctx) {
        if (!ctx.path().equals(PREFIX) && !ctx.path().startsWith(PREFIX + "/")) return;
        if (ctx.method() == HandlerType.OPTIONS) return;
        if (tokens == null) {
            if (!loopback(ctx.req().getRemoteAddr())) {
                throw new ApiException(403, "forbidden: no trusted CDS clients are configured (serve --cds-clients FILE), "
                        + "so the CDS endpoints answer callers on this machine only");
            }
            return;
        }
        tokens.verify(ctx.header("Authorization"), audiences(ctx));
    }

    /** The URL called, and the service's own URL, on the public base URL when one is configured. */
    private Set<String> audiences(Context ctx) {
        String base = config.base() != null ? config.base() : ctx.scheme() + "://" + ctx.host();
        Set<String> aud = new LinkedHashSet<>();
        aud.add(base + ctx.path());
        aud.add(base + PREFIX + "/" + Discovery.SERVICE_ID);
        if (config.base() != null) aud.add(config.base());
        return aud;
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
