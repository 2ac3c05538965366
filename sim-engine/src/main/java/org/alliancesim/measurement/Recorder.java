package org.alliancesim.measurement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Measures one replication as its records arrive ({@link Measurement#recorder}). Keeps the
 * scheduled sessions of families still in treatment, and measures a family when its course ends.
 * Not thread-safe: one per replication, called from the replication's thread.
 *
 * <p>Draw order per family (each instrument from its own stream): outcome, the baseline's truth,
 * then per administration one normal and one uniform (non-response), at baseline, after each
 * scheduled session, at the end (drawn for every family that started, used only for completers)
 * and at follow-up. SOFTA-o, per rated session: per member in order, per dimension (engagement,
 * connection, safety), {@link ObserverRatings#MAX_RATERS} normals, then the same for shared
 * purpose, so that adding a rater leaves the others' ratings unchanged. SOFTA-s, per session: per
 * member aged 12 and up, per dimension, per item, one normal and one uniform.
 */
public final class Recorder implements CourseListener {

    private static final long SOFTA_O = RandomStreams.purposeCode("measure-softa-o");
    private static final long SOFTA_S = RandomStreams.purposeCode("measure-softa-s");
    private static final long OUTCOME = RandomStreams.purposeCode("measure-outcome");
    private static final long LENIENCY = RandomStreams.purposeCode("measure-rater-leniency");
    /** A SOFTA-s subscale score needs at least this many of its items answered (75%). */
    static final int ITEMS_NEEDED = SelfReport.ITEMS_PER_SCALE - 1;
    private static final Dimension[] DIMENSIONS = Dimension.values();
    /** SOFTA -3..+3 onto the SOFTA-s's 1..5: 3 + (2/3) x. */
    private static final double ITEM_SLOPE = WholePointReliability.SOFTA_S_ITEM.slope();
    private static final double ITEM_MIDDLE = WholePointReliability.SOFTA_S_ITEM.offset();

    private final MeasurementSpec spec;
    private final RandomStreams streams;
    private final int replication;
    private final Measurement.Sink sink;
    private final double[] leniency = new double[ObserverRatings.MAX_RATERS];
    private final double[] raterErrorSd = new double[DIMENSIONS.length];
    private final double[] itemErrorSd = new double[DIMENSIONS.length];
    private final Map<Integer, List<SessionRecord>> pending = new HashMap<>();
    private final int keepUpTo;

    Recorder(Measurement measurement, RandomStreams streams, int replication, Measurement.Sink sink) {
        this.spec = measurement.spec();
        this.streams = streams;
        this.replication = replication;
        this.sink = sink;
        for (int j = 0; j < leniency.length; j++) {
            leniency[j] = spec.softaO().leniencySd()
                    * ZigguratSampler.NormalizedGaussian.of(streams.stream(replication, j, LENIENCY)).sample();
        }
        for (Dimension d : DIMENSIONS) {
            raterErrorSd[d.ordinal()] = measurement.raterErrorSd(d);
            itemErrorSd[d.ordinal()] = measurement.itemErrorSd(d);
        }
        Schedule s = spec.schedule();
        int last = Math.max(s.softaOSessions().isEmpty() ? 0 : s.softaOSessions().get(s.softaOSessions().size() - 1),
                s.softaSSessions().isEmpty() ? 0 : s.softaSSessions().get(s.softaSSessions().size() - 1));
        keepUpTo = s.outcomeEvery() > 0 ? Integer.MAX_VALUE : last;
    }

    /** The last session this recorder measures anything after (its schedule's last, or every one with the outcome in treatment). */
    @Override
    public int sessionsWanted() {
        return keepUpTo;
    }

    /** Rater {@code j}'s leniency in this replication (SOFTA points). */
    double leniency(int j) {
        return leniency[j];
    }

    @Override
    public void sessionAttended(SessionRecord s) {
        int t = s.session();
        Schedule sc = spec.schedule();
        if (t <= keepUpTo && (sc.outcomeAfter(t) || sc.softaOSessions().contains(t) || sc.softaSSessions().contains(t))) {
            pending.computeIfAbsent(s.familyId(), k -> new ArrayList<>()).add(s);
        }
    }

    @Override
    public void courseEnded(CourseRecord c) {
        List<SessionRecord> sessions = pending.remove(c.familyId());
        List<Measure> out = new ArrayList<>();
        int attended = c.sessionsAttended();
        double baseline = Double.NaN;
        double end = Double.NaN;
        if (attended > 0) {
            OutcomeMeasure om = spec.outcome();
            UniformRandomProvider outRng = streams.stream(replication, c.familyId(), OUTCOME);
            NormalizedGaussianSampler outNormal = ZigguratSampler.NormalizedGaussian.of(outRng);
            UniformRandomProvider oRng = streams.stream(replication, c.familyId(), SOFTA_O);
            NormalizedGaussianSampler oNormal = ZigguratSampler.NormalizedGaussian.of(oRng);
            // The SOFTA-s stream only when the schedule has self-reports (keyed streams: no other draw moves).
            boolean selfReports = !spec.schedule().softaSSessions().isEmpty();
            UniformRandomProvider sRng = selfReports ? streams.stream(replication, c.familyId(), SOFTA_S) : null;
            NormalizedGaussianSampler sNormal = selfReports ? ZigguratSampler.NormalizedGaussian.of(sRng) : null;
            baseline = om.baselineMean() + Math.sqrt(om.reliability()) * om.baselineSd() * outNormal.sample();
            double observedBaseline = administer(baseline, outRng, outNormal, spec.nonresponse());
            out.add(family(c, 0, Instrument.OUTCOME, "baseline", observedBaseline));
            Schedule sc = spec.schedule();
            for (SessionRecord s : sessions == null ? List.<SessionRecord>of() : sessions) {
                int t = s.session();
                if (sc.softaOSessions().contains(t)) {
                    rate(c, s, oNormal, out);
                }
                if (sc.softaSSessions().contains(t)) {
                    selfReport(c, s, sRng, sNormal, out);
                }
                if (sc.outcomeAfter(t) && !(c.endReason().isCompletion() && t == attended)) {
                    double truth = baseline - om.pointsPerImprovement() * s.improvement();
                    out.add(family(c, t, Instrument.OUTCOME, "session",
                            administer(truth, outRng, outNormal, spec.nonresponse())));
                }
            }
            end = baseline - om.pointsPerImprovement() * c.improvement();
            double observedEnd = administer(end, outRng, outNormal, spec.nonresponse());
            if (!c.endReason().isCompletion()) {
                observedEnd = Double.NaN; // no end-of-treatment measure after dropout or censoring
            }
            out.add(family(c, attended, Instrument.OUTCOME, "end", observedEnd));
            out.add(family(c, attended, Instrument.OUTCOME, "rci",
                    ReliableChange.index(observedBaseline, observedEnd, om.baselineSd(), om.reliability())));
            FollowUp fu = spec.followUp();
            if (fu.configured()) {
                double observedFollowUp = administer(end, outRng, outNormal, fu.nonresponse());
                out.add(family(c, Measure.NONE, Instrument.OUTCOME, "follow_up", observedFollowUp));
                out.add(family(c, Measure.NONE, Instrument.OUTCOME, "rci_follow_up",
                        ReliableChange.index(observedBaseline, observedFollowUp, om.baselineSd(), om.reliability())));
            }
        }
        FamilyTruth truth = new FamilyTruth(replication, c.familyId(), c.therapistId(), c.endReason(), attended,
                c.allianceFirst(), c.allianceThird(), c.improvement(), baseline, end);
        sink.family(truth, out);
    }

    /** One outcome administration: the truth plus error, or NaN with probability {@code missing}. */
    private double administer(double truth, UniformRandomProvider rng, NormalizedGaussianSampler normal,
            double missing) {
        OutcomeMeasure om = spec.outcome();
        double observed = truth + Math.sqrt(1 - om.reliability()) * om.baselineSd() * normal.sample();
        return rng.nextDouble() < missing ? Double.NaN : observed;
    }

    /** SOFTA-o: every rater's rating of each member's three dimensions and of shared purpose, and their consensus. */
    private void rate(CourseRecord c, SessionRecord s, NormalizedGaussianSampler normal, List<Measure> out) {
        for (MemberSession m : s.members()) {
            rateOne(c, s.session(), m.memberId(), m.role(), Dimension.ENGAGEMENT, m.engagement(), normal, out);
            rateOne(c, s.session(), m.memberId(), m.role(), Dimension.CONNECTION, m.connection(), normal, out);
            rateOne(c, s.session(), m.memberId(), m.role(), Dimension.SAFETY, m.safety(), normal, out);
        }
        rateOne(c, s.session(), Measure.NONE, null, Dimension.SHARED_PURPOSE, s.sharedPurpose(), normal, out);
    }

    private void rateOne(CourseRecord c, int session, int member, Role role, Dimension d, double truth,
            NormalizedGaussianSampler normal, List<Measure> out) {
        int raters = spec.softaO().raters();
        double sum = 0;
        for (int j = 0; j < ObserverRatings.MAX_RATERS; j++) {
            double z = normal.sample();
            if (j < raters) {
                double score = softaPoint(truth + leniency[j] + raterErrorSd[d.ordinal()] * z);
                sum += score;
                out.add(new Measure(replication, c.familyId(), c.therapistId(), member, role, session, Instrument.SOFTA_O,
                        d.scale(), j + 1, score));
            }
        }
        out.add(new Measure(replication, c.familyId(), c.therapistId(), member, role, session, Instrument.SOFTA_O,
                d.scale(), Measure.NONE, consensus(sum / raters)));
    }

    /** SOFTA-s: each member aged 12 and up answers every item; subscale scores follow. */
    private void selfReport(CourseRecord c, SessionRecord s, UniformRandomProvider rng, NormalizedGaussianSampler normal,
            List<Measure> out) {
        for (MemberSession m : s.members()) {
            if (m.role() == Role.CHILD) {
                continue;
            }
            for (Dimension d : DIMENSIONS) {
                double truth = switch (d) {
                    case ENGAGEMENT -> m.engagement();
                    case CONNECTION -> m.connection();
                    case SAFETY -> m.safety();
                    case SHARED_PURPOSE -> s.sharedPurpose();
                };
                double sum = 0;
                int answered = 0;
                for (int i = 1; i <= SelfReport.ITEMS_PER_SCALE; i++) {
                    double x = ITEM_MIDDLE + ITEM_SLOPE * truth + itemErrorSd[d.ordinal()] * normal.sample();
                    double item = Math.max(SelfReport.LOWEST, Math.min(SelfReport.HIGHEST, Math.rint(x)));
                    if (rng.nextDouble() < spec.nonresponse()) {
                        item = Double.NaN;
                    } else {
                        sum += item;
                        answered++;
                    }
                    out.add(new Measure(replication, c.familyId(), c.therapistId(), m.memberId(), m.role(), s.session(),
                            Instrument.SOFTA_S, d.scale() + "_" + i, Measure.NONE, item));
                }
                out.add(new Measure(replication, c.familyId(), c.therapistId(), m.memberId(), m.role(), s.session(),
                        Instrument.SOFTA_S, d.scale(), Measure.NONE, subscale(sum, answered)));
            }
        }
    }

    private Measure family(CourseRecord c, int session, Instrument instrument, String scale, double score) {
        return new Measure(replication, c.familyId(), c.therapistId(), Measure.NONE, null, session, instrument, scale,
                Measure.NONE, score);
    }

    /**
     * A subscale's score: the sum of its items, prorated (the mean of the answered items times the
     * number of items) when one is missing; missing when fewer than {@link #ITEMS_NEEDED} are answered.
     */
    static double subscale(double sum, int answered) {
        return answered < ITEMS_NEEDED ? Double.NaN : sum / answered * SelfReport.ITEMS_PER_SCALE;
    }

    /** A rating on the SOFTA scale: clamped to -3..+3 and rounded to a whole point. */
    static double softaPoint(double x) {
        return Math.max(-3, Math.min(3, Math.rint(x))) + 0.0;
    }

    /**
     * The raters' consensus score: their mean rounded to the nearest whole point, halves away from
     * zero. The SOFTA-o manual has raters who disagree discuss the session until they agree; the
     * rounded mean stands in for that discussion (docs/measurement.md).
     */
    static double consensus(double mean) {
        return Math.signum(mean) * Math.floor(Math.abs(mean) + 0.5) + 0.0; // + 0.0: no negative zero
    }
}
