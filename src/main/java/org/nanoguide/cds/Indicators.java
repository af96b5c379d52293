package org.nanoguide.cds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.nanoguide.explain.Result;

/**
 * A card's CDS Hooks indicator from the warnings of the advice, as
 * {@code /nanoguide/cds/indicators.properties} maps them: data, so the urgency of each warning is
 * read and changed in one place.
 */
final class Indicators {
    static final List<String> ORDER = List.of("info", "warning", "critical");
    private final Properties table = new Properties();

    Indicators() {
        try (InputStream in = Indicators.class.getResourceAsStream("/nanoguide/cds/indicators.properties")) {
            if (in == null) throw new IllegalStateException("missing /nanoguide/cds/indicators.properties");
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most urgent indicator among the result's warnings; info when there are none. */
    String of(Result r) {
        String most = "info";
        for (Result.CitedWarning w : r.warnings()) {
            String i = table.getProperty(w.code().name(), "warning");
            if (ORDER.indexOf(i) > ORDER.indexOf(most)) most = i;
        }
        return most;
    }
}
