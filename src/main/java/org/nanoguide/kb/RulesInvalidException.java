package org.nanoguide.kb;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not compile (or fail the checks a reload demands). Never a stack trace to a user. */
public final class RulesInvalidException extends Exception {
    private final transient List<RuleProblem> problems;

    public RulesInvalidException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() { return problems; }
}
