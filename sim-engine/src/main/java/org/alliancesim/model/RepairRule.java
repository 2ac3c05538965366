package org.alliancesim.model;

/**
 * The chance that a rupture is repaired: the repair rule ({@link Rules.Repair}; docs/model.md,
 * "Rules"). {@link Session} holds one instance for a whole replication, chosen once by
 * {@link #of}, and draws one uniform per rupture against this chance. Instances keep no state.
 */
interface RepairRule {

    /**
     * The chance, 0..1, that therapist {@code th} repairs member {@code m}'s rupture.
     *
     * @param th the therapist ({@link Therapist#repairProbability}: skill, times the novice factor)
     * @param m the member, with their SOFTA dimensions as they were before the session
     * @param overshoot how far the session's discomfort went beyond what the member could hold (> 0)
     */
    double chance(Therapist th, Member m, double overshoot);

    /** The rule {@code r} names, with its parameters and the model's rupture coefficients. */
    static RepairRule of(Rules.Repair r, Dynamics.Rupture d) {
        return switch (r.rule()) {
            case SKILL_AND_OVERSHOOT -> new SkillAndOvershoot(d.repairOvershoot());
            case SKILL -> new Skill();
            case MEMBER_STATE -> new MemberState(d.repairOvershoot(), r.connectionWeight());
        };
    }

    /**
     * s exp(-repairOvershoot d): the further a session went beyond what the member's alliance
     * could hold, the harder the repair (Safran, Muran and Eubanks-Carter 2011). The calibrated
     * model's rule.
     */
    final class SkillAndOvershoot implements RepairRule {
        private final double overshootRate;

        SkillAndOvershoot(double overshootRate) {
            this.overshootRate = overshootRate;
        }

        @Override
        public double chance(Therapist th, Member m, double overshoot) {
            return th.repairProbability * Math.exp(-overshootRate * overshoot);
        }
    }

    /** s: a fixed chance by the therapist's skill, whatever the rupture and the member. */
    final class Skill implements RepairRule {
        @Override
        public double chance(Therapist th, Member m, double overshoot) {
            return th.repairProbability;
        }
    }

    /**
     * s exp(-repairOvershoot d) ((c + 3) / 6)^connectionWeight, c the member's emotional connection
     * before the session: repair is a conversation about the rupture, and a member who no longer
     * feels connected to the therapist does not have it (rupture resolution by metacommunication,
     * Safran and Muran 2000; Eubanks, Muran and Safran 2018).
     */
    final class MemberState implements RepairRule {
        private final double overshootRate;
        private final double connectionWeight;

        MemberState(double overshootRate, double connectionWeight) {
            this.overshootRate = overshootRate;
            this.connectionWeight = connectionWeight;
        }

        @Override
        public double chance(Therapist th, Member m, double overshoot) {
            double connected = (m.connection - Member.MIN_ALLIANCE) / (Member.MAX_ALLIANCE - Member.MIN_ALLIANCE);
            return th.repairProbability * Math.exp(-overshootRate * overshoot) * Math.pow(connected, connectionWeight);
        }
    }
}
