package org.nanoguide.whatif;

import java.util.List;
import org.nanoguide.engine.Concluded;
import org.nanoguide.engine.Engine;
import org.nanoguide.facts.Threshold;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.model.CaseInput;
import org.nanoguide.Nanoguide;

/** The thresholds a knowledge base declares: the rules insert them whatever the case, so any case shows them. */
final class Thresholds {
    private Thresholds() { }

    static List<Threshold> of(KnowledgeBase kb) {
        CaseInput in = Nanoguide.reader().readOne("thresholds", "{\"tumor\": {\"type\": \"OTHER_SOLID\"}}");
        if (!(in instanceof CaseInput.Valid v)) throw new IllegalStateException("the probe case is not valid: " + in);
        return new Engine().evaluate(kb, v.value()).all(Threshold.class).stream().map(Concluded::fact).distinct().toList();
    }
}
