package org.alliancesim.analysis.compete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders variants (docs/hypotheses.md, "Ranking"): most validation patterns met first (the
 * pattern-oriented criterion: reproducing more independent patterns at once, Grimm et al. 2005);
 * among equals, the lower penalised validation distance, {@code validation distance + 2k}; then the
 * lower calibration distance; then the name.
 *
 * <p>The penalty 2k is the parameter term of Akaike's criterion. Both distances are sums of squared
 * standardised residuals (each range's half-width is one unit), that is chi-square-like -2 log
 * likelihoods with a known scale, for which AIC = chi-square + 2k: a fitted parameter must buy a
 * distance lower by more than 2 to earn its place. Pure and stateless.
 */
public final class Ranking {

    private Ranking() {}

    /**
     * A variant in the ranking.
     *
     * @param score what it scored
     * @param penalty {@link #penalty(int)} of its fitted parameters
     * @param criterion validation distance + penalty
     * @param rank 1 for the best
     */
    public record Place(VariantScore score, double penalty, double criterion, int rank) {}

    /** The AIC's parameter term: 2 per fitted parameter. */
    public static double penalty(int k) {
        return 2.0 * k;
    }

    /** The scores ranked, best first. */
    public static List<Place> of(List<VariantScore> scores) {
        List<Place> unranked = new ArrayList<>();
        for (VariantScore s : scores) {
            double p = penalty(s.k());
            unranked.add(new Place(s, p, s.validationDistance() + p, 0));
        }
        unranked.sort(Comparator.comparingInt((Place p) -> -p.score().patternsMet())
                .thenComparingDouble(Place::criterion)
                .thenComparingDouble(p -> p.score().calibrationDistance())
                .thenComparing(p -> p.score().name()));
        List<Place> out = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Place p = unranked.get(i);
            out.add(new Place(p.score(), p.penalty(), p.criterion(), i + 1));
        }
        return List.copyOf(out);
    }
}
