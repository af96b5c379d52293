package org.nanoguide.cds;

import java.net.URI;

/**
 * How the CDS Hooks endpoints run.
 *
 * @param site      the centre's equipment and policy, added to every case
 * @param clients   the trusted EHRs; null: no authentication, and only loopback callers are served
 * @param publicUrl the service's base URL as clients call it (behind a proxy), or null for the URL
 *                  each request names; tokens' {@code aud} is checked against it
 */
public record CdsConfig(SiteConfig site, CdsClients clients, URI publicUrl) {
    public static final CdsConfig DEFAULT = new CdsConfig(SiteConfig.NONE, null, null);

    public CdsConfig {
        if (site == null) site = SiteConfig.NONE;
    }

    public CdsConfig(SiteConfig site) { this(site, null, null); }

    /** The base URL without a trailing slash, or null. */
    String base() {
        if (publicUrl == null) return null;
        String s = publicUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
