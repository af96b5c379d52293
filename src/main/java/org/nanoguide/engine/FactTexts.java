package org.nanoguide.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace's text of a fact, remembered per thread by value: the rules insert the same
 * thresholds, evidence levels and literal conclusions in case after case, and many cases share
 * goals, resources and constraints. Only records are kept (their equality is their value, and
 * their text is made from that value). Bounded: emptied when full, so values seen once do not
 * crowd out the common ones for long. Equal texts also come back as the same string, which the
 * JSON writer then encodes once.
 */
final class FactTexts {
    private static final int LIMIT = 4_096;
    private static final ThreadLocal<Map<Record, String>> KNOWN = ThreadLocal.withInitial(HashMap::new);

    private FactTexts() { }

    static Map<Record, String> forThisThread() { return KNOWN.get(); }

    static String of(Map<Record, String> known, Object fact) {
        if (!(fact instanceof Record r)) return String.valueOf(fact);
        String text = known.get(r);
        if (text == null) {
            text = r.toString();
            if (known.size() >= LIMIT) known.clear();
            known.put(r, text);
        }
        return text;
    }
}
