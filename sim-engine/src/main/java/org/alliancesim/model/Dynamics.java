package org.alliancesim.model;

/**
 * Every coefficient of the model's mechanisms, grouped by submodel. docs/model.md gives each
 * equation; the javadoc of each component says its unit and range. The defaults are the values
 * calibrated to LITERATURE.md's targets ({@link #defaults()}).
 *
 * @param start how members and families begin
 * @param climate what makes a session uncomfortable
 * @param trust how alliance moves with each session's experience
 * @param rupture ruptures and their repair
 * @param contagion members' influence on each other
 * @param attendance no-shows, cancellations and dropout
 * @param outcome therapeutic progress and completion
 * @param skills what individual therapists differ in beyond their type's qualities: a retention
 *     skill and an outcome skill
 */
public record Dynamics(
        @Doc("how members and families begin") Start start,
        @Doc("what makes a session uncomfortable") Climate climate,
        @Doc("how alliance moves with each session's experience") Trust trust,
        @Doc("ruptures and their repair") Rupture rupture,
        @Doc("members' influence on each other") Contagion contagion,
        @Doc("no-shows, cancellations and dropout") Attendance attendance,
        @Doc("therapeutic progress and completion") Outcome outcome,
        @Doc("what individual therapists differ in: a retention skill and an outcome skill, and how the two go together") Skills skills) {

    /** Validates presence of every group (each group validates itself). */
    public Dynamics {
        Check.present("start", start);
        Check.present("climate", climate);
        Check.present("trust", trust);
        Check.present("rupture", rupture);
        Check.present("contagion", contagion);
        Check.present("attendance", attendance);
        Check.present("outcome", outcome);
        Check.present("skills", skills);
    }

    /** The calibrated defaults (docs/model.md, "Calibration"). */
    public static Dynamics defaults() {
        return new Dynamics(Start.defaults(), Climate.defaults(), Trust.defaults(), Rupture.defaults(),
                Contagion.defaults(), Attendance.defaults(), Outcome.defaults(), Skills.defaults());
    }

    /**
     * Initial state (SOFTA scale -3..+3 for alliance and shared purpose).
     *
     * @param allianceMean mean starting alliance on each SOFTA dimension
     * @param allianceSd between-member sd of starting alliance
     * @param familyAllianceSd sd of a family-level shift of every member's starting alliance
     *     (families differ as units in readiness)
     * @param roleOffset added to the starting alliance by role
     * @param identifiedPatientOffset added for the identified patient per unit of the family's
     *     conflict at intake (the more conflicted the family, the more the identified patient is
     *     blamed and defensive)
     * @param involuntaryOffset subtracted from every dimension for involuntary referrals
     *     (Sotero, Major, Escudero and Relvas: lower on all four SOFTA dimensions)
     * @param involuntaryEngagementPenalty engagement of involuntary clients is pulled down
     *     by this much in every session's experience, so it does not catch up while connection
     *     and safety do
     * @param toleranceMean mean tolerance for discomfort (discomfort units)
     * @param toleranceSd between-member sd of tolerance
     * @param toleranceOffset added to tolerance by role
     * @param decisionWeight weight of each role in deciding attendance (Kazdin 1996: parents
     *     decide)
     * @param purposeMean mean starting shared sense of purpose
     * @param purposeConflict subtracted from starting purpose per unit of conflict
     * @param purposeInvoluntary subtracted from starting purpose for involuntary referrals
     * @param purposeSd between-family sd of starting purpose
     */
    public record Start(
            @Doc(value = "mean starting alliance on each SOFTA dimension", min = -3, max = 3) double allianceMean,
            @Doc(value = "between-member sd of starting alliance", min = 0, max = 3) double allianceSd,
            @Doc(value = "sd of a family-level shift of every member's starting alliance (families differ as units in readiness)", min = 0, max = 3) double familyAllianceSd,
            @Doc("added to the starting alliance by role") RoleValues roleOffset,
            @Doc(value = "added for the identified patient per unit of the family's conflict at intake (the more conflicted the family, the more the identified patient is blamed and defensive)", min = -3, max = 3) double identifiedPatientOffset,
            @Doc(value = "subtracted from every dimension for involuntary referrals (Sotero, Major, Escudero and Relvas: lower on all four SOFTA dimensions)", min = 0, max = 3) double involuntaryOffset,
            @Doc(value = "engagement of involuntary clients is pulled down by this much in every session's experience, so it does not catch up while connection and safety do", min = 0, max = 3) double involuntaryEngagementPenalty,
            @Doc(value = "mean tolerance for discomfort (discomfort units)", min = 0, max = 5) double toleranceMean,
            @Doc(value = "between-member sd of tolerance", min = 0, max = 2) double toleranceSd,
            @Doc("added to tolerance by role") RoleValues toleranceOffset,
            @Doc("weight of each role in deciding attendance (Kazdin 1996: parents decide), each 0..10") RoleValues decisionWeight,
            @Doc(value = "mean starting shared sense of purpose", min = -3, max = 3) double purposeMean,
            @Doc(value = "subtracted from starting purpose per unit of conflict", min = 0, max = 5) double purposeConflict,
            @Doc(value = "subtracted from starting purpose for involuntary referrals", min = 0, max = 5) double purposeInvoluntary,
            @Doc(value = "between-family sd of starting purpose", min = 0, max = 3) double purposeSd) {
        /** Defaults. */
        public static Start defaults() {
            return new Start(
                    /* allianceMean */ 0.5528,
                    /* allianceSd */ 0.6,
                    /* familyAllianceSd */ 0.8,
                    /* roleOffset: parent, adolescent, child, other adult */ new RoleValues(0.2, -0.5, -0.1, 0.0),
                    /* identifiedPatientOffset */ -0.8,
                    /* involuntaryOffset */ 0.6870,
                    /* involuntaryEngagementPenalty */ 0.5,
                    /* toleranceMean */ 1.5,
                    /* toleranceSd */ 0.3,
                    /* toleranceOffset */ new RoleValues(0.0, -0.2, -0.1, 0.0),
                    /* decisionWeight */ new RoleValues(1.0, 0.3, 0.1, 1.0),
                    /* purposeMean */ 0.6,
                    /* purposeConflict */ 1.0,
                    /* purposeInvoluntary */ 1.237,
                    /* purposeSd */ 0.5);
        }

        /** Validates ranges. */
        public Start {
            Bounds.checkAll(Start.class, allianceMean, allianceSd, familyAllianceSd, roleOffset,
                    identifiedPatientOffset, involuntaryOffset, involuntaryEngagementPenalty, toleranceMean,
                    toleranceSd, toleranceOffset, decisionWeight, purposeMean, purposeConflict, purposeInvoluntary,
                    purposeSd);
            Check.present("roleOffset", roleOffset);
            Check.present("toleranceOffset", toleranceOffset);
            Check.present("decisionWeight", decisionWeight);
            for (Role r : Role.values()) {
                Check.range("decisionWeight." + r.name().toLowerCase(java.util.Locale.ROOT),
                        decisionWeight.of(r), 0, 10);
            }
        }
    }

    /**
     * The session climate: challenge, conflict and the setting's novelty make discomfort.
     *
     * @param challengeSensitivity discomfort per unit of challenge, by role
     * @param conflictWeight discomfort per unit of family conflict
     * @param identifiedPatientBlame extra share of the conflict felt by the identified patient
     * @param noviceConflictAmplification a novice contains conflict less well: conflict discomfort
     *     is multiplied by 1 + this for novices
     * @param conflictSd between-family sd of conflict around the type's mean
     * @param conflictResolution family conflict falls by the factor exp(-conflictResolution * W)
     *     after a session whose weighted mean therapeutic work is W (work on family patterns)
     * @param discomfortSd sd of the member-session noise in discomfort
     * @param noveltyReflectingTeam novelty discomfort of a reflecting team at first exposure
     * @param noveltyMirror novelty discomfort of a one-way mirror
     * @param noveltyCameras novelty discomfort of cameras
     * @param habituationSessions e-folding number of sessions for novelty to fade
     * @param preparationEffect fraction of novelty removed by preparation
     * @param distraction progress is multiplied by exp(-distraction * novelty): about this
     *     fraction of a session's progress is lost per unit of novelty
     * @param escalationPerSession challenge added each session under the escalating policy
     * @param maxChallenge ceiling of the escalating policy
     * @param responsiveEase largest fraction of challenge a responsive therapist drops
     * @param responsiveThreshold weakest member's alliance at which a responsive therapist begins
     *     to ease off
     * @param responsiveRange alliance points below the threshold at which easing is complete
     */
    public record Climate(
            @Doc("discomfort per unit of challenge, by role, each 0..5") RoleValues challengeSensitivity,
            @Doc(value = "discomfort per unit of family conflict", min = 0, max = 5) double conflictWeight,
            @Doc(value = "extra share of the conflict felt by the identified patient", min = 0, max = 5) double identifiedPatientBlame,
            @Doc(value = "a novice contains conflict less well: conflict discomfort is multiplied by 1 + this for novices", min = 0, max = 5) double noviceConflictAmplification,
            @Doc(value = "between-family sd of conflict around the type's mean", min = 0, max = 1) double conflictSd,
            @Doc(value = "family conflict falls by the factor exp(-conflictResolution * W) after a session whose weighted mean therapeutic work is W (work on family patterns)", min = 0, max = 5) double conflictResolution,
            @Doc(value = "sd of the member-session noise in discomfort", min = 0, max = 3) double discomfortSd,
            @Doc(value = "novelty discomfort of a reflecting team at first exposure", min = 0, max = 5) double noveltyReflectingTeam,
            @Doc(value = "novelty discomfort of a one-way mirror", min = 0, max = 5) double noveltyMirror,
            @Doc(value = "novelty discomfort of cameras", min = 0, max = 5) double noveltyCameras,
            @Doc(value = "e-folding number of sessions for novelty to fade", min = 0, exclusiveMin = true, max = 100) double habituationSessions,
            @Doc(value = "fraction of novelty removed by preparation", min = 0, max = 1) double preparationEffect,
            @Doc(value = "progress is multiplied by exp(-distraction * novelty): about this fraction of a session's progress is lost per unit of novelty", min = 0, max = 5) double distraction,
            @Doc(value = "challenge added each session under the escalating policy", min = 0, max = 1) double escalationPerSession,
            @Doc(value = "ceiling of the escalating policy", min = 0, max = 3) double maxChallenge,
            @Doc(value = "largest fraction of challenge a responsive therapist drops", min = 0, max = 1) double responsiveEase,
            @Doc(value = "weakest member's alliance at which a responsive therapist begins to ease off", min = -3, max = 3) double responsiveThreshold,
            @Doc(value = "alliance points below the threshold at which easing is complete", min = 0, exclusiveMin = true, max = 6) double responsiveRange) {
        /** Defaults. */
        public static Climate defaults() {
            return new Climate(
                    /* challengeSensitivity */ new RoleValues(1.0, 1.1, 0.9, 1.0),
                    /* conflictWeight */ 0.6,
                    /* identifiedPatientBlame */ 1.0,
                    /* noviceConflictAmplification */ 0.25,
                    /* conflictSd */ 0.1,
                    /* conflictResolution */ 0.1,
                    /* discomfortSd */ 0.3,
                    /* noveltyReflectingTeam */ 0.25,
                    /* noveltyMirror */ 0.1,
                    /* noveltyCameras */ 0.1,
                    /* habituationSessions */ 2.0,
                    /* preparationEffect */ 0.75,
                    /* distraction */ 0.4,
                    /* escalationPerSession */ 0.08,
                    /* maxChallenge */ 1.5,
                    /* responsiveEase */ 0.6,
                    /* responsiveThreshold */ 0.0,
                    /* responsiveRange */ 2.0);
        }

        /** Validates ranges. */
        public Climate {
            Check.present("challengeSensitivity", challengeSensitivity);
            for (Role r : Role.values()) {
                Check.range("challengeSensitivity." + r.name().toLowerCase(java.util.Locale.ROOT),
                        challengeSensitivity.of(r), 0, 5);
            }
            Bounds.checkAll(Climate.class, challengeSensitivity, conflictWeight, identifiedPatientBlame,
                    noviceConflictAmplification, conflictSd, conflictResolution, discomfortSd, noveltyReflectingTeam,
                    noveltyMirror, noveltyCameras, habituationSessions, preparationEffect, distraction,
                    escalationPerSession, maxChallenge, responsiveEase, responsiveThreshold, responsiveRange);
        }
    }

    /**
     * Trust: what a session's experience E on each SOFTA dimension is made of (support, bond,
     * discomfort, work, novelty). How a held session's experience then moves the dimension, and every
     * coefficient of that move, is the trust update rule's ({@link Rules.TrustUpdate}).
     *
     * @param warmthWeight weight of warmth in the therapist's support
     * @param empathyWeight weight of empathy
     * @param genuinenessWeight weight of genuineness (the three weights are normalised)
     * @param bondPerSupport the bond a member experiences, in SOFTA points per unit of the support
     *     they receive above the neutral 0.5: B = bondPerSupport * (support - 0.5); 6 maps support
     *     0..1 onto the whole SOFTA scale -3..+3
     * @param supportNoiseSd sd of session-to-session support for a therapist of consistency 0
     *     (scaled by 1 - consistency)
     * @param noviceConflictPenalty fraction of support a novice loses per unit of conflict
     * @param imbalance how strongly an unbalanced therapist favours the adults: member support is
     *     multiplied by 1 +- (1 - balance) * imbalance
     * @param discomfortSafetyCost safety experience lost per unit of (held) discomfort
     * @param workEngagementGain engagement experience gained per unit of productive discomfort
     * @param noveltyEngagementCost engagement experience lost per unit of the setting's novelty
     *     (distracted, hard to concentrate)
     */
    public record Trust(
            @Doc(value = "weight of warmth in the therapist's support", min = 0, max = 1) double warmthWeight,
            @Doc(value = "weight of empathy", min = 0, max = 1) double empathyWeight,
            @Doc(value = "weight of genuineness (the three weights are normalised)", min = 0, max = 1) double genuinenessWeight,
            @Doc(value = "the bond a member experiences, in SOFTA points per unit of the support they receive above the neutral 0.5: B = bondPerSupport * (support - 0.5); 6 maps support 0..1 onto the whole SOFTA scale -3..+3", min = 0, max = 12) double bondPerSupport,
            @Doc(value = "sd of session-to-session support for a therapist of consistency 0 (scaled by 1 - consistency)", min = 0, max = 1) double supportNoiseSd,
            @Doc(value = "fraction of support a novice loses per unit of conflict", min = 0, max = 1) double noviceConflictPenalty,
            @Doc(value = "how strongly an unbalanced therapist favours the adults: member support is multiplied by 1 +- (1 - balance) * imbalance", min = 0, max = 1) double imbalance,
            @Doc(value = "safety experience lost per unit of (held) discomfort", min = 0, max = 3) double discomfortSafetyCost,
            @Doc(value = "engagement experience gained per unit of productive discomfort", min = 0, max = 3) double workEngagementGain,
            @Doc(value = "engagement experience lost per unit of the setting's novelty (distracted, hard to concentrate)", min = 0, max = 3) double noveltyEngagementCost) {
        /** Defaults. */
        public static Trust defaults() {
            return new Trust(
                    /* warmthWeight */ 0.4,
                    /* empathyWeight */ 0.35,
                    /* genuinenessWeight */ 0.25,
                    /* bondPerSupport */ 6.0,
                    /* supportNoiseSd */ 0.25,
                    /* noviceConflictPenalty */ 0.2,
                    /* imbalance */ 0.25,
                    /* discomfortSafetyCost */ 0.3,
                    /* workEngagementGain */ 0.5,
                    /* noveltyEngagementCost */ 0.5);
        }

        /** Validates ranges. */
        public Trust {
            Bounds.checkAll(Trust.class, warmthWeight, empathyWeight, genuinenessWeight, bondPerSupport, supportNoiseSd,
                    noviceConflictPenalty, imbalance, discomfortSafetyCost, workEngagementGain, noveltyEngagementCost);
            if (!(warmthWeight + empathyWeight + genuinenessWeight > 0)) {
                throw new ParameterException("warmthWeight", String.valueOf(warmthWeight),
                        "> 0 when empathyWeight and genuinenessWeight are 0");
            }
        }
    }

    /**
     * Ruptures: discomfort beyond what the alliance can hold, their repair, and what the therapist
     * learns from a repaired one. A rupture never leaves a member better off than the same session
     * held without it: a repaired rupture restores (each dimension ends at the lower of its
     * pre-session value and where the held session would have taken it); an unrepaired one costs
     * trust on top of that. The chance of repair, and its coefficients, are the repair rule's
     * ({@link Rules.Repair}).
     *
     * @param holdPerAlliance capacity added per point of holding alliance: capacity = tolerance +
     *     holdPerAlliance * (holdSafetyShare * safety + (1 - holdSafetyShare) / 2 * (connection +
     *     engagement))
     * @param holdSafetyShare weight of safety in the holding alliance (the rest is shared equally by
     *     connection and engagement): a client carries on through discomfort because they feel safe
     * @param noviceRepairFactor a novice's repair skill is multiplied by this
     * @param lossEngagement engagement lost by an unrepaired rupture
     * @param lossConnection connection lost
     * @param lossSafety safety lost
     * @param learning what the therapist learns from a repaired rupture (resistance as
     *     information, Safran, Muran and Eubanks-Carter 2011): the challenge this member gets is
     *     scaled down by learning times the amount that would have kept this session's discomfort
     *     within capacity (1 reaches exactly that; 0 learns nothing)
     */
    public record Rupture(
            @Doc(value = "capacity added per point of holding alliance: capacity = tolerance + holdPerAlliance * (holdSafetyShare * safety + (1 - holdSafetyShare) / 2 * (connection + engagement))", min = 0, max = 3) double holdPerAlliance,
            @Doc(value = "weight of safety in the holding alliance (the rest is shared equally by connection and engagement): a client carries on through discomfort because they feel safe", min = 0, max = 1) double holdSafetyShare,
            @Doc(value = "a novice's repair skill is multiplied by this", min = 0, max = 1) double noviceRepairFactor,
            @Doc(value = "engagement lost by an unrepaired rupture", min = 0, max = 6) double lossEngagement,
            @Doc(value = "connection lost", min = 0, max = 6) double lossConnection,
            @Doc(value = "safety lost", min = 0, max = 6) double lossSafety,
            @Doc(value = "what the therapist learns from a repaired rupture (resistance as information): the challenge this member gets is scaled down by learning times the amount that would have kept this session's discomfort within capacity (1 reaches exactly that; 0 learns nothing)", min = 0, max = 2) double learning) {
        /** Defaults. */
        public static Rupture defaults() {
            return new Rupture(
                    /* holdPerAlliance */ 0.45,
                    /* holdSafetyShare */ 0.5,
                    /* noviceRepairFactor */ 0.6,
                    /* lossEngagement */ 0.6,
                    /* lossConnection */ 0.9,
                    /* lossSafety */ 1.2,
                    /* learning */ 1.0);
        }

        /** Validates ranges. */
        public Rupture {
            Bounds.checkAll(Rupture.class, holdPerAlliance, holdSafetyShare, noviceRepairFactor, lossEngagement,
                    lossConnection, lossSafety, learning);
        }
    }

    /**
     * Members' influence on each other (Gottman, Murray et al. 2002: inertia plus influence;
     * Pinsof: a member's alliance is shaped by how the others relate to the therapist).
     *
     * @param rate fraction of the gap to the other members' mean closed after each session
     * @param purposeRate fraction of the gap between shared purpose and (mean alliance -
     *     purposeSplit * split) closed after each session
     * @param purposeSplit shared purpose lost per point of split (spread of the members' alliance)
     */
    public record Contagion(
            @Doc(value = "fraction of the gap to the other members' mean closed after each session", min = 0, max = 1) double rate,
            @Doc(value = "fraction of the gap between shared purpose and (mean alliance - purposeSplit * split) closed after each session", min = 0, max = 1) double purposeRate,
            @Doc(value = "shared purpose lost per point of split (spread of the members' alliance)", min = 0, max = 3) double purposeSplit) {
        /** Defaults. */
        public static Contagion defaults() {
            return new Contagion(/* rate */ 0.15, /* purposeRate */ 0.15, /* purposeSplit */ 0.5);
        }

        /** Validates ranges. */
        public Contagion {
            Bounds.checkAll(Contagion.class, rate, purposeRate, purposeSplit);
        }
    }

    /**
     * Attendance: a discrete-time dropout hazard before each session after the first, no-shows,
     * clinic cancellations and the weekly rhythm. The decision reads the family's state only:
     * logit(h) = intercept + b - L - purpose * P + split * spread + waitPerMonth * wait / 30,
     * with L the alliance's term, which the attendance rule owns with its coefficients
     * ({@link Rules.Attendance}: alliance * A under the default level rule), A the decision-weighted alliance, P the shared sense of purpose and b the family's own
     * practical barriers (drawn at intake, sd {@code barrierSd}). No situation
     * (referral, therapist, setting, rupture) has a term of its own: each reaches dropout through
     * these states.
     *
     * @param intercept logit of the hazard for a family at alliance 0 and purpose 0, with average
     *     practical barriers
     * @param barrierSd between-family sd of practical barriers (distance, schedules, costs) on the
     *     hazard's log-odds; a family's barrier is drawn at intake and does not change
     * @param purpose hazard log-odds per point of shared sense of purpose (lower purpose, higher
     *     hazard)
     * @param split per point of spread (max - min member alliance)
     * @param waitPerMonth per 30 days waited before the first session
     * @param noShowBase probability of a no-show
     * @param noShowLowAlliance probability of a no-show for low alliance, at decision-weighted
     *     alliance -3 (linear from alliance 0), combined with the base as independent causes
     * @param maxConsecutiveNoShows this many no-shows in a row end the course as dropout
     * @param cancellation probability that the clinic cancels a session (rescheduled a week
     *     later; no hazard)
     * @param intervalDays days between sessions
     * @param jitterSd sd of the session day around the interval, days
     */
    public record Attendance(
            @Doc(value = "logit of the hazard for a family at alliance 0 and purpose 0, with average practical barriers", min = -10, max = 5) double intercept,
            @Doc(value = "between-family sd of practical barriers (distance, schedules, costs) on the hazard's log-odds; a family's barrier is drawn at intake and does not change", min = 0, max = 5) double barrierSd,
            @Doc(value = "hazard log-odds per point of shared sense of purpose (lower purpose, higher hazard)", min = 0, max = 5) double purpose,
            @Doc(value = "per point of spread (max - min member alliance)", min = 0, max = 5) double split,
            @Doc(value = "per 30 days waited before the first session", min = 0, max = 5) double waitPerMonth,
            @Doc(value = "probability of a no-show", min = 0, max = 1) double noShowBase,
            @Doc(value = "probability of a no-show for low alliance, at decision-weighted alliance -3 (linear from alliance 0), combined with the base as independent causes", min = 0, max = 1) double noShowLowAlliance,
            @Doc(value = "this many no-shows in a row end the course as dropout", min = 1, max = 20) int maxConsecutiveNoShows,
            @Doc(value = "probability that the clinic cancels a session (rescheduled a week later; no hazard)", min = 0, max = 1) double cancellation,
            @Doc(value = "days between sessions", min = 0, exclusiveMin = true, max = 365) double intervalDays,
            @Doc(value = "sd of the session day around the interval, days", min = 0, max = 30) double jitterSd) {
        /** Defaults. */
        public static Attendance defaults() {
            return new Attendance(
                    /* intercept */ -3.911,
                    /* barrierSd */ 3.857,
                    /* purpose */ 0.4539,
                    /* split */ 0.3,
                    /* waitPerMonth */ 0.15,
                    /* noShowBase */ 0.05,
                    /* noShowLowAlliance */ 0.08,
                    /* maxConsecutiveNoShows */ 3,
                    /* cancellation */ 0.04,
                    /* intervalDays */ 7.0,
                    /* jitterSd */ 1.0);
        }

        /** Validates ranges. */
        public Attendance {
            Bounds.checkAll(Attendance.class, intercept, barrierSd, purpose, split, waitPerMonth, noShowBase,
                    noShowLowAlliance, maxConsecutiveNoShows, cancellation, intervalDays, jitterSd);
        }
    }

    /**
     * Therapeutic progress and completion. Improvement is in units of the reliable-change
     * threshold's scale (1.0 = reliable improvement by default).
     *
     * @param workEfficiency improvement per unit of productive (held) discomfort
     * @param supportProgress improvement per session from support alone, per unit of support
     * @param purposeGain progress multiplied by 1 + purposeGain * P / 3
     * @param identifiedPatientWeight extra weight of the identified patient's work in the
     *     family's progress
     * @param reliableChange improvement that counts as reliable
     * @param goalMean mean improvement at which a family judges itself "good enough" and leaves
     *     (Barkham et al. 2006)
     * @param goalSd between-family sd of the goal
     * @param goalMin smallest goal: some families feel good enough before reliable change
     * @param responsivenessSd sd of log family responsiveness (a multiplier on progress)
     */
    public record Outcome(
            @Doc(value = "improvement per unit of productive (held) discomfort", min = 0, max = 5) double workEfficiency,
            @Doc(value = "improvement per session from support alone, per unit of support", min = 0, max = 5) double supportProgress,
            @Doc(value = "progress multiplied by 1 + purposeGain * P / 3", min = 0, max = 1) double purposeGain,
            @Doc(value = "extra weight of the identified patient's work in the family's progress", min = 0, max = 10) double identifiedPatientWeight,
            @Doc(value = "improvement that counts as reliable", min = 0, exclusiveMin = true, max = 100) double reliableChange,
            @Doc(value = "mean improvement at which a family judges itself \"good enough\" and leaves (Barkham et al. 2006), (0, 100]", min = 0, exclusiveMin = true, max = 100) double goalMean,
            @Doc(value = "between-family sd of the goal", min = 0, max = 50) double goalSd,
            @Doc(value = "smallest goal: some families feel good enough before reliable change", min = 0, exclusiveMin = true, max = 100) double goalMin,
            @Doc(value = "sd of log family responsiveness (a multiplier on progress)", min = 0, max = 3) double responsivenessSd) {
        /** Defaults. */
        public static Outcome defaults() {
            return new Outcome(
                    /* workEfficiency */ 0.1371,
                    /* supportProgress */ 0.05,
                    /* purposeGain */ 0.3,
                    /* identifiedPatientWeight */ 1.0,
                    /* reliableChange */ 1.0,
                    /* goalMean */ 1.189,
                    /* goalSd */ 0.5,
                    /* goalMin */ 0.4,
                    /* responsivenessSd */ 0.5196);
        }

        /** Validates ranges. */
        public Outcome {
            Bounds.checkAll(Outcome.class, workEfficiency, supportProgress, purposeGain, identifiedPatientWeight,
                    reliableChange, goalMean, goalSd, goalMin, responsivenessSd);
        }
    }

    /**
     * What individual therapists differ in, beyond their type's qualities (docs/model.md, 3.0):
     * two skills, each a standard normal per therapist, with a correlation between them.
     * The <b>retention skill</b> z_R is what keeps a family coming. It acts through two channels,
     * each with its own parameter: the therapist's engagement work on the practical side of
     * attending (flexible appointments, following up a missed session, drawing in the members who
     * decide: Szapocznik et al. 1988; McKay et al. 1998) lowers the family's practical barriers by
     * {@code engagementSd} z_R on the hazard's log-odds; and the relational qualities (warmth,
     * empathy, genuineness, consistency, repair skill) move together by {@code retentionSd} z_R (in
     * quality units, on the logit scale like the type's spread). The <b>outcome skill</b>
     * z_O = correlation z_R + sqrt(1 - correlation^2) z' (productive challenge, focus: how much of
     * the discomfort a family holds becomes change) multiplies the progress a unit of work makes by
     * exp(outcomeSd z_O). Saxon, Barkham, Foster and Parry 2017 found therapists' dropout and
     * deterioration rates nearly independent (Spearman rho about 0.07): two distinct skills.
     *
     * @param retentionSd sd of the retention skill's shift of every relational quality
     * @param engagementSd sd among therapists of the log-odds their engagement work takes off a
     *     family's practical barriers
     * @param outcomeSd sd of the log of the outcome skill's multiplier on work's progress
     * @param correlation correlation between a therapist's retention and outcome skills
     */
    public record Skills(
            @Doc(value = "sd of the retention skill's shift of a therapist's warmth, empathy, genuineness, consistency and repair skill, together, by retentionSd * z_R (quality units, logit-normal like the type's spread; 0: no common shift)", min = 0, max = 0.5) double retentionSd,
            @Doc(value = "sd among therapists of the log-odds the retention skill's engagement work takes off a family's practical barriers to attending, engagementSd * z_R (0: every therapist leaves the barriers as they are)", min = 0, max = 3) double engagementSd,
            @Doc(value = "sd of the log of a therapist's outcome skill, a multiplier exp(outcomeSd * z_O) on the progress each unit of held discomfort makes (0: every therapist turns work into change alike)", min = 0, max = 2) double outcomeSd,
            @Doc(value = "correlation of a therapist's retention and outcome skills: z_O = correlation * z_R + sqrt(1 - correlation^2) * z'", min = -1, max = 1) double correlation) {
        /** Defaults. */
        public static Skills defaults() {
            return new Skills(
                    /* retentionSd */ 0.0,
                    /* engagementSd */ 1.8,
                    /* outcomeSd */ 0.3,
                    /* correlation */ 0.0);
        }

        /** Validates ranges. */
        public Skills {
            Bounds.checkAll(Skills.class, retentionSd, engagementSd, outcomeSd, correlation);
        }
    }
}
