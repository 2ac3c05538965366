package org.alliancesim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One attended session: the submodels of docs/model.md ("Submodels") applied in order to a
 * family. Stateless apart from the parameters and the rules chosen for the replication
 * ({@link TrustRule}, {@link RepairRule}, {@link ContagionRule}, built once from
 * {@link ModelParameters#rules()}); one instance serves a whole replication.
 *
 * <p>Random draws per session, all from the family's "session" stream, in this order: one
 * standard normal for the therapist's support; then for each member, in member order, one standard
 * normal for discomfort noise and, if the member ruptures, one uniform for the repair.
 *
 * <p>Every path from a situation to the family's later choices runs through state changed here:
 * the members' alliance dimensions, the family's conflict and shared purpose, and the therapist's
 * learned challenge for each member (docs/model.md, causal diagram).
 */
final class Session {

    /** Support at which a member experiences a neutral bond (the middle of the 0..1 scale). */
    private static final double NEUTRAL_SUPPORT = 0.5;

    private final Dynamics.Climate climate;
    private final Dynamics.Trust trust;
    private final Dynamics.Rupture ruptureParams;
    private final Dynamics.Contagion contagion;
    private final Dynamics.Outcome outcome;
    private final Dynamics.Start start;
    // The rules, chosen once per replication (docs/model.md, "Rules").
    private final TrustRule trustRule;
    private final RepairRule repairRule;
    private final ContagionRule contagionRule;
    /** Novelty at first exposure of the whole setting, before preparation. */
    private final double noveltyAtFirst;
    private final int exposureOffset;

    // The session just run, read by record(); one session at a time.
    private double lastChallenge;
    private double lastNovelty;
    private double lastSupport;
    private final double[] discomfort = new double[FamilyType.MAX_SIZE];
    private final double[] capacity = new double[FamilyType.MAX_SIZE];
    private final double[] before = new double[FamilyType.MAX_SIZE];
    private final boolean[] rupture = new boolean[FamilyType.MAX_SIZE];
    private final boolean[] repaired = new boolean[FamilyType.MAX_SIZE];

    Session(ModelParameters p) {
        Dynamics d = p.dynamics();
        this.climate = d.climate();
        this.trust = d.trust();
        this.ruptureParams = d.rupture();
        this.contagion = d.contagion();
        this.outcome = d.outcome();
        this.start = d.start();
        Rules r = p.rules();
        this.trustRule = TrustRule.of(r.trustUpdate());
        this.repairRule = RepairRule.of(r.repair());
        this.contagionRule = ContagionRule.of(r.contagion(), contagion);
        Setting s = p.setting();
        this.noveltyAtFirst = (s.reflectingTeam() ? climate.noveltyReflectingTeam() : 0)
                + (s.oneWayMirror() ? climate.noveltyMirror() : 0)
                + (s.cameras() ? climate.noveltyCameras() : 0);
        // An orientation visit is a first exposure: habituation starts one session earlier.
        this.exposureOffset = s.orientationSession() ? 1 : 0;
    }

    /** Runs session {@code t} (from 1) of family {@code f} and updates its state. */
    void run(Family f, int t) {
        run(f, t, null);
    }

    /**
     * Runs session {@code t} of family {@code f} with the therapist's decisions {@code choice} in
     * place of the policy's ({@link CourseStepper}); null: the policy's, as {@link #run(Family, int)}.
     * The same draws in the same order either way.
     */
    void run(Family f, int t, SessionChoice choice) {
        Therapist th = f.therapist;
        Member[] ms = f.members;
        int n = ms.length;

        // Support (Rogers; Bordin's bond): the therapist's warmth, empathy and genuineness, varying
        // from session to session as consistency falls. A novice loses support facing conflict
        // (LITERATURE.md situation 4: meeting a noisy family is itself a challenge for a beginner).
        double support = (choice == null ? th.support : choice.support())
                + (1 - th.consistency) * trust.supportNoiseSd() * f.sessionNormal.sample();
        if (th.novice) {
            support *= 1 - trust.noviceConflictPenalty() * f.conflict;
        }
        support = clamp01(support);

        double challenge = choice == null ? challenge(th.type, f, t) : choice.challenge();
        double novelty = novelty(f, t);
        // Family conflict is felt by everyone; the identified patient bears more of it (their
        // deviance signals family dysfunction, LITERATURE.md situation 3), and a novice contains
        // it less well (situation 4). It is the family's conflict now, which work lowers.
        double conflictDiscomfort = climate.conflictWeight() * f.conflict
                * (th.novice ? 1 + climate.noviceConflictAmplification() : 1);

        double workSum = 0;
        double weightSum = 0;
        double tilt = (1 - th.balance) * trust.imbalance();
        double ipBlame = 1 + climate.identifiedPatientBlame();
        double noiseSd = climate.discomfortSd();
        double safetyShare = ruptureParams.holdSafetyShare();
        for (int i = 0; i < n; i++) {
            Member m = ms[i];
            before[i] = m.composite();
            double memberChallenge = (choice == null ? challenge : challenge * choice.weight(i))
                    * m.sensitivity * m.challengeScale;
            double disc = memberChallenge
                    + conflictDiscomfort * (m.identifiedPatient ? ipBlame : 1)
                    + novelty
                    + noiseSd * f.sessionNormal.sample();
            if (disc < 0) {
                disc = 0;
            }
            // What the alliance can hold: tolerance plus safety-weighted alliance.
            double cap = m.tolerance + ruptureParams.holdPerAlliance() * m.holding(safetyShare);
            // Novelty unsettles but is not therapeutic work.
            double productive = Math.max(0, disc - novelty);

            // The session as experienced when it is held: each dimension moves with the session's
            // experience by the trust rule (by default it relaxes toward it, T += g (E - T), with g
            // larger downward: trust is lost faster than it is gained; Slovic 1993; biased trust
            // dynamics, Hoogendoorn, Jaffry, van Maanen and Treur).
            double memberSupport = clamp01(support * (1 + tilt * m.side));
            double bond = trust.bondPerSupport() * (memberSupport - NEUTRAL_SUPPORT);
            double heldConnection = trustRule.held(m, m.connection, bond, disc);
            // A member whose trust has been tested and held (the tested-trust repair rule) pays less
            // safety for the same discomfort; resilience is 0 under every other rule.
            double heldSafety = trustRule.held(m, m.safety,
                    bond - trust.discomfortSafetyCost() * disc * (1 - m.resilience), disc);
            // Involuntary clients: engagement does not catch up (Sotero et al.).
            double heldEngagement = trustRule.held(m, m.engagement, bond + trust.workEngagementGain() * productive
                    - trust.noveltyEngagementCost() * novelty
                    - (f.involuntary ? start.involuntaryEngagementPenalty() : 0), disc);

            double work;
            boolean ruptured = disc > cap;
            boolean repairedNow = false;
            if (!ruptured) {
                // Within what the alliance can hold, discomfort becomes therapeutic work.
                work = productive;
                m.connection = heldConnection;
                m.safety = heldSafety;
                m.engagement = heldEngagement;
            } else {
                // Rupture (Safran, Muran and Eubanks-Carter 2011): no work, and no trust gained. The
                // chance of repair falls with how far the session went beyond what the member could
                // hold. Repair restores: each dimension ends at the lower of where it was and where
                // the held session would have taken it, so a repaired member is never better off
                // than without the rupture. An unrepaired rupture costs trust on top, safety most.
                // The chance of repair is the repair rule's (by default skill and overshoot).
                f.ruptures++;
                work = 0;
                double overshoot = disc - cap;
                double engagement = Math.min(m.engagement, heldEngagement);
                double connection = Math.min(m.connection, heldConnection);
                double safety = Math.min(m.safety, heldSafety);
                boolean restored = false;
                // The uniform is drawn whether or not repair is attempted (SessionChoice): later draws do not shift.
                if (f.sessionRng.nextDouble() < repairRule.chance(th, m, overshoot, f.responsiveness)
                        && (choice == null || choice.attemptRepair())) {
                    repairedNow = true;
                    f.repairs++;
                    // What a repair does is the repair rule's account (docs/model.md 3.9): by default
                    // it restores and the therapist learns; under selection only it does nothing.
                    restored = repairRule.restores();
                    work = repairRule.workShare() * productive;
                    repairRule.repaired(m);
                    // Resistance as information (LITERATURE.md situation 7): talking the rupture
                    // through tells the therapist how much challenge this member can hold, and the
                    // therapist scales it down toward that.
                    if (restored && memberChallenge > 0) {
                        double held = m.challengeScale * (1 - overshoot / memberChallenge);
                        m.challengeScale = Math.max(0,
                                m.challengeScale + ruptureParams.learning() * (held - m.challengeScale));
                    }
                }
                if (!restored) {
                    // A member whose trust has been tested and held (tested trust) loses less.
                    double exposed = 1 - m.resilience;
                    engagement -= ruptureParams.lossEngagement() * exposed;
                    connection -= ruptureParams.lossConnection() * exposed;
                    safety -= ruptureParams.lossSafety() * exposed;
                }
                m.engagement = Member.clamp(engagement);
                m.connection = Member.clamp(connection);
                m.safety = Member.clamp(safety);
            }
            trustRule.sessionEnded(m);
            double w = 1 + (m.identifiedPatient ? outcome.identifiedPatientWeight() : 0);
            workSum += w * work;
            weightSum += w;
            discomfort[i] = disc;
            capacity[i] = cap;
            rupture[i] = ruptured;
            repaired[i] = repairedNow;
        }

        // Contagion (Gottman, Murray et al. 2002; Pinsof's other-therapist alliance), by the
        // contagion rule: by default each member moves toward the other members' mean.
        contagionRule.influence(ms);
        f.trackSplit();
        // Shared purpose follows the family's alliance, pulled down by a split.
        f.purpose = Member.clamp(f.purpose
                + contagion.purposeRate() * (f.alliance - contagion.purposeSplit() * f.split - f.purpose));

        // Progress: work and support, scaled by shared purpose and the family's responsiveness,
        // less what novelty distracts; the therapist's outcome skill (focus) scales what work makes. Improvement follows from the mechanism, not from alliance.
        double familyWork = workSum / weightSum;
        double progress = f.responsiveness
                * ((outcome.workEfficiency() * familyWork) * th.focus * (1 + outcome.purposeGain() * f.purpose / Member.MAX_ALLIANCE)
                        * (novelty == 0 ? 1 : Math.exp(-climate.distraction() * novelty))
                        + outcome.supportProgress() * support);
        f.improvement += Math.max(0, progress);
        // Work on family patterns lowers the family's conflict.
        if (familyWork > 0) {
            f.conflict *= Math.exp(-climate.conflictResolution() * familyWork);
        }
        lastChallenge = challenge;
        lastNovelty = novelty;
        lastSupport = support;
    }

    /** The challenge of session {@code t} under the therapist's policy. */
    double challenge(TherapistType type, Family f, int t) {
        double base = type.challenge();
        switch (type.policy()) {
            case FIXED:
                return base;
            case ESCALATING:
                return Math.max(base, Math.min(climate.maxChallenge(), base + climate.escalationPerSession() * (t - 1)));
            case RESPONSIVE:
                double weakest = Double.POSITIVE_INFINITY;
                for (Member m : f.members) {
                    weakest = Math.min(weakest, m.composite());
                }
                double ease = (climate.responsiveThreshold() - weakest) / climate.responsiveRange();
                return base * (1 - climate.responsiveEase() * clamp01(ease));
            default:
                throw new IllegalStateException("unknown policy " + type.policy());
        }
    }

    /** The setting's novelty discomfort in session {@code t}: habituates, and preparation reduces it. */
    double novelty(Family f, int t) {
        if (noveltyAtFirst == 0) {
            return 0;
        }
        double v = noveltyAtFirst * Math.exp(-(t - 1 + exposureOffset) / climate.habituationSessions());
        return f.prepared ? v * (1 - climate.preparationEffect()) : v;
    }

    /** The detail record of the session just run (call before running another). */
    SessionRecord record(int replication, Family f, int t, double day) {
        List<MemberSession> list = new ArrayList<>(f.members.length);
        for (int i = 0; i < f.members.length; i++) {
            Member m = f.members[i];
            list.add(new MemberSession(m.id, m.role, m.identifiedPatient, m.engagement, m.connection, m.safety,
                    m.composite(), before[i], discomfort[i], capacity[i], rupture[i], repaired[i]));
        }
        return new SessionRecord(replication, f.id, t, day, lastChallenge, lastNovelty, lastSupport, f.conflict,
                f.purpose, f.split, f.gap, f.improvement, list);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
