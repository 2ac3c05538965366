package org.alliancesim.measurement;

import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.Doc;
import org.alliancesim.model.SessionRecord;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A family-functioning outcome questionnaire, scored so that higher means more difficulty (in the
 * manner of a total or mean item score such as the SCORE-15's). Its latent truth for a family is
 * {@code baseline - pointsPerImprovement * I}, where the baseline is drawn per family (normal, mean
 * {@link #baselineMean}, variance {@code reliability * baselineSd^2}) and {@code I} is the model's
 * accumulated improvement (docs/model.md: 1.0 is reliable change). An administration observes the
 * truth plus independent normal error of variance {@code (1 - reliability) * baselineSd^2}, so at
 * baseline the observed sd is {@link #baselineSd} and the reliability is exactly as configured.
 *
 * <p>An instrument ({@link MeasuringInstrument}): given at baseline (session 0), after every
 * {@link Schedule#outcomeEvery}-th session, at the end of treatment (completers only: the end score
 * of a family that dropped out or was still in treatment at the horizon is empty) with the reliable
 * change index, and at follow-up ({@link MeasurementSpec#followUp}) with its change index. It draws
 * the family's latent baseline ({@link Scores#functioning}). Draws, per family from (replication,
 * family, "measure-outcome"): the baseline's truth, then per administration one normal and one
 * uniform (non-response: {@link MeasurementSpec#nonresponse}, the follow-up's own at follow-up), at
 * baseline, after each scheduled session, at the end (drawn for every family that started, used
 * only for completers) and at follow-up.
 *
 * @param reliability r_xx, in (0, 1]: share of the baseline's observed variance that is true
 * @param baselineMean mean observed score at baseline in the clinical population (instrument points)
 * @param baselineSd sd of observed baseline scores (points, > 0); also SD_baseline of the reliable
 *     change index
 * @param pointsPerImprovement instrument points one unit of the model's improvement lowers the true
 *     score (> 0)
 */
public record OutcomeMeasure(
        @Doc(value = "reliability r_xx of the outcome score (default .85, an assumption of the order of family-functioning questionnaires' internal consistency)", min = 0, exclusiveMin = true, max = 1) double reliability,
        @Doc(value = "mean observed score at baseline, instrument points, higher = more difficulty (default 3.0, an assumption)", min = -1000, max = 1000) double baselineMean,
        @Doc(value = "sd of observed baseline scores, instrument points; SD_baseline of the reliable change index (default 0.7, an assumption)", min = 0, exclusiveMin = true, max = 1000) double baselineSd,
        @Doc(value = "instrument points one unit of the model's improvement lowers the true score (default 0.75: the reliable change threshold 1.96*sqrt(2)*0.7*sqrt(1-.85), so the model's reliable change is a reliable change on this instrument)", min = 0, exclusiveMin = true, max = 1000) double pointsPerImprovement)
        implements MeasuringInstrument {

    private static final long OUTCOME = RandomStreams.purposeCode("measure-outcome");

    /** Validates the bounds of every field. */
    public OutcomeMeasure {
        Bounds.checkAll(OutcomeMeasure.class, reliability, baselineMean, baselineSd, pointsPerImprovement);
    }

    /** Reliability .85, baseline 3.0 (sd 0.7), 0.75 points per unit of improvement. */
    public static OutcomeMeasure defaults() {
        return new OutcomeMeasure(0.85, 3.0, 0.7, 0.75);
    }

    /** The standard error of a difference of two scores, {@link ReliableChange#seDiff}. */
    public double seDiff() {
        return ReliableChange.seDiff(baselineSd, reliability);
    }

    @Override
    public Instrument instrument() {
        return Instrument.OUTCOME;
    }

    @Override
    public int lastSession(MeasurementSpec spec) {
        return spec.schedule().outcomeEvery() > 0 ? Integer.MAX_VALUE : 0;
    }

    @Override
    public boolean givenAfter(int session, MeasurementSpec spec) {
        return spec.schedule().outcomeAfter(session);
    }

    @Override
    public Administration administration(MeasurementSpec spec) {
        Schedule schedule = spec.schedule();
        double nonresponse = spec.nonresponse();
        FollowUp followUp = spec.followUp();
        return (streams, replication) -> scores -> new Administered(scores, schedule, nonresponse, followUp);
    }

    /** One family's administrations, from its baseline on. */
    private final class Administered implements FamilyScoring {
        private final Scores scores;
        private final Schedule schedule;
        private final double nonresponse;
        private final FollowUp followUp;
        private final UniformRandomProvider rng;
        private final NormalizedGaussianSampler normal;
        private final double baseline;
        private final double observedBaseline;

        Administered(Scores scores, Schedule schedule, double nonresponse, FollowUp followUp) {
            this.scores = scores;
            this.schedule = schedule;
            this.nonresponse = nonresponse;
            this.followUp = followUp;
            this.rng = scores.stream(OUTCOME);
            this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
            this.baseline = baselineMean + Math.sqrt(reliability) * baselineSd * normal.sample();
            this.observedBaseline = administer(baseline, nonresponse);
            scores.family(0, Instrument.OUTCOME, "baseline", observedBaseline);
        }

        @Override
        public void afterSession(SessionRecord s) {
            CourseRecord c = scores.course();
            int t = s.session();
            if (schedule.outcomeAfter(t) && !(c.endReason().isCompletion() && t == c.sessionsAttended())) {
                double truth = baseline - pointsPerImprovement * s.improvement();
                scores.family(t, Instrument.OUTCOME, "session", administer(truth, nonresponse));
            }
        }

        @Override
        public void end() {
            CourseRecord c = scores.course();
            int attended = c.sessionsAttended();
            double end = baseline - pointsPerImprovement * c.improvement();
            double observedEnd = administer(end, nonresponse);
            if (!c.endReason().isCompletion()) {
                observedEnd = Double.NaN; // no end-of-treatment measure after dropout or censoring
            }
            scores.family(attended, Instrument.OUTCOME, "end", observedEnd);
            scores.family(attended, Instrument.OUTCOME, "rci",
                    ReliableChange.index(observedBaseline, observedEnd, baselineSd, reliability));
            if (followUp.configured()) {
                double observedFollowUp = administer(end, followUp.nonresponse());
                scores.family(Measure.NONE, Instrument.OUTCOME, "follow_up", observedFollowUp);
                scores.family(Measure.NONE, Instrument.OUTCOME, "rci_follow_up",
                        ReliableChange.index(observedBaseline, observedFollowUp, baselineSd, reliability));
            }
            scores.functioning(baseline, end);
        }

        /** One administration: the truth plus error, or NaN with probability {@code missing}. */
        private double administer(double truth, double missing) {
            double observed = truth + Math.sqrt(1 - reliability) * baselineSd * normal.sample();
            return rng.nextDouble() < missing ? Double.NaN : observed;
        }
    }
}
