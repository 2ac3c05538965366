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
        return RepairRule.of(new Rules.Repair(name, connectionWeight, d.resilienceGain(), d.workShare(),
                d.selectionWeight()), Dynamics.defaults().rupture());
    }

    @Test
    void eachChanceReadsWhatItsRuleSays() {
        Dynamics d = Dynamics.defaults();
        Therapist th = Therapist.typical(0, Variants.experienced(), d);
        double k = d.rupture().repairOvershoot();
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
}
