package org.nanoguide.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The words for the vocabulary's constants, read once from labels.properties: the text lives in
 * one file a domain expert can edit, not in three enums' constructors. A constant without a label
 * stops the program at its first use, so a new constant cannot reach a report unnamed.
 */
final class Labels {
    private static final Map<Enum<?>, String> LABELS = load();

    private Labels() { }

    static String of(Enum<?> constant) { return LABELS.get(constant); }

    private static Map<Enum<?>, String> load() {
        Properties p = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream("labels.properties")) {
            if (in == null) throw new IllegalStateException("labels.properties is missing from the program");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("labels.properties cannot be read: " + e.getMessage(), e);
        }
        Map<Enum<?>, String> labels = new HashMap<>();
        for (List<? extends Enum<?>> constants : List.of(List.of(Carrier.values()), List.of(Modality.values()), List.of(Targeting.values()))) {
            for (Enum<?> c : constants) {
                String key = c.getDeclaringClass().getSimpleName() + "." + c.name();
                String label = p.getProperty(key);
                if (label == null || label.isBlank()) throw new IllegalStateException("labels.properties has no label for " + key);
                labels.put(c, label);
            }
        }
        return Map.copyOf(labels);
    }
}
