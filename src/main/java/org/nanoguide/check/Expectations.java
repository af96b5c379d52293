package org.nanoguide.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.nanoguide.explain.Result;
import org.nanoguide.model.Expected;

/**
 * Compares a result with a case's {@code expected} block. Each failure is one line that says
 * what was expected beside what came out, in the vocabulary a domain expert wrote.
 */
public final class Expectations {
    private Expectations() { }

    public static List<String> failures(Expected expected, Result result) {
        List<String> out = new ArrayList<>();
        if (expected == null) return out;
        for (Expected.ExpectedRecommendation want : expected.recommended()) {
            List<Result.RankedRecommendation> matching = result.recommendations().stream()
                    .filter(r -> r.carrier().name().equals(want.carrier()))
                    .filter(r -> want.modality() == null || r.modality().name().equals(want.modality()))
                    .toList();
            // without a ligand, the expectation is about the untargeted option, not its variants
            boolean wantsLigand = want.targeting().stream().anyMatch(t -> !t.equals("PASSIVE_EPR"));
            List<Result.RankedRecommendation> withTargeting = matching.stream()
                    .filter(r -> r.targeting().stream().map(Enum::name).toList().containsAll(want.targeting()))
                    .filter(r -> wantsLigand || r.ligand() == null)
                    .toList();
            if (matching.isEmpty()) {
                out.add("expected recommended: " + want + "; got " + recommended(result));
            } else if (withTargeting.isEmpty()) {
                out.add("expected recommended: " + want + "; got " + matching.stream().map(Expectations::describe).collect(Collectors.joining(", ")));
            } else if (want.rank() != null && withTargeting.stream().noneMatch(r -> r.rank() == want.rank())) {
                out.add("expected recommended: " + want + "; got " + withTargeting.stream().map(Expectations::describe).collect(Collectors.joining(", ")));
            } else if (want.evidence() != null && withTargeting.stream().noneMatch(r -> r.evidence().name().equals(want.evidence()))) {
                out.add("expected recommended: " + want + "; got " + withTargeting.stream().map(Expectations::describe).collect(Collectors.joining(", ")));
            }
        }
        for (String carrier : expected.excluded()) {
            if (result.excluded().stream().noneMatch(x -> x.carrier().name().equals(carrier))) {
                out.add("expected excluded: " + carrier + "; got excluded " + names(result.excluded().stream()
                        .map(x -> x.carrier().name() + (x.modality() == null ? "" : " " + x.modality())).toList()));
            }
        }
        for (String carrier : expected.notRecommended()) {
            List<Result.RankedRecommendation> found = result.recommendations().stream()
                    .filter(r -> r.carrier().name().equals(carrier)).toList();
            if (!found.isEmpty()) {
                out.add("expected not recommended: " + carrier + "; got " + found.stream().map(Expectations::describe).collect(Collectors.joining(", ")));
            }
        }
        for (String carrier : expected.considered()) {
            if (result.considered().stream().noneMatch(r -> r.carrier().name().equals(carrier))) {
                out.add("expected considered and outweighed: " + carrier + "; got considered " + names(result.considered().stream()
                        .map(r -> r.carrier().name() + " " + r.modality()).toList()));
            }
        }
        for (String code : expected.warnings()) {
            if (result.warnings().stream().noneMatch(w -> w.code().name().equals(code))) {
                out.add("expected warning: " + code + "; got warnings " + names(result.warnings().stream().map(w -> w.code().name()).distinct().toList()));
            }
        }
        return out;
    }

    static String describe(Result.RankedRecommendation r) {
        return "#" + r.rank() + " " + r.carrier() + " " + r.modality()
                + (r.targeting().isEmpty() ? "" : " targeting " + r.targeting().stream().map(Enum::name).collect(Collectors.joining("+")))
                + " (" + r.certainty() + ", " + r.evidence() + ")";
    }

    private static String recommended(Result result) {
        if (result.recommendations().isEmpty()) return "no recommendation";
        return result.recommendations().stream().map(Expectations::describe).collect(Collectors.joining(", "));
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
