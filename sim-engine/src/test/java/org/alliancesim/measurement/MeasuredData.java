package org.alliancesim.measurement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.RunMode;
import org.alliancesim.model.RunSpec;

/** Small computations the measurement tests share: the data, keys, Pearson's r and Cronbach's alpha. */
final class MeasuredData {

    static final long SEED = 20261125L;

    private MeasuredData() {}

    /** The default model with {@code families} families in a cohort. */
    static ModelParameters model(int families) {
        ModelParameters d = ModelParameters.defaults();
        return d.withRun(new RunSpec(RunMode.COHORT, families, d.run().horizonDays(), d.run().sessionLimit()));
    }

    /** The default measurement (sessions 1 and 3 rated by both instruments) with these instruments. */
    static MeasurementSpec with(ObserverRatings o, SelfReport s, double nonresponse, FollowUp followUp) {
        MeasurementSpec d = MeasurementSpec.defaults();
        return new MeasurementSpec(true, o, s, d.outcome(), d.schedule(), nonresponse, followUp);
    }

    /** A key for a member's score in a session: family, member, session. */
    static String key(Measure m) {
        return m.familyId() + "/" + m.memberId() + "/" + m.session();
    }

    /** Scores of {@code instrument} and {@code scale} by rater ({@link Measure#NONE} for consensus or none), by key. */
    static Map<String, Double> scores(List<Measure> ms, Instrument instrument, String scale, int rater) {
        Map<String, Double> out = new HashMap<>();
        for (Measure m : ms) {
            if (m.instrument() == instrument && m.scale().equals(scale) && m.rater() == rater) {
                out.put(key(m), m.score());
            }
        }
        return out;
    }

    /** Pearson's r over the keys both maps have with finite values; [r, n]. */
    static double[] pearson(Map<String, Double> a, Map<String, Double> b) {
        List<double[]> pairs = new ArrayList<>();
        a.forEach((k, x) -> {
            Double y = b.get(k);
            if (y != null && Double.isFinite(x) && Double.isFinite(y)) {
                pairs.add(new double[] {x, y});
            }
        });
        double n = pairs.size();
        double mx = pairs.stream().mapToDouble(p -> p[0]).sum() / n;
        double my = pairs.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return new double[] {sxy / Math.sqrt(sxx * syy), n};
    }

    /** Cronbach's alpha of complete rows of k items: k/(k-1) (1 - sum of item variances / variance of the sum). */
    static double alpha(List<double[]> rows) {
        int k = rows.get(0).length;
        double[] itemVar = new double[k];
        for (int i = 0; i < k; i++) {
            int item = i;
            itemVar[i] = variance(rows.stream().mapToDouble(r -> r[item]).toArray());
        }
        double total = variance(rows.stream().mapToDouble(r -> java.util.Arrays.stream(r).sum()).toArray());
        return k / (k - 1.0) * (1 - java.util.Arrays.stream(itemVar).sum() / total);
    }

    static double variance(double[] x) {
        double m = java.util.Arrays.stream(x).average().orElse(Double.NaN);
        return java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }

    /** The complete item rows of a SOFTA-s subscale, one per member-session. */
    static List<double[]> items(List<Measure> ms, Dimension d) {
        Map<String, double[]> rows = new HashMap<>();
        for (Measure m : ms) {
            if (m.instrument() == Instrument.SOFTA_S && m.scale().startsWith(d.scale() + "_")) {
                int i = Integer.parseInt(m.scale().substring(d.scale().length() + 1)) - 1;
                rows.computeIfAbsent(key(m), k -> new double[SelfReport.ITEMS_PER_SCALE])[i] = m.score();
            }
        }
        return rows.values().stream().filter(r -> java.util.Arrays.stream(r).allMatch(Double::isFinite)).toList();
    }
}
