package org.nanoguide.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.nanoguide.explain.Result;
import org.nanoguide.explain.Result.ExcludedOption;
import org.nanoguide.explain.Result.RankedRecommendation;
import org.nanoguide.model.NanoCase;
import org.nanoguide.model.TumorSubtype;

/**
 * Decisive unknowns and near misses for one case, found by evaluating the real rules on variants
 * of the case and comparing the results: every field of the {@link CaseSpace} at each of its
 * values (one field at a time), then, for options no single change brings in, pairs of the
 * changes that moved that option. Nothing here decides medicine; it only asks the rules again.
 * Thread-safe: it holds only the evaluation function and the space.
 */
public final class Counterfactuals {
    /** Single changes per option combined into pairs: bounds the pairs tried for one option to 28. */
    static final int PAIR_CANDIDATES = 8;
    /** Pair evaluations per case, so one case's what-if stays within a fixed budget. */
    static final int PAIR_BUDGET = 300;
    /** Effects listed per value tried; the rest are counted. */
    private static final int EFFECTS_SHOWN = 3;

    private final Function<NanoCase, Result> evaluate;
    private final CaseSpace space;

    public Counterfactuals(Function<NanoCase, Result> evaluate, CaseSpace space) {
        this.evaluate = evaluate;
        this.space = space;
    }

    /** The explorer for the rules of {@code guide}, evaluating through it (its firing bound, its sessions). */
    public static Counterfactuals of(org.nanoguide.Nanoguide guide) {
        return new Counterfactuals(guide::evaluate, CaseSpace.of(Thresholds.of(guide.knowledgeBase())));
    }

    public CaseSpace space() { return space; }

    /** One variant: one field (or two) changed, and the result under it. */
    private record Variant(List<Assignment> change, boolean fillsUnknown, Result result) { }

    /** Decisive unknowns and near misses of {@code c}, whose result under the same rules is {@code base}. */
    public WhatIf explore(NanoCase c, Result base) {
        ObjectNode tree = CaseTree.of(c, space);
        List<Variant> singles = new ArrayList<>();
        Map<String, Boolean> unknown = new LinkedHashMap<>();
        for (CaseSpace.Field f : space.fields()) {
            JsonNode current = CaseTree.at(tree, f.path());
            boolean isUnknown = f.unknownIn(tree);
            unknown.put(f.path(), isUnknown);
            for (JsonNode value : f.values()) {
                if (value.equals(current) || !fits(c, f.path(), value)) continue;
                Assignment a = new Assignment(f.path(), value);
                singles.add(new Variant(List.of(a), isUnknown, evaluate.apply(CaseTree.toCase(CaseTree.with(tree, List.of(a))))));
            }
        }
        return new WhatIf(null, decisiveUnknowns(base, singles), nearMisses(tree, base, singles));
    }

    /** A subtype is tried only for its own tumor type: the format allows no other. */
    private static boolean fits(NanoCase c, String path, JsonNode value) {
        if (!"tumor.subtype".equals(path)) return true;
        try {
            return TumorSubtype.valueOf(value.asText()).type() == c.tumor().type();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static List<DecisiveUnknown> decisiveUnknowns(Result base, List<Variant> singles) {
        record Scored(DecisiveUnknown unknown, int max, int sum, int order) { }
        Map<String, List<DecisiveUnknown.Tried>> tried = new LinkedHashMap<>();
        Map<String, int[]> scores = new LinkedHashMap<>();
        for (Variant v : singles) {
            if (!v.fillsUnknown()) continue;
            Assignment a = v.change().get(0);
            List<Change> changes = Comparison.compare(base, v.result(), Comparison.DEFAULT_CERTAINTY_DELTA, a.field());
            if (changes.isEmpty()) continue;
            tried.computeIfAbsent(a.field(), k -> new ArrayList<>()).add(new DecisiveUnknown.Tried(a.value(), effect(changes)));
            int w = Comparison.weight(changes);
            int[] s = scores.computeIfAbsent(a.field(), k -> new int[2]);
            s[0] = Math.max(s[0], w);
            s[1] += w;
        }
        List<Scored> out = new ArrayList<>();
        int order = 0;
        for (var e : tried.entrySet()) {
            int[] s = scores.get(e.getKey());
            out.add(new Scored(new DecisiveUnknown(e.getKey(), e.getValue()), s[0], s[1], order++));
        }
        out.sort(Comparator.comparingInt((Scored s) -> -s.max()).thenComparingInt(s -> -s.sum()).thenComparingInt(Scored::order));
        return out.stream().map(Scored::unknown).toList();
    }

    static String effect(List<Change> changes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(EFFECTS_SHOWN, changes.size()); i++) {
            if (i > 0) sb.append("; ");
            sb.append(changes.get(i).text());
        }
        if (changes.size() > EFFECTS_SHOWN) sb.append("; and ").append(changes.size() - EFFECTS_SHOWN).append(" more change")
                .append(changes.size() - EFFECTS_SHOWN == 1 ? "" : "s");
        return sb.toString();
    }

    private List<NearMiss> nearMisses(ObjectNode tree, Result base, List<Variant> singles) {
        Set<String> recommended = Comparison.byKey(base.recommendations()).keySet();
        // every option some variant brings in, or that the base result considers or excludes by name
        Map<String, RankedRecommendation> options = new LinkedHashMap<>();
        for (RankedRecommendation r : base.considered()) options.putIfAbsent(Comparison.key(r), r);
        for (Variant v : singles) {
            for (RankedRecommendation r : v.result().recommendations()) options.putIfAbsent(Comparison.key(r), r);
            for (RankedRecommendation r : v.result().considered()) options.putIfAbsent(Comparison.key(r), r);
        }
        options.keySet().removeAll(recommended);

        Map<String, Variant> best = new LinkedHashMap<>();
        for (String key : options.keySet()) {
            Variant b = bestOf(key, singles);
            if (b != null) best.put(key, b);
        }
        Set<String> open = new LinkedHashSet<>(options.keySet());
        open.removeAll(best.keySet());
        if (!open.isEmpty()) pairs(tree, base, singles, open, best);

        List<NearMiss> out = new ArrayList<>();
        for (String key : options.keySet()) {
            Variant v = best.get(key);
            if (v == null) continue;
            RankedRecommendation r = Comparison.byKey(v.result().recommendations()).get(key);
            out.add(new NearMiss(r.carrier(), r.modality(), r.ligand(), v.change(),
                    Phrases.option(r) + ": would be recommended if " + Phrases.condition(v.change())));
        }
        out.sort(Comparator.comparingInt((NearMiss n) -> n.change().size()));
        return out;
    }

    /** The variant that recommends {@code key} with the most certainty, filling in an unknown before changing a known value. */
    private static Variant bestOf(String key, List<Variant> variants) {
        Variant best = null;
        double bestCertainty = -1;
        for (Variant v : variants) {
            RankedRecommendation r = Comparison.byKey(v.result().recommendations()).get(key);
            if (r == null) continue;
            boolean better = best == null
                    || (v.fillsUnknown() && !best.fillsUnknown())
                    || (v.fillsUnknown() == best.fillsUnknown() && r.certainty() > bestCertainty);
            if (better) {
                best = v;
                bestCertainty = r.certainty();
            }
        }
        return best;
    }

    /**
     * Pairs of single changes for options no single change brings in. The candidates for an
     * option are the single changes that moved it (its certainty, its exclusions), at most
     * {@link #PAIR_CANDIDATES}; a pair evaluated for one option is looked at for all.
     */
    private void pairs(ObjectNode tree, Result base, List<Variant> singles, Set<String> open, Map<String, Variant> best) {
        Map<String, Variant> evaluated = new HashMap<>();
        int budget = PAIR_BUDGET;
        for (String key : List.copyOf(open)) {
            if (!open.contains(key)) continue;
            String before = signature(key, base);
            List<Variant> moved = new ArrayList<>();
            for (Variant v : singles) {
                if (!signature(key, v.result()).equals(before)) moved.add(v);
                if (moved.size() == PAIR_CANDIDATES) break;
            }
            List<Variant> found = new ArrayList<>();
            for (int i = 0; i < moved.size() && budget > 0; i++) {
                for (int j = i + 1; j < moved.size() && budget > 0; j++) {
                    Assignment a = moved.get(i).change().get(0);
                    Assignment b = moved.get(j).change().get(0);
                    if (a.field().equals(b.field())) continue;
                    String id = a + "&" + b;
                    Variant v = evaluated.get(id);
                    if (v == null) {
                        budget--;
                        Result r = evaluate.apply(CaseTree.toCase(CaseTree.with(tree, List.of(a, b))));
                        v = new Variant(List.of(a, b), moved.get(i).fillsUnknown() && moved.get(j).fillsUnknown(), r);
                        evaluated.put(id, v);
                    }
                    found.add(v);
                }
            }
            Variant b = bestOf(key, found);
            if (b != null) {
                best.put(key, b);
                open.remove(key);
            }
        }
    }

    /** What the rules say about one option in a result: its certainty, and the exclusions that cover it. */
    private static String signature(String key, Result r) {
        StringBuilder sb = new StringBuilder();
        for (RankedRecommendation o : r.recommendations()) if (Comparison.key(o).equals(key)) sb.append("R").append(o.certainty());
        for (RankedRecommendation o : r.considered()) if (Comparison.key(o).equals(key)) sb.append("C").append(o.certainty());
        String[] k = key.split("/");
        for (ExcludedOption x : r.excluded()) {
            if (!x.carrier().name().equals(k[0])) continue;
            if (x.modality() != null && !x.modality().name().equals(k[1])) continue;
            if (x.targeting() != null && (k.length < 3 || !x.targeting().name().equals(k[2]))) continue;
            sb.append("X").append(Comparison.key(x));
        }
        return sb.toString();
    }
}
