package org.alliancesim.analysis.compete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

    static VariantScore score(String name, int k, double calibration, int met, double validation) {
        List<String> paths = java.util.stream.IntStream.range(0, k).mapToObj(i -> "p" + i).toList();
        List<Double> values = paths.stream().map(p -> 0.0).toList();
        return new VariantScore(name, paths, values, calibration, 10, met, 9, validation);
    }

    static List<String> names(List<VariantScore> scores) {
        return Ranking.of(scores).stream().map(p -> p.score().name()).toList();
    }

    @Test
    void morePatternsMetRankFirstWhateverTheDistances() {
        assertEquals(List.of("b", "a"), names(List.of(score("a", 0, 0.1, 5, 0.1), score("b", 3, 9.0, 6, 40.0))));
    }

    @Test
    void amongEqualsAParameterMustBuyMoreThanTwoOfDistance() {
        // b fits two more parameters: its validation distance must be lower by more than 4 to rank first.
        assertEquals(List.of("a", "b"), names(List.of(score("a", 1, 1, 6, 10.0), score("b", 3, 1, 6, 6.5))));
        assertEquals(List.of("b", "a"), names(List.of(score("a", 1, 1, 6, 10.0), score("b", 3, 1, 6, 5.5))));
    }

    @Test
    void thenTheCalibrationDistanceThenTheName() {
        assertEquals(List.of("b", "a"), names(List.of(score("a", 1, 2.0, 6, 3.0), score("b", 1, 1.0, 6, 3.0))));
        assertEquals(List.of("a", "b"), names(List.of(score("b", 1, 1.0, 6, 3.0), score("a", 1, 1.0, 6, 3.0))));
    }

    @Test
    void placesCarryThePenaltyCriterionAndRank() {
        Ranking.Place p = Ranking.of(List.of(score("a", 2, 1, 4, 3.5))).get(0);
        assertEquals(4.0, p.penalty());
        assertEquals(7.5, p.criterion());
        assertEquals(1, p.rank());
    }
}
