package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The contagion rules: under decision weights the parents' view spreads more than the young
 * people's, against averaging on the same families (common random numbers). Error budget:
 * {@link Paired} (99% intervals); seeds fixed.
 */
class ContagionRuleTest {

    private static final long SEED = 6011923L;

    private static Member[] parentsAndAdolescent() {
        return new Member[] {
            new Member(0, Role.PARENT, false, 1, 1.0, 1, 2, 2, 2),
            new Member(1, Role.PARENT, false, 1, 1.0, 1, 2, 2, 2),
            new Member(2, Role.ADOLESCENT, true, 1, 0.3, 1, -2, -2, -2)
        };
    }

    private static ContagionRule rule(Rules.Contagion.Rule name, double exponent) {
        return ContagionRule.of(new Rules.Contagion(name, exponent), Dynamics.defaults().contagion());
    }

    @Test
    void theParentsViewSpreadsMoreThanTheAdolescents() {
        double rate = Dynamics.defaults().contagion().rate();
        Member[] averaged = parentsAndAdolescent();
        Member[] weighted = parentsAndAdolescent();
        ContagionRule averaging = rule(Rules.Contagion.Rule.AVERAGING, 1);
        ContagionRule byWeight = rule(Rules.Contagion.Rule.DECISION_WEIGHT, 1);
        assertInstanceOf(ContagionRule.Averaging.class, averaging);
        assertInstanceOf(ContagionRule.DecisionWeight.class, byWeight);
        averaging.influence(averaged);
        byWeight.influence(weighted);
        // Averaging: a parent moves toward the mean of the other parent (2) and the adolescent (-2).
        assertEquals(2 + rate * (0 - 2), averaged[0].connection, 1e-12);
        // Decision weights: the adolescent's 0.3 against the other parent's 1.
        assertEquals(2 + rate * ((2 * 1.0 + -2 * 0.3) / 1.3 - 2), weighted[0].connection, 1e-12);
        assertTrue(weighted[0].connection > averaged[0].connection, "parents pulled less by the adolescent");
        // The adolescent's others are the two parents, equally weighted: the same pull either way.
        assertEquals(averaged[2].connection, weighted[2].connection, 1e-12);
        // Exponent 0: every weight is 1, the averaging rule.
        Member[] flat = parentsAndAdolescent();
        rule(Rules.Contagion.Rule.DECISION_WEIGHT, 0).influence(flat);
        for (int i = 0; i < 3; i++) {
            assertEquals(averaged[i].engagement, flat[i].engagement, 1e-12);
            assertEquals(averaged[i].connection, flat[i].connection, 1e-12);
            assertEquals(averaged[i].safety, flat[i].safety, 1e-12);
        }
    }

    @Test
    void membersWhoseOthersHaveNoWeightAreNotMoved() {
        Member[] ms = {
            new Member(0, Role.PARENT, false, 1, 1.0, 1, 2, 2, 2),
            new Member(1, Role.CHILD, false, 1, 0.0, 1, -2, -2, -2)
        };
        rule(Rules.Contagion.Rule.DECISION_WEIGHT, 1).influence(ms);
        assertEquals(2.0, ms[0].connection, "the child's view does not reach the parent");
        assertTrue(ms[1].connection > -2, "the parent's reaches the child");
    }

    @Test
    void underDecisionWeightsTheAdultsKeepTheirAllianceApartFromTheYoungPeoples() {
        // Families with an identified patient, whose alliance is lower: averaging pulls the
        // parents toward it; decision weights pull them less, so the adults' lead is larger.
        ModelParameters a = Variants.onlyFamily(Variants.base(400), Variants.family(Referral.VOLUNTARY, 0.6, false));
        ModelParameters b = a.withRules(a.rules().withContagion(
                new Rules.Contagion(Rules.Contagion.Rule.DECISION_WEIGHT, 1.0)));
        Paired gap = Paired.of(a, b, t -> t.courses.stream().mapToDouble(CourseRecord::gapMax)
                .filter(Double::isFinite).average().orElseThrow(), 8, SEED);
        System.out.println("decision weight, largest adult - young gap: " + gap);
        assertTrue(gap.positive(), "a larger gap: " + gap);
    }
}
