package org.alliancesim.measurement;

import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * SOFTA-s self-report: each member aged about 12 and up (every role but
 * {@link org.alliancesim.model.Role#CHILD}) answers {@link #ITEMS_PER_SCALE} items per dimension
 * on a 5-point scale (1 to 5), as the SOFTA-s's 16 items do. The items of a subscale are parallel:
 * each is {@code 3 + (2/3) x} (the latent -3..+3 value mapped onto 1..5) plus independent error,
 * clamped to 1..5 and rounded. The error sd is solved so that the rounded items' correlation is the
 * item reliability {@link #itemReliability} and so the subscale's Cronbach's alpha equals the
 * configured value at the reference distribution of the respondents' latent values
 * ({@link WholePointReliability}, docs/measurement.md).
 *
 * <p>An instrument ({@link MeasuringInstrument}), given after the sessions of
 * {@link Schedule#softaSSessions}; each answer is missing with the probability
 * {@link MeasurementSpec#nonresponse}. Draws, per family from (replication, family,
 * "measure-softa-s") (made only when the schedule has self-reports), per session: per member aged
 * 12 and up, per dimension, per item, one normal and one uniform (non-response).
 *
 * @param engagement Cronbach's alpha of the engagement subscale, in (0, 1]
 * @param connection alpha of the emotional connection subscale, in (0, 1]
 * @param safety alpha of the safety subscale, in (0, 1]
 * @param sharedPurpose alpha of the shared purpose subscale, in (0, 1]
 */
public record SelfReport(
        @Doc(value = "Cronbach's alpha of the engagement subscale (default .80, an assumption of the order reported for SOFTA-s subscales)", min = 0, exclusiveMin = true, max = 1) double engagement,
        @Doc(value = "Cronbach's alpha of the emotional connection subscale (default .80)", min = 0, exclusiveMin = true, max = 1) double connection,
        @Doc(value = "Cronbach's alpha of the safety subscale (default .80)", min = 0, exclusiveMin = true, max = 1) double safety,
        @Doc(value = "Cronbach's alpha of the shared purpose subscale (default .80)", min = 0, exclusiveMin = true, max = 1) double sharedPurpose)
        implements MeasuringInstrument {

    /** Items per subscale: the SOFTA-s has 16 items, 4 per dimension. */
    public static final int ITEMS_PER_SCALE = 4;
    /** Lowest and highest answer of an item. */
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
    /** A subscale score needs at least this many of its items answered (75%). */
    static final int ITEMS_NEEDED = ITEMS_PER_SCALE - 1;
    private static final long SOFTA_S = RandomStreams.purposeCode("measure-softa-s");
    private static final Dimension[] DIMENSIONS = Dimension.values();
    /** SOFTA -3..+3 onto the SOFTA-s's 1..5: 3 + (2/3) x. */
    private static final double ITEM_SLOPE = WholePointReliability.SOFTA_S_ITEM.slope();
    private static final double ITEM_MIDDLE = WholePointReliability.SOFTA_S_ITEM.offset();

    /** Validates the bounds of every field. */
    public SelfReport {
        Bounds.checkAll(SelfReport.class, engagement, connection, safety, sharedPurpose);
    }

    /** Alpha .80 for every subscale. */
    public static SelfReport defaults() {
        return new SelfReport(0.8, 0.8, 0.8, 0.8);
    }

    /** The configured alpha of {@code dimension}'s subscale. */
    public double alpha(Dimension dimension) {
        return switch (dimension) {
            case ENGAGEMENT -> engagement;
            case CONNECTION -> connection;
            case SAFETY -> safety;
            case SHARED_PURPOSE -> sharedPurpose;
        };
    }

    /**
     * The reliability of one item of a subscale of {@code k} parallel items with alpha
     * {@code alpha}: the Spearman-Brown formula solved for one item,
     * {@code rho = alpha / (k - (k - 1) alpha)}.
     */
    public static double itemReliability(double alpha, int k) {
        return alpha / (k - (k - 1) * alpha);
    }

    @Override
    public Instrument instrument() {
        return Instrument.SOFTA_S;
    }

    @Override
    public int lastSession(MeasurementSpec spec) {
        return Schedule.last(spec.schedule().softaSSessions());
    }

    @Override
    public boolean givenAfter(int session, MeasurementSpec spec) {
        return spec.schedule().softaSSessions().contains(session);
    }

    @Override
    public Administration administration(MeasurementSpec spec) {
        double[] errorSd = new double[DIMENSIONS.length];
        for (Dimension d : DIMENSIONS) {
            errorSd[d.ordinal()] = WholePointReliability.solved(d, true, itemReliability(alpha(d), ITEMS_PER_SCALE));
        }
        return new Items(spec.schedule(), spec.nonresponse(), errorSd);
    }

    /** The items ready to be answered: each subscale's item error sd solved for its alpha. */
    static final class Items implements Administration, ReplicationScoring {
        private final Schedule schedule;
        private final double nonresponse;
        private final double[] errorSd;

        Items(Schedule schedule, double nonresponse, double[] errorSd) {
            this.schedule = schedule;
            this.nonresponse = nonresponse;
            this.errorSd = errorSd;
        }

        /** The sd of one item's error on {@code d}'s subscale before rounding (item points). */
        double errorSd(Dimension d) {
            return errorSd[d.ordinal()];
        }

        @Override
        public ReplicationScoring replication(RandomStreams streams, int replication) {
            return this; // nothing drawn per replication
        }

        @Override
        public FamilyScoring family(Scores scores) {
            if (schedule.softaSSessions().isEmpty()) {
                return new FamilyScoring() {}; // no stream made (keyed streams: no other draw moves)
            }
            UniformRandomProvider rng = scores.stream(SOFTA_S);
            NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
            return new FamilyScoring() {
                @Override
                public void afterSession(SessionRecord s) {
                    if (schedule.softaSSessions().contains(s.session())) {
                        answer(scores, s, rng, normal);
                    }
                }
            };
        }

        /** Each member aged 12 and up answers every item; subscale scores follow. */
        private void answer(Scores scores, SessionRecord s, UniformRandomProvider rng, NormalizedGaussianSampler normal) {
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
                    for (int i = 1; i <= ITEMS_PER_SCALE; i++) {
                        double x = ITEM_MIDDLE + ITEM_SLOPE * truth + errorSd[d.ordinal()] * normal.sample();
                        double item = Math.max(LOWEST, Math.min(HIGHEST, Math.rint(x)));
                        if (rng.nextDouble() < nonresponse) {
                            item = Double.NaN;
                        } else {
                            sum += item;
                            answered++;
                        }
                        scores.member(s.session(), m.memberId(), m.role(), Instrument.SOFTA_S, d.scale() + "_" + i,
                                Measure.NONE, item);
                    }
                    scores.member(s.session(), m.memberId(), m.role(), Instrument.SOFTA_S, d.scale(), Measure.NONE,
                            subscale(sum, answered));
                }
            }
        }
    }

    /**
     * A subscale's score: the sum of its items, prorated (the mean of the answered items times the
     * number of items) when one is missing; missing when fewer than {@link #ITEMS_NEEDED} are answered.
     */
    static double subscale(double sum, int answered) {
        return answered < ITEMS_NEEDED ? Double.NaN : sum / answered * ITEMS_PER_SCALE;
    }
}
