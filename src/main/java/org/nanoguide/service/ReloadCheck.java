package org.nanoguide.service;

import java.util.List;
import org.nanoguide.check.Lint;
import org.nanoguide.kb.KnowledgeBase;
import org.nanoguide.kb.RuleProblem;

/**
 * What rules must pass, beyond compiling, before the service serves them: the errors of
 * {@code nanoguide check}'s lint (every rule has a unique kebab-case {@code @id}, a
 * {@code @section} and {@code @refs}, no unknown metadata, strengths in range). Warnings do not
 * block a reload.
 */
public final class ReloadCheck {
    private ReloadCheck() { }

    /** The errors that keep a knowledge base from being served; empty when it may be served. */
    public static List<RuleProblem> problems(KnowledgeBase kb) {
        return Lint.run(kb.files()).stream().filter(RuleProblem::isError).toList();
    }
}
