package org.nanoguide.model;

import java.util.Locale;
import java.util.Optional;

/** Drug names the case format knows. Any other name is kept and reported as unknown. */
public enum KnownDrug {
    DOXORUBICIN, DAUNORUBICIN, EPIRUBICIN, PACLITAXEL, DOCETAXEL, CISPLATIN, IRINOTECAN,
    GEMCITABINE, CYTARABINE, FLUOROURACIL,
    // partners and payloads of approved nanomedicines (their labels name them)
    CARBOPLATIN, OXALIPLATIN, LEUCOVORIN, CYCLOPHOSPHAMIDE, BORTEZOMIB, VINCRISTINE, MIFAMURTIDE, TRASTUZUMAB;

    public static Optional<KnownDrug> find(String name) {
        if (name == null) return Optional.empty();
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
