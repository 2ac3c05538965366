package org.alliancesim.model;

/**
 * The chance that a rupture is repaired and what a repair does: the repair rule
 * ({@link Rules.Repair}; docs/model.md, "Rules"). {@link Session} holds one instance for a whole
 * replication, chosen once by {@link #of}, and draws one uniform per rupture against this chance.
 * Instances keep no state of their own (the tested-trust rule writes the member's resilience).
 * Under every rule but selection only a repair restores (the member ends where the session would
 * have left them, never above) and the therapist learns the member's limit.
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

    /**
     * The chance, 0..1, that therapist {@code th} repairs member {@code m}'s rupture in a family
     * of responsiveness {@code responsiveness} (fixed at intake); only the selection-only rule
     * reads it.
     */
    default double chance(Therapist th, Member m, double overshoot, double responsiveness) {
        return chance(th, m, overshoot);
    }

    /** Whether a repair restores (no loss of trust, and the therapist learns); false only under selection only. */
    default boolean restores() {
        return true;
    }

    /** Share of a repaired rupture's productive discomfort that counts as work (0 but under work counted). */
    default double workShare() {
        return 0;
    }

    /** What a repair leaves in the member beyond restoring (nothing but under tested trust). */
    default void repaired(Member m) {
    }

    /** The rule {@code r} names, with its coefficients. */
    static RepairRule of(Rules.Repair r) {
        return switch (r.rule()) {
            case SKILL_AND_OVERSHOOT -> new SkillAndOvershoot(r.repairOvershoot());
            case SKILL -> new Skill();
            case MEMBER_STATE -> new MemberState(r.repairOvershoot(), r.connectionWeight());
            case TESTED_TRUST -> new TestedTrust(r.repairOvershoot(), r.resilienceGain());
            case WORK_COUNTED -> new WorkCounted(r.repairOvershoot(), r.workShare());
            case SELECTION_ONLY -> new SelectionOnly(r.repairOvershoot(), r.selectionWeight());
        };
    }

    /**
     * s exp(-repairOvershoot d): the further a session went beyond what the member's alliance
     * could hold, the harder the repair (Safran, Muran and Eubanks-Carter 2011). The calibrated
     * model's rule; the tested-trust, work-counted and selection-only rules share its chance.
     */
    class SkillAndOvershoot implements RepairRule {
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

    /**
     * Tested trust: the chance of skill and overshoot, and a repaired rupture makes the member's
     * trust more resilient, r <- r + resilienceGain (1 - r), so that what a later uncomfortable
     * session costs falls in proportion to 1 - r: the safety a held session's discomfort costs, and
     * the trust a later unrepaired rupture costs. A rupture survived and talked through shows the member
     * that the relationship can hold their anger (Safran and Muran 2000, Negotiating the
     * Therapeutic Alliance; Safran, Muran and Eubanks-Carter 2011: resolution strengthens the
     * alliance beyond where it was).
     */
    final class TestedTrust extends SkillAndOvershoot {
        private final double resilienceGain;

        TestedTrust(double overshootRate, double resilienceGain) {
            super(overshootRate);
            this.resilienceGain = resilienceGain;
        }

        @Override
        public void repaired(Member m) {
            m.resilience += resilienceGain * (1 - m.resilience);
        }
    }

    /**
     * Work counted: the chance of skill and overshoot, and the discomfort behind a repaired rupture
     * counts as therapeutic work, workShare times its productive part (novelty excluded), where an
     * unrepaired rupture's counts for nothing: the rupture is the material of the work, and its
     * resolution a corrective emotional experience (Safran and Muran 2000; the high-low-high
     * alliance courses with the larger gains, Kivlighan and Shaughnessy 2000, Stiles et al. 2004).
     */
    final class WorkCounted extends SkillAndOvershoot {
        private final double workShare;

        WorkCounted(double overshootRate, double workShare) {
            super(overshootRate);
            this.workShare = workShare;
        }

        @Override
        public double workShare() {
            return workShare;
        }
    }

    /**
     * Selection only: a repair does nothing by itself (the rupture costs trust as if unrepaired and
     * the therapist learns nothing); families who repair differ beforehand. The chance is
     * s exp(-repairOvershoot d) 2 rho^w / (1 + rho^w), at most 1, with rho the family's
     * responsiveness (fixed at intake; median 1, where the chance is skill and overshoot's), so the
     * families who would improve anyway repair more: the third-variable account of the
     * repair-outcome correlation (DeRubeis, Brotman and Gibbons 2005 on the alliance-outcome
     * correlation; Zilcha-Mano 2017, trait-like versus state-like alliance).
     */
    final class SelectionOnly extends SkillAndOvershoot {
        private final double selectionWeight;

        SelectionOnly(double overshootRate, double selectionWeight) {
            super(overshootRate);
            this.selectionWeight = selectionWeight;
        }

        @Override
        public double chance(Therapist th, Member m, double overshoot, double responsiveness) {
            double lean = Math.pow(responsiveness, selectionWeight);
            return Math.min(1, super.chance(th, m, overshoot) * 2 * lean / (1 + lean));
        }

        @Override
        public boolean restores() {
            return false;
        }
    }
}
