package org.alliancesim.model;

/**
 * Which rule each swappable mechanism follows, and each rule's own parameters: the competing
 * accounts of how trust moves, how a family decides to come back, how ruptures are repaired and
 * how members influence each other (docs/model.md, "Rules"). Each family of rules is one record
 * whose {@code rule} names the rule and whose other components are every coefficient of the part of
 * the model the rules swap: the one place a scenario sets them. A component's {@link Doc#readBy}
 * names the rules that read it (empty: every rule); a scenario that sets a coefficient its chosen
 * rule does not read is refused, so none is silently ignored. The defaults are the rules
 * of the calibrated model, so a scenario without {@code rules} behaves exactly as before rules
 * were swappable.
 *
 * <p>Rules act on the members' and the family's state and on the session's climate; the
 * decisions read only that state. No rule has a term for a situation (referral, therapist
 * experience, setting).
 *
 * @param trustUpdate how each session's experience moves a member's SOFTA dimensions
 * @param attendance what of the deciding members' alliance the dropout hazard reads
 * @param repair the chance that a rupture is repaired
 * @param contagion how members' alliances pull on each other after a session
 */
public record Rules(
        @Doc("how each session's experience moves a member's SOFTA dimensions") TrustUpdate trustUpdate,
        @Doc("what of the deciding members' alliance the dropout hazard reads") Attendance attendance,
        @Doc("the chance that a rupture is repaired") Repair repair,
        @Doc("how members' alliances pull on each other after a session") Contagion contagion) {

    /** Validates presence of every family of rules (each validates its own parameters). */
    public Rules {
        Check.present("trustUpdate", trustUpdate);
        Check.present("attendance", attendance);
        Check.present("repair", repair);
        Check.present("contagion", contagion);
    }

    /** The calibrated model's rules, each with its parameters' defaults. */
    public static Rules defaults() {
        return new Rules(TrustUpdate.defaults(), Attendance.defaults(), Repair.defaults(), Contagion.defaults());
    }

    /** A copy with another trust update rule. */
    public Rules withTrustUpdate(TrustUpdate t) {
        return new Rules(t, attendance, repair, contagion);
    }

    /** A copy with another attendance rule. */
    public Rules withAttendance(Attendance a) {
        return new Rules(trustUpdate, a, repair, contagion);
    }

    /** A copy with another repair rule. */
    public Rules withRepair(Repair r) {
        return new Rules(trustUpdate, attendance, r, contagion);
    }

    /** A copy with another contagion rule. */
    public Rules withContagion(Contagion c) {
        return new Rules(trustUpdate, attendance, repair, c);
    }

    /**
     * How a held session's experience E moves each SOFTA dimension x of a member.
     *
     * @param rule which account of trust
     * @param gainUp the asymmetric and betrayal-threshold rules' relaxation rate when the
     *     experience is above the current alliance
     * @param gainDown their rate when below; above gainUp: trust is lost faster than it is gained
     *     (Slovic 1993)
     * @param gain symmetric relaxation's rate, the same up and down: x += gain (E - x)
     * @param priorStrength the Bayesian rule's weight of the starting alliance, in sessions of
     *     evidence (2 is the uniform prior's weight in Jøsang and Ismail's beta reputation system)
     * @param forgetting the Bayesian rule's discount of older evidence per session (1 keeps all)
     * @param limit the betrayal rule's discomfort above which a single session collapses trust
     * @param collapse the betrayal rule's share of the way to -3 every dimension falls in such a
     *     session
     */
    public record TrustUpdate(
            @Doc("which account of trust: asymmetric_relaxation (the calibrated model), symmetric_relaxation, bayesian or betrayal_threshold") Rule rule,
            @Doc(value = "asymmetric_relaxation, betrayal_threshold: relaxation rate when the experience is above the current alliance", min = 0, exclusiveMin = true, max = 1, readBy = {"asymmetric_relaxation", "betrayal_threshold"}) double gainUp,
            @Doc(value = "asymmetric_relaxation, betrayal_threshold: relaxation rate when below; above gain_up: trust is lost faster than it is gained (Slovic 1993)", min = 0, exclusiveMin = true, max = 1, readBy = {"asymmetric_relaxation", "betrayal_threshold"}) double gainDown,
            @Doc(value = "symmetric_relaxation: rate toward the session's experience, the same up and down: x += gain (E - x)", min = 0, exclusiveMin = true, max = 1, readBy = "symmetric_relaxation") double gain,
            @Doc(value = "bayesian: weight of the starting alliance, in sessions of evidence (2 is the uniform prior's weight in the beta reputation system)", min = 0, exclusiveMin = true, max = 100, readBy = "bayesian") double priorStrength,
            @Doc(value = "bayesian: discount of older evidence per session (1 keeps all evidence)", min = 0, exclusiveMin = true, max = 1, readBy = "bayesian") double forgetting,
            @Doc(value = "betrayal_threshold: discomfort (discomfort units) above which a single session collapses trust", min = 0, exclusiveMin = true, max = 10, readBy = "betrayal_threshold") double limit,
            @Doc(value = "betrayal_threshold: share of the way to -3 every SOFTA dimension falls in a session over the limit", min = 0, max = 1, readBy = "betrayal_threshold") double collapse) {

        /** The accounts of trust. */
        public enum Rule {
            /** x += g (E - x) with g = gainUp above, gainDown below (the calibrated model). */
            ASYMMETRIC_RELAXATION,
            /** x += gain (E - x), the same rate both ways (no negativity bias). */
            SYMMETRIC_RELAXATION,
            /** Beta reputation: x is the mean of the evidence, prior included, so it settles with experience. */
            BAYESIAN,
            /** Asymmetric relaxation, plus a collapse when one session's discomfort exceeds a limit. */
            BETRAYAL_THRESHOLD
        }

        /** Defaults: asymmetric relaxation with its calibrated rates; the other rules' parameters at their documented defaults. */
        public static TrustUpdate defaults() {
            return new TrustUpdate(Rule.ASYMMETRIC_RELAXATION,
                    /* gainUp */ 0.3,
                    /* gainDown */ 0.6,
                    /* gain */ 0.45,
                    /* priorStrength */ 2.0,
                    /* forgetting */ 1.0,
                    /* limit */ 2.0,
                    /* collapse */ 0.5);
        }

        /** Validates the rule's presence and every parameter's range. */
        public TrustUpdate {
            Check.present("rule", rule);
            Bounds.checkAll(TrustUpdate.class, rule, gainUp, gainDown, gain, priorStrength, forgetting, limit,
                    collapse);
        }
    }

    /**
     * What the dropout hazard reads of the deciding members' alliance A (the rest of the hazard,
     * shared purpose, split and barriers, is the same under every rule).
     *
     * @param rule which reading
     * @param alliance the level rules' hazard log-odds per point of decision-weighted alliance
     *     (lower alliance, higher hazard)
     * @param trendSessions the trend rules' window: the slope of A over the last this many sessions
     * @param trendWeight the trend rules' hazard log-odds per SOFTA point per session of slope
     */
    public record Attendance(
            @Doc("what the hazard reads of the deciding alliance: level (the calibrated model), trend or level_and_trend") Rule rule,
            @Doc(value = "level, level_and_trend: hazard log-odds per point of decision-weighted alliance (lower alliance, higher hazard)", min = 0, max = 5, readBy = {"level", "level_and_trend"}) double alliance,
            @Doc(value = "trend, level_and_trend: the slope of the deciding alliance is taken over the last this many sessions (fewer early in the course)", min = 1, max = 10, readBy = {"trend", "level_and_trend"}) int trendSessions,
            @Doc(value = "trend, level_and_trend: hazard log-odds per SOFTA point per session of slope (a falling alliance raises the hazard)", min = 0, max = 20, readBy = {"trend", "level_and_trend"}) double trendWeight) {

        /** The readings of the alliance. */
        public enum Rule {
            /** The alliance's level: - alliance * A (the calibrated model). */
            LEVEL,
            /** The alliance's recent slope instead of its level: - trendWeight * slope (alliance is not read). */
            TREND,
            /** Both: - alliance * A - trendWeight * slope. */
            LEVEL_AND_TREND
        }

        /** Defaults: the level with its calibrated weight; the trend rules' parameters at their documented defaults. */
        public static Attendance defaults() {
            return new Attendance(Rule.LEVEL, /* alliance */ 0.8180, /* trendSessions */ 3, /* trendWeight */ 2.0);
        }

        /** Validates the rule's presence and every parameter's range. */
        public Attendance {
            Check.present("rule", rule);
            Bounds.checkAll(Attendance.class, rule, alliance, trendSessions, trendWeight);
        }
    }

    /**
     * The chance that a rupture is repaired, with s the therapist's repair skill (times the novice
     * factor) and d = discomfort - capacity the rupture's overshoot, and what a repair does: the
     * competing accounts of repair (docs/model.md 3.9).
     *
     * @param rule which account
     * @param repairOvershoot the chance of repair is the therapist's repair skill times
     *     exp(-repairOvershoot * (discomfort - capacity)): the further a session went beyond what the
     *     member's alliance could hold, the harder the repair (every rule but skill reads it)
     * @param connectionWeight the member-state rule's exponent on the member's connection,
     *     ((c + 3) / 6)^connectionWeight
     * @param resilienceGain the tested-trust rule's share of the remaining way to full resilience
     *     a repaired rupture takes the member (resilience r scales the safety a session's discomfort
     *     costs by 1 - r)
     * @param workShare the work-counted rule's share of a repaired rupture's productive discomfort
     *     that counts as therapeutic work
     * @param selectionWeight the selection-only rule's exponent on the family's responsiveness in
     *     the chance of repair
     */
    public record Repair(
            @Doc("which account of repair: skill_and_overshoot (the calibrated model: repair restores), skill, member_state, tested_trust, work_counted or selection_only") Rule rule,
            @Doc(value = "skill_and_overshoot, member_state, tested_trust, work_counted, selection_only: the chance of repair is the therapist's repair skill times exp(-repairOvershoot * (discomfort - capacity)): the further a session went beyond what the member's alliance could hold, the harder the repair", min = 0, max = 10, readBy = {"skill_and_overshoot", "member_state", "tested_trust", "work_counted", "selection_only"}) double repairOvershoot,
            @Doc(value = "member_state: the chance is multiplied by ((c + 3) / 6)^connectionWeight, c the member's emotional connection before the session (0 makes it skill_and_overshoot)", min = 0, max = 10, readBy = "member_state") double connectionWeight,
            @Doc(value = "tested_trust: a repaired rupture takes the member this share of the remaining way to full resilience r (0..1); later sessions cost safety discomfortSafetyCost * discomfort * (1 - r), and a later unrepaired rupture costs (1 - r) times its losses (0 makes it skill_and_overshoot)", min = 0, max = 1, readBy = "tested_trust") double resilienceGain,
            @Doc(value = "work_counted: share of a repaired rupture's productive discomfort that counts as therapeutic work (0 makes it skill_and_overshoot)", min = 0, max = 1, readBy = "work_counted") double workShare,
            @Doc(value = "selection_only: the chance is s exp(-repairOvershoot d) 2 rho^w / (1 + rho^w), at most 1, rho the family's responsiveness and w this exponent; a repair then does nothing (the rupture costs as if unrepaired, the therapist learns nothing)", min = 0, max = 10, readBy = "selection_only") double selectionWeight) {

        /** The accounts of repair. */
        public enum Rule {
            /** s exp(-repairOvershoot d); a repair restores and the therapist learns (the calibrated model). */
            SKILL_AND_OVERSHOOT,
            /** s: a fixed chance by therapist skill, whatever the rupture. */
            SKILL,
            /** s exp(-repairOvershoot d) ((c + 3) / 6)^connectionWeight: the member must still feel connected to talk it through. */
            MEMBER_STATE,
            /** As skill_and_overshoot, and a repaired rupture makes the member's trust more resilient: later discomfort costs less safety. */
            TESTED_TRUST,
            /** As skill_and_overshoot, and the discomfort behind a repaired rupture counts (in part) as work. */
            WORK_COUNTED,
            /** Repair does nothing itself; families who repair differ beforehand (their responsiveness). */
            SELECTION_ONLY
        }

        /** Defaults: skill and overshoot; the other rules' parameters at their documented defaults. */
        public static Repair defaults() {
            return new Repair(Rule.SKILL_AND_OVERSHOOT,
                    /* repairOvershoot */ 0.5,
                    /* connectionWeight */ 1.0,
                    /* resilienceGain */ 0.3,
                    /* workShare */ 0.5,
                    /* selectionWeight */ 2.0);
        }

        /** Validates the rule's presence and every parameter's range. */
        public Repair {
            Check.present("rule", rule);
            Bounds.checkAll(Repair.class, rule, repairOvershoot, connectionWeight, resilienceGain, workShare,
                    selectionWeight);
        }
    }

    /**
     * How members' SOFTA dimensions pull on each other after a session (at the rate
     * {@code dynamics.contagion.rate}).
     *
     * @param rule which pull
     * @param weightExponent the decision-weight rule's exponent: member j's influence is
     *     proportional to w_j^weightExponent
     */
    public record Contagion(
            @Doc("which pull: averaging (the calibrated model) or decision_weight") Rule rule,
            @Doc(value = "decision_weight: member j's influence on the others is proportional to w_j^weightExponent, w_j their decision weight (0 makes it averaging)", min = 0, max = 5, readBy = "decision_weight") double weightExponent) {

        /** The pulls between members. */
        public enum Rule {
            /** Toward the other members' mean (the calibrated model). */
            AVERAGING,
            /** Toward the other members' mean weighted by decision weight: parents' view spreads more. */
            DECISION_WEIGHT
        }

        /** Defaults: averaging; the decision-weight rule's parameter at its documented default. */
        public static Contagion defaults() {
            return new Contagion(Rule.AVERAGING, /* weightExponent */ 1.0);
        }

        /** Validates the rule's presence and every parameter's range. */
        public Contagion {
            Check.present("rule", rule);
            Bounds.checkAll(Contagion.class, rule, weightExponent);
        }
    }
}
