package org.alliancesim.measurement;

import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * SOFTA-o observer ratings (Friedlander, Escudero and Heatherington 2006): trained raters watch a
 * session and rate each member's engagement, emotional connection and safety, and the family's
 * shared sense of purpose, in whole points from -3 to +3.
 *
 * <p>A rating is the latent value plus the rater's leniency (a constant per rater and replication)
 * plus independent error, clamped to -3..+3 and rounded to a whole point. Each dimension's
 * reliability is the single rater's inter-rater ICC (leniency aside) at the reference distribution
 * of the latent values: the error sd is solved so that whole-point ratings have exactly that
 * correlation ({@link WholePointReliability}, docs/measurement.md). Defaults: the inter-judge ICCs
 * of the SOFTA-o manual (about .89 engagement, .88 connection, .74 safety, .95 shared purpose).
 *
 * <p>An instrument ({@link MeasuringInstrument}), given after the sessions of
 * {@link Schedule#softaOSessions}. Draws: rater {@code j}'s leniency from (replication, j,
 * "measure-rater-leniency") once per replication; per family from (replication, family,
 * "measure-softa-o"), per rated session: per member in order, per dimension (engagement,
 * connection, safety), {@link #MAX_RATERS} normals, then the same for shared purpose, so that adding
 * a rater leaves the others' ratings unchanged.
 *
 * @param raters raters who rate each scheduled session independently, 1 to {@link #MAX_RATERS}
 * @param engagement reliability of one rater's engagement rating, in (0, 1]
 * @param connection reliability of one rater's emotional connection rating, in (0, 1]
 * @param safety reliability of one rater's safety rating, in (0, 1]
 * @param sharedPurpose reliability of one rater's shared purpose rating, in (0, 1]
 * @param leniencySd standard deviation of the raters' leniency (SOFTA points), drawn once per
 *     rater and replication; 0 for raters without a rater effect
 */
public record ObserverRatings(
        @Doc(value = "raters who rate each scheduled session independently (default 2)", min = 1, max = 3) int raters,
        @Doc(value = "reliability (inter-rater ICC of one rater) of engagement ratings; default .89, the SOFTA-o manual's inter-judge ICC", min = 0, exclusiveMin = true, max = 1) double engagement,
        @Doc(value = "reliability of emotional connection ratings; default .88 (SOFTA-o manual)", min = 0, exclusiveMin = true, max = 1) double connection,
        @Doc(value = "reliability of safety ratings; default .74 (SOFTA-o manual)", min = 0, exclusiveMin = true, max = 1) double safety,
        @Doc(value = "reliability of shared purpose ratings; default .95 (SOFTA-o manual)", min = 0, exclusiveMin = true, max = 1) double sharedPurpose,
        @Doc(value = "sd of each rater's leniency in SOFTA points, a constant per rater and replication; it lowers agreement below the configured reliabilities (default 0: the defaults reproduce the manual's ICCs)", min = 0, max = 3) double leniencySd)
        implements MeasuringInstrument {

    /** Most raters a session can have. */
    public static final int MAX_RATERS = 3;
    private static final long SOFTA_O = RandomStreams.purposeCode("measure-softa-o");
    private static final long LENIENCY = RandomStreams.purposeCode("measure-rater-leniency");
    private static final Dimension[] DIMENSIONS = Dimension.values();

    /** Validates the bounds of every field. */
    public ObserverRatings {
        Bounds.checkAll(ObserverRatings.class, raters, engagement, connection, safety, sharedPurpose, leniencySd);
    }

    /** Two raters, the manual's ICCs, no leniency. */
    public static ObserverRatings defaults() {
        return new ObserverRatings(2, 0.89, 0.88, 0.74, 0.95, 0);
    }

    /** The reliability of {@code dimension}. */
    public double reliability(Dimension dimension) {
        return switch (dimension) {
            case ENGAGEMENT -> engagement;
            case CONNECTION -> connection;
            case SAFETY -> safety;
            case SHARED_PURPOSE -> sharedPurpose;
        };
    }

    @Override
    public Instrument instrument() {
        return Instrument.SOFTA_O;
    }

    @Override
    public int lastSession(MeasurementSpec spec) {
        return Schedule.last(spec.schedule().softaOSessions());
    }

    @Override
    public boolean givenAfter(int session, MeasurementSpec spec) {
        return spec.schedule().softaOSessions().contains(session);
    }

    @Override
    public Administration administration(MeasurementSpec spec) {
        double[] errorSd = new double[DIMENSIONS.length];
        for (Dimension d : DIMENSIONS) {
            errorSd[d.ordinal()] = WholePointReliability.solved(d, false, reliability(d));
        }
        return new Raters(this, spec.schedule(), errorSd);
    }

    /** The raters ready to rate: each dimension's error sd solved for its reliability. */
    static final class Raters implements Administration {
        private final ObserverRatings settings;
        private final Schedule schedule;
        private final double[] errorSd;

        Raters(ObserverRatings settings, Schedule schedule, double[] errorSd) {
            this.settings = settings;
            this.schedule = schedule;
            this.errorSd = errorSd;
        }

        /** The sd of one rater's error on {@code d} before rounding (SOFTA points). */
        double errorSd(Dimension d) {
            return errorSd[d.ordinal()];
        }

        @Override
        public Rating replication(RandomStreams streams, int replication) {
            double[] leniency = new double[MAX_RATERS];
            for (int j = 0; j < leniency.length; j++) {
                leniency[j] = settings.leniencySd()
                        * ZigguratSampler.NormalizedGaussian.of(streams.stream(replication, j, LENIENCY)).sample();
            }
            return new Rating(this, leniency);
        }
    }

    /** One replication's raters, with their leniencies. */
    static final class Rating implements ReplicationScoring {
        private final Raters raters;
        private final double[] leniency;

        Rating(Raters raters, double[] leniency) {
            this.raters = raters;
            this.leniency = leniency;
        }

        /** Rater {@code j}'s leniency in this replication (SOFTA points). */
        double leniency(int j) {
            return leniency[j];
        }

        @Override
        public FamilyScoring family(Scores scores) {
            NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(scores.stream(SOFTA_O));
            return new FamilyScoring() {
                @Override
                public void afterSession(SessionRecord s) {
                    if (raters.schedule.softaOSessions().contains(s.session())) {
                        rate(scores, s, normal);
                    }
                }
            };
        }

        /** Every rater's rating of each member's three dimensions and of shared purpose, and their consensus. */
        private void rate(Scores scores, SessionRecord s, NormalizedGaussianSampler normal) {
            for (MemberSession m : s.members()) {
                rateOne(scores, s.session(), m.memberId(), m.role(), Dimension.ENGAGEMENT, m.engagement(), normal);
                rateOne(scores, s.session(), m.memberId(), m.role(), Dimension.CONNECTION, m.connection(), normal);
                rateOne(scores, s.session(), m.memberId(), m.role(), Dimension.SAFETY, m.safety(), normal);
            }
            rateOne(scores, s.session(), Measure.NONE, null, Dimension.SHARED_PURPOSE, s.sharedPurpose(), normal);
        }

        private void rateOne(Scores scores, int session, int member, Role role, Dimension d, double truth,
                NormalizedGaussianSampler normal) {
            int n = raters.settings.raters();
            double sum = 0;
            for (int j = 0; j < MAX_RATERS; j++) {
                double z = normal.sample();
                if (j < n) {
                    double score = softaPoint(truth + leniency[j] + raters.errorSd[d.ordinal()] * z);
                    sum += score;
                    scores.member(session, member, role, Instrument.SOFTA_O, d.scale(), j + 1, score);
                }
            }
            scores.member(session, member, role, Instrument.SOFTA_O, d.scale(), Measure.NONE, consensus(sum / n));
        }
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
