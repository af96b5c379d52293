package org.nanoguide.facts;

/**
 * A conclusion about some options. A null carrier or modality means "any". The targeting is
 * read two ways: a conclusion made for one option ({@code exact}, the four-argument constructor
 * the rules use with an option's own ligand) covers that option only, so a null targeting means
 * the untargeted option and not its variants; a conclusion about a carrier or a carrier and
 * modality (the shorter constructors) covers every variant of them.
 */
public interface Scoped {
    Carrier carrier();
    Modality modality();
    Targeting targeting();
    boolean exact();

    /** True when this covers the option: a carrier, a modality and its ligand (null when untargeted). */
    default boolean covers(Carrier c, Modality m, Targeting ligand) {
        return (carrier() == null || carrier() == c)
                && (modality() == null || modality() == m)
                && (exact() ? targeting() == ligand : targeting() == null || targeting() == ligand);
    }
}
