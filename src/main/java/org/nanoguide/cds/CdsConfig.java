package org.nanoguide.cds;

/**
 * How the CDS Hooks endpoints run.
 *
 * @param site the centre's equipment and policy, added to every case
 */
public record CdsConfig(SiteConfig site) {
    public static final CdsConfig DEFAULT = new CdsConfig(SiteConfig.NONE);

    public CdsConfig {
        if (site == null) site = SiteConfig.NONE;
    }
}
