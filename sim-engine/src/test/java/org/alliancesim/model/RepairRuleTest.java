package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The repair rules: what each chance reads, and that each moves the share of ruptures repaired in
 * the direction its mechanism implies, against the calibrated skill-and-overshoot rule on the same
 * families (common random numbers). Error budget: {@link Paired} (99% intervals); seeds fixed.
 */
class RepairRuleTest {

    private static final long SEED = 3300917L;

    static ModelParameters withRepair(ModelParameters p, Rules.Repair.Rule rule) {
        return p.withRules(p.rules().withRepair(Variants.with(p.rules().repair(), "rule", rule)));
    }

    private static RepairRule rule(Rules.Repair.Rule name, double connectionWeight) {
        Rules.Repair d = Rules.Repair.defaults();
        return RepairRule.of(new Rules.Repair(name, d.repairOvershoot(), connectionWeight, d.resilienceGain(),
                d.workShare(), d.selectionWeight()));
    }

    @Test
    void eachChanceReadsWhatItsRuleSays() {
        Dynamics d = Dynamics.defaults();
        Therapist th = Therapist.typical(0, Variants.experienced(), d);
        double k = Rules.Repair.defaults().repairOvershoot();
        Member connected = new Member(0, Role.PARENT, false, 1, 1, 1, 0, 3.0, 0);
        Member neutral = new Member(1, Role.PARENT, false, 1, 1, 1, 0, 0.0, 0);
        Member cut = new Member(2, Role.PARENT, false, 1, 1, 1, 0, -3.0, 0);
        RepairRule overshoot = rule(Rules.Repair.Rule.SKILL_AND_OVERSHOOT, 1);
        RepairRule skill = rule(Rules.Repair.Rule.SKILL, 1);
        RepairRule state = rule(Rules.Repair.Rule.MEMBER_STATE, 1);
        assertInstanceOf(RepairRule.SkillAndOvershoot.class, overshoot);
        assertInstanceOf(RepairRule.Skill.class, skill);
        assertInstanceOf(RepairRule.MemberState.class, state);
        assertEquals(th.repairProbability * Math.exp(-k * 1.5), overshoot.chance(th, neutral, 1.5), 1e-15);
        // A fixed chance by skill: the rupture's size does not matter.
        assertEquals(th.repairProbability, skill.chance(th, neutral, 0.1));
        assertEquals(th.repairProbability, skill.chance(th, neutral, 4.0));
        // The member's connection: full at +3, half at 0, none at -3.
        assertEquals(overshoot.chance(th, connected, 1.5), state.chance(th, connected, 1.5), 1e-15);
        assertEquals(0.5 * overshoot.chance(th, neutral, 1.5), state.chance(th, neutral, 1.5), 1e-15);
        assertEquals(0.0, state.chance(th, cut, 1.5));
        // Weight 0 is the skill-and-overshoot rule, exactly.
        assertEquals(overshoot.chance(th, cut, 0.7), rule(Rules.Repair.Rule.MEMBER_STATE, 0).chance(th, cut, 0.7));
    }

    private static double repairedShare(CourseTally t) {
        int ruptures = t.courses.stream().mapToInt(CourseRecord::ruptures).sum();
        return (double) t.courses.stream().mapToInt(CourseRecord::repairs).sum() / ruptures;
    }

    /** A caseload with many ruptures: escalating challenge. */
    private static ModelParameters rupturing() {
        return Variants.onlyTherapist(Variants.base(400),
                Variants.withChallenge(Variants.experienced(), ChallengePolicy.ESCALATING, 0.8));
    }

    @Test
    void aFixedChanceBySkillRepairsMoreOfTheRupturesThatWentFar() {
        ModelParameters a = rupturing();
        Paired repaired = Paired.of(a, withRepair(a, Rules.Repair.Rule.SKILL), RepairRuleTest::repairedShare, 8, SEED);
        System.out.println("skill, share of ruptures repaired: " + repaired);
        assertTrue(repaired.positive(), "more repaired: " + repaired);
    }

    @Test
    void membersWhoFeelLessConnectedAreRepairedLessUnderTheMemberStateRule() {
        ModelParameters a = rupturing();
        ModelParameters b = withRepair(a, Rules.Repair.Rule.MEMBER_STATE);
        Paired repaired = Paired.of(a, b, RepairRuleTest::repairedShare, 8, SEED);
        Paired dropout = Paired.of(a, b, CourseTally::dropoutShare, 8, SEED);
        System.out.println("member state, share repaired: " + repaired + "; dropout: " + dropout);
        assertTrue(repaired.negative(), "fewer repaired: " + repaired);
        assertTrue(dropout.positive(), "unrepaired ruptures cost families: " + dropout);
    }

    private static RepairRule rule(Rules.Repair.Rule name, double resilienceGain, double workShare,
            double selectionWeight) {
        return RepairRule.of(new Rules.Repair(name, Rules.Repair.defaults().repairOvershoot(), 1, resilienceGain,
                workShare, selectionWeight));
    }

    /**
     * The three competing accounts (docs/model.md 3.9), by hand: tested trust has the default chance
     * and grows resilience 0 -> 0.3 -> 0.51 with gain 0.3; work counted has the default chance and
     * counts its share of the discomfort; selection only has the default chance at responsiveness 1,
     * 2 x 4/5 of it at responsiveness 2 with weight 2 (capped at 1), 2 x 1/5 at 0.5, and restores
     * nothing. Fails if a rule reads the wrong quantity or restores when it should not.
     */
    @Test
    void theCompetingAccountsDoWhatTheirRulesSay() {
        Dynamics d = Dynamics.defaults();
        Therapist th = Therapist.typical(0, Variants.experienced(), d);
        double k = Rules.Repair.defaults().repairOvershoot();
        double base = th.repairProbability * Math.exp(-k * 1.5);
        Member m = new Member(0, Role.PARENT, false, 1, 1, 1, 0, 0, 0);
        RepairRule tested = rule(Rules.Repair.Rule.TESTED_TRUST, 0.3, 0.5, 2);
        RepairRule work = rule(Rules.Repair.Rule.WORK_COUNTED, 0.3, 0.5, 2);
        RepairRule selection = rule(Rules.Repair.Rule.SELECTION_ONLY, 0.3, 0.5, 2);
        RepairRule restoring = rule(Rules.Repair.Rule.SKILL_AND_OVERSHOOT, 0.3, 0.5, 2);
        assertEquals(base, tested.chance(th, m, 1.5, 3.0), 1e-15);
        assertEquals(base, work.chance(th, m, 1.5, 3.0), 1e-15);
        assertEquals(base, selection.chance(th, m, 1.5, 1.0), 1e-15);
        assertEquals(Math.min(1, base * 2 * 4 / 5), selection.chance(th, m, 1.5, 2.0), 1e-15);
        assertEquals(base * 2 * 0.25 / 1.25, selection.chance(th, m, 1.5, 0.5), 1e-15);
        assertTrue(tested.restores() && work.restores() && restoring.restores());
        assertTrue(!selection.restores(), "selection only: a repair does nothing");
        assertEquals(0.5, work.workShare());
        assertEquals(0.0, tested.workShare());
        assertEquals(0.0, selection.workShare());
        assertEquals(0.0, restoring.workShare());
        tested.repaired(m);
        assertEquals(0.3, m.resilience, 1e-15);
        tested.repaired(m);
        assertEquals(0.51, m.resilience, 1e-15);
        Member other = new Member(1, Role.PARENT, false, 1, 1, 1, 0, 0, 0);
        work.repaired(other);
        selection.repaired(other);
        restoring.repaired(other);
        assertEquals(0.0, other.resilience, "only tested trust leaves resilience");
    }

    private static double meanImprovement(CourseTally t) {
        return t.courses.stream().mapToDouble(CourseRecord::improvement).average().orElseThrow();
    }

    private static double rupturesPerFamily(CourseTally t) {
        return t.courses.stream().mapToInt(CourseRecord::ruptures).average().orElseThrow();
    }

    private static double finalAlliance(CourseTally t) {
        return t.courses.stream().mapToDouble(CourseRecord::allianceLast).filter(x -> !Double.isNaN(x)).average()
                .orElseThrow();
    }

    /**
     * Tested trust on the same families, at full resilience gain (1: one repair makes later
     * discomfort cost no safety): members whose trust was tested and held end with a stronger
     * alliance and fewer families leave.
     */
    @Test
    void testedTrustStrengthensTheAllianceAndKeepsFamilies() {
        ModelParameters a = rupturing();
        ModelParameters b = a.withRules(a.rules().withRepair(Variants.with(Variants.with(a.rules().repair(), "rule",
                Rules.Repair.Rule.TESTED_TRUST), "resilienceGain", 1.0)));
        Paired alliance = Paired.of(a, b, RepairRuleTest::finalAlliance, 8, SEED);
        Paired dropout = Paired.of(a, b, CourseTally::dropoutShare, 8, SEED);
        System.out.println("tested trust (gain 1), final alliance: " + alliance + "; dropout: " + dropout);
        assertTrue(alliance.positive(), "stronger alliance: " + alliance);
        assertTrue(dropout.negative(), "less dropout: " + dropout);
    }

    /** Work counted on the same families: a repaired rupture's discomfort adds to improvement. */
    @Test
    void workCountedRaisesImprovement() {
        ModelParameters a = rupturing();
        ModelParameters b = withRepair(a, Rules.Repair.Rule.WORK_COUNTED);
        Paired improvement = Paired.of(a, b, RepairRuleTest::meanImprovement, 8, SEED);
        System.out.println("work counted, mean improvement: " + improvement);
        assertTrue(improvement.positive(), "more improvement: " + improvement);
    }

    /**
     * Selection only on the same families: a repair no longer restores or teaches, so members rupture
     * again and more families leave.
     */
    @Test
    void selectionOnlyTakesTheRepairsEffectAway() {
        ModelParameters a = rupturing();
        ModelParameters b = withRepair(a, Rules.Repair.Rule.SELECTION_ONLY);
        Paired ruptures = Paired.of(a, b, RepairRuleTest::rupturesPerFamily, 8, SEED);
        Paired dropout = Paired.of(a, b, CourseTally::dropoutShare, 8, SEED);
        System.out.println("selection only, ruptures per family: " + ruptures + "; dropout: " + dropout);
        assertTrue(ruptures.positive(), "more ruptures: " + ruptures);
        assertTrue(dropout.positive(), "more dropout: " + dropout);
    }
}
