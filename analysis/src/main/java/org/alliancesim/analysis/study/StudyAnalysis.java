package org.alliancesim.analysis.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.alliancesim.analysis.stats.CohensD;
import org.alliancesim.analysis.stats.CronbachAlpha;
import org.alliancesim.analysis.stats.Estimate;
import org.alliancesim.analysis.stats.LogisticRegression;
import org.alliancesim.analysis.stats.RandomInterceptLinear;
import org.alliancesim.analysis.stats.RandomInterceptLogistic;
import org.alliancesim.analysis.stats.RaterIcc;
import org.alliancesim.analysis.stats.ResidualisedGain;
import org.alliancesim.measurement.Dimension;
import org.alliancesim.measurement.Instrument;
import org.alliancesim.measurement.Measure;
import org.alliancesim.measurement.MeasurementSpec;
import org.alliancesim.measurement.SelfReport;

/**
 * The analyses of a virtual study, as the papers run them on observed data, each beside the same
 * statistic on the latent values of the same families (docs/studies.md, "What it computes"):
 *
 * <ul>
 *   <li>{@code d_dropout}: Cohen's d of early alliance, completers minus dropouts (pooled t test);
 *   <li>{@code or_dropout}: odds ratio of dropout per SD of early alliance (logistic regression, Wald test);
 *   <li>{@code r_outcome}: correlation of the residualised outcome gain (end on baseline) with early
 *       alliance, completers with both scores; the outcome scores difficulty, so a negative r means
 *       higher alliance, more improvement;
 *   <li>{@code or_split_dropout}, {@code r_split_outcome}: the same with early split alliance;
 *   <li>{@code icc_therapist_dropout}: the therapists' share of the variance of dropout on the latent
 *       scale, var_u / (var_u + pi^2/3), of a random-intercept logistic model (Laplace, as lme4's glmer;
 *       {@link RandomInterceptLogistic}) with its profile-likelihood interval, as Saxon, Barkham, Foster
 *       and Parry 2017 computed it;
 *   <li>{@code icc_therapist_outcome}: the therapists' share of the variance of outcome change (end
 *       minus baseline, completers), var_u / (var_u + var_e) of a random-intercept linear model fitted by
 *       REML ({@link RandomInterceptLinear}, as lme4's lmer) with its profile interval;
 *   <li>{@code icc_raters_*}: SOFTA-o inter-rater ICC(2,1) per dimension at the early session (shared
 *       purpose: family-sessions as targets), beside the configured reliability (two raters or more);
 *   <li>{@code alpha_*}: SOFTA-s Cronbach's alpha per subscale at the early session (or the first
 *       SOFTA-s session), beside the configured alpha.
 * </ul>
 *
 * A statistic the sample does not allow (too few dropouts, separation) is NaN and, in the power
 * analysis, not a detection. Stateless.
 */
public final class StudyAnalysis {

    private StudyAnalysis() {}

    /**
     * The statistics of {@code sample}.
     *
     * @param measurement the instruments the sample was measured with (for the configured reliabilities)
     * @param earlySession the session of the early alliance
     * @param reliabilities whether to add the inter-rater ICC and alpha rows (the power analysis skips them)
     */
    public static List<StudyStatistic> of(VirtualStudy.Sample sample, MeasurementSpec measurement, int earlySession,
            boolean reliabilities) {
        List<StudyStatistic> out = of(sample, name -> true);
        if (reliabilities) {
            out.addAll(raterIccs(sample.measures(), measurement, earlySession));
            out.addAll(alphas(sample.measures(), measurement, earlySession));
        }
        return out;
    }

    /**
     * The statistics of {@code sample} among {@code d_dropout}, {@code or_dropout}, {@code r_outcome},
     * {@code or_split_dropout}, {@code r_split_outcome}, {@code icc_therapist_dropout} and
     * {@code icc_therapist_outcome} (in that order) whose name {@code wanted} accepts, each as
     * {@link #of(VirtualStudy.Sample, MeasurementSpec, int, boolean)} computes it; the others are not
     * computed (a calibration target needs one statistic, not seven fits).
     */
    public static List<StudyStatistic> of(VirtualStudy.Sample sample, Predicate<String> wanted) {
        List<StudyFamily> dropoutSet = sample.families().stream().filter(StudyFamily::inDropoutAnalyses).toList();
        List<StudyFamily> outcomeSet = sample.families().stream()
                .filter(f -> f.completed() && !Double.isNaN(f.allianceObserved())).toList();
        List<StudyStatistic> out = new ArrayList<>();
        if (wanted.test("d_dropout")) {
            out.add(cohensD(dropoutSet));
        }
        if (wanted.test("or_dropout")) {
            out.add(oddsRatio("or_dropout", "odds ratio of dropout per SD of early alliance", dropoutSet,
                    StudyFamily::allianceObserved, StudyFamily::allianceLatent));
        }
        if (wanted.test("r_outcome")) {
            out.add(gain("r_outcome", "r of residualised outcome gain with early alliance (completers)", outcomeSet,
                    StudyFamily::allianceObserved, StudyFamily::allianceLatent));
        }
        if (wanted.test("or_split_dropout")) {
            out.add(oddsRatio("or_split_dropout", "odds ratio of dropout per SD of early split alliance", dropoutSet,
                    StudyFamily::splitObserved, StudyFamily::splitLatent));
        }
        if (wanted.test("r_split_outcome")) {
            out.add(gain("r_split_outcome", "r of residualised outcome gain with early split alliance (completers)",
                    outcomeSet, StudyFamily::splitObserved, StudyFamily::splitLatent));
        }
        if (wanted.test("icc_therapist_dropout")) {
            out.add(therapistDropoutShare(dropoutSet));
        }
        if (wanted.test("icc_therapist_outcome")) {
            out.add(therapistOutcomeShare(outcomeSet));
        }
        return out;
    }

    private static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    private static StudyStatistic cohensD(List<StudyFamily> set) {
        String label = "Cohen's d of early alliance, completers - dropouts";
        try {
            CohensD o = CohensD.of(values(set, StudyFamily::completed, StudyFamily::allianceObserved),
                    values(set, StudyFamily::dropout, StudyFamily::allianceObserved));
            double latent = latent(() -> CohensD.of(values(set, StudyFamily::completed, StudyFamily::allianceLatent),
                    values(set, StudyFamily::dropout, StudyFamily::allianceLatent)).d().value());
            return new StudyStatistic("d_dropout", label, o.d(), o.pValue(), latent, o.na() + o.nb(),
                    StudyStatistic.Test.P_VALUE);
        } catch (IllegalArgumentException e) {
            return new StudyStatistic("d_dropout", label, NONE, Double.NaN, Double.NaN, set.size(),
                    StudyStatistic.Test.P_VALUE);
        }
    }

    private static StudyStatistic oddsRatio(String name, String label, List<StudyFamily> set,
            ToDoubleFunction<StudyFamily> observed, ToDoubleFunction<StudyFamily> latent) {
        boolean[] y = new boolean[set.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = set.get(i).dropout();
        }
        double[] xo = values(set, f -> true, observed);
        double[] xl = values(set, f -> true, latent);
        try {
            LogisticRegression fit = LogisticRegression.fit(y, xo);
            double l = latent(() -> LogisticRegression.fit(y, xl).oddsRatioPerSd(0).value());
            return new StudyStatistic(name, label, fit.oddsRatioPerSd(0), fit.pValue(1), l, y.length,
                    StudyStatistic.Test.P_VALUE);
        } catch (IllegalArgumentException e) {
            return new StudyStatistic(name, label, NONE, Double.NaN, Double.NaN, y.length, StudyStatistic.Test.P_VALUE);
        }
    }

    private static StudyStatistic gain(String name, String label, List<StudyFamily> set,
            ToDoubleFunction<StudyFamily> observed, ToDoubleFunction<StudyFamily> latent) {
        try {
            ResidualisedGain o = ResidualisedGain.of(values(set, f -> true, StudyFamily::outcomeBaseline),
                    values(set, f -> true, StudyFamily::outcomeEnd), values(set, f -> true, observed));
            double l = latent(() -> ResidualisedGain.of(values(set, f -> true, StudyFamily::outcomeBaselineLatent),
                    values(set, f -> true, StudyFamily::outcomeEndLatent), values(set, f -> true, latent)).r().value());
            return new StudyStatistic(name, label, o.r(), o.pValue(), l, o.n(), StudyStatistic.Test.P_VALUE);
        } catch (IllegalArgumentException e) {
            // Too few observed cases (heavy non-response): the latent value of the same families still stands.
            double l = latent(() -> ResidualisedGain.of(values(set, f -> true, StudyFamily::outcomeBaselineLatent),
                    values(set, f -> true, StudyFamily::outcomeEndLatent), values(set, f -> true, latent)).r().value());
            int complete = (int) set.stream().filter(f -> !Double.isNaN(f.outcomeBaseline())
                    && !Double.isNaN(f.outcomeEnd()) && !Double.isNaN(observed.applyAsDouble(f))).count();
            return new StudyStatistic(name, blank(label, complete, complete + " of " + set.size() + " families have"
                    + " every observed score", e), NONE, Double.NaN, l, complete, StudyStatistic.Test.P_VALUE);
        }
    }

    /**
     * The therapists' share of dropout: the latent-scale ICC of a random-intercept logistic model
     * (Laplace) with its profile interval; dropout is not measured with error, so the latent column is
     * the same fit.
     */
    private static StudyStatistic therapistDropoutShare(List<StudyFamily> set) {
        String name = "icc_therapist_dropout";
        String label = "therapists' share of dropout variance (latent-scale ICC, random-intercept logistic)";
        int[] group = set.stream().mapToInt(StudyFamily::therapistId).toArray();
        boolean[] y = new boolean[set.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = set.get(i).dropout();
        }
        try {
            Estimate icc = RandomInterceptLogistic.fit(group, y).icc();
            return new StudyStatistic(name, label, icc, Double.NaN, icc.value(), y.length, StudyStatistic.Test.INTERVAL);
        } catch (IllegalArgumentException e) {
            return new StudyStatistic(name, label, NONE, Double.NaN, Double.NaN, y.length, StudyStatistic.Test.INTERVAL);
        }
    }

    /** The therapists' share of outcome change: the ICC of a random-intercept linear model (REML), profile interval. */
    private static StudyStatistic therapistOutcomeShare(List<StudyFamily> set) {
        String name = "icc_therapist_outcome";
        String label = "therapists' share of outcome change variance (REML ICC, completers)";
        List<StudyFamily> scored = set.stream().filter(f -> !Double.isNaN(f.outcomeEnd() - f.outcomeBaseline())).toList();
        int[] group = scored.stream().mapToInt(StudyFamily::therapistId).toArray();
        double[] yo = values(scored, f -> true, f -> f.outcomeEnd() - f.outcomeBaseline());
        try {
            Estimate o = RandomInterceptLinear.fit(group, yo).icc();
            double l = latent(() -> RandomInterceptLinear.fit(group,
                    values(scored, f -> true, f -> f.outcomeEndLatent() - f.outcomeBaselineLatent())).icc().value());
            return new StudyStatistic(name, label, o, Double.NaN, l, yo.length, StudyStatistic.Test.INTERVAL);
        } catch (IllegalArgumentException e) {
            return new StudyStatistic(name, label, NONE, Double.NaN, Double.NaN, yo.length, StudyStatistic.Test.INTERVAL);
        }
    }

    /**
     * SOFTA-o ICC(2,1) per dimension at the early session: targets are member-sessions (shared
     * purpose: family-sessions).
     */
    private static List<StudyStatistic> raterIccs(List<Measure> measures, MeasurementSpec m, int earlySession) {
        int raters = m.softaO().raters();
        List<StudyStatistic> out = new ArrayList<>();
        if (raters < 2) {
            return out;
        }
        for (Dimension d : Dimension.values()) {
            Map<Long, double[]> targets = new TreeMap<>();
            for (Measure x : measures) {
                if (x.instrument() == Instrument.SOFTA_O && x.session() == earlySession && x.rater() >= 1
                        && x.scale().equals(d.scale())) {
                    targets.computeIfAbsent(key(x), k -> new double[raters])[x.rater() - 1] = x.score();
                }
            }
            String name = "icc_raters_" + d.scale();
            String label = "SOFTA-o inter-rater ICC(2,1), " + d.scale().replace('_', ' ') + " (latent: configured)";
            try {
                RaterIcc icc = RaterIcc.of(targets.values().toArray(new double[0][]));
                out.add(new StudyStatistic(name, label, icc.agreement(), Double.NaN, m.softaO().reliability(d),
                        icc.targets(), StudyStatistic.Test.NONE));
            } catch (IllegalArgumentException e) {
                out.add(new StudyStatistic(name, label, NONE, Double.NaN, m.softaO().reliability(d), targets.size(),
                        StudyStatistic.Test.NONE));
            }
        }
        return out;
    }

    /** SOFTA-s Cronbach's alpha per subscale, respondents the members who answered at the session. */
    private static List<StudyStatistic> alphas(List<Measure> measures, MeasurementSpec m, int earlySession) {
        List<Integer> sessions = m.schedule().softaSSessions();
        List<StudyStatistic> out = new ArrayList<>();
        if (sessions.isEmpty()) {
            return out;
        }
        int session = sessions.contains(earlySession) ? earlySession : sessions.get(0);
        int k = SelfReport.ITEMS_PER_SCALE;
        for (Dimension d : Dimension.values()) {
            Map<Long, double[]> respondents = new TreeMap<>();
            String prefix = d.scale() + "_";
            for (Measure x : measures) {
                if (x.instrument() == Instrument.SOFTA_S && x.session() == session && x.scale().startsWith(prefix)) {
                    int item = Integer.parseInt(x.scale().substring(prefix.length()));
                    respondents.computeIfAbsent(key(x), key -> new double[k])[item - 1] = x.score();
                }
            }
            String name = "alpha_" + d.scale();
            String label = "SOFTA-s Cronbach's alpha, " + d.scale().replace('_', ' ') + ", session " + session
                    + " (latent: configured)";
            try {
                CronbachAlpha a = CronbachAlpha.of(respondents.values().toArray(new double[0][]));
                out.add(new StudyStatistic(name, label, a.alpha(), Double.NaN, m.softaS().alpha(d), a.n(),
                        StudyStatistic.Test.NONE));
            } catch (IllegalArgumentException e) {
                // n is what alpha could use: respondents who answered every item (not all who answered one).
                int complete = (int) respondents.values().stream()
                        .filter(row -> java.util.Arrays.stream(row).noneMatch(Double::isNaN)).count();
                out.add(new StudyStatistic(name, blank(label, complete, complete + " of " + respondents.size()
                        + " respondents answered every item", e), NONE, Double.NaN, m.softaS().alpha(d), complete,
                        StudyStatistic.Test.NONE));
            }
        }
        return out;
    }

    /**
     * The label of a row left blank, saying why (results.csv and summary.json carry it): too few
     * complete cases (under 3), else the statistic's own reason (no variation, separation).
     */
    private static String blank(String label, int complete, String cases, IllegalArgumentException e) {
        return label + "; not computed: " + (complete < 3 ? "too few complete cases (" + cases + ")" : e.getMessage());
    }

    /** A member's key, ordered by family then member. */
    private static long key(Measure x) {
        return ((long) x.familyId() << 16) | (x.memberId() & 0xFFFF); // a family-level score: NONE -> 0xFFFF
    }

    private static double[] values(List<StudyFamily> set, Predicate<StudyFamily> which, ToDoubleFunction<StudyFamily> f) {
        return set.stream().filter(which).mapToDouble(f).toArray();
    }

    /** A latent statistic, or NaN when the latent values do not allow it (separation on the truth). */
    private static double latent(java.util.function.DoubleSupplier s) {
        try {
            return s.getAsDouble();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }
}
