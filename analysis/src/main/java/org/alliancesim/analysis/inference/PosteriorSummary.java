package org.alliancesim.analysis.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * The marginal summaries of a weighted population: per parameter the weighted mean, sd, median
 * and the equal-tailed 95% credible interval (weighted 2.5% and 97.5% quantiles,
 * {@link Population#quantile}), and the population's effective sample size. Immutable.
 *
 * @param rows one per parameter, in parameter order
 */
public record PosteriorSummary(List<Row> rows) {

    /** One parameter's summary. */
    public record Row(String parameter, double mean, double sd, double median, double q025, double q975, double ess) {}

    public PosteriorSummary {
        rows = List.copyOf(rows);
    }

    /** The summary of {@code p}, its parameters named {@code names}. */
    public static PosteriorSummary of(Population p, List<String> names) {
        double[] mean = p.mean();
        double[][] cov = p.covariance();
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            rows.add(new Row(names.get(j), mean[j], Math.sqrt(cov[j][j]), p.quantile(j, 0.5), p.quantile(j, 0.025),
                    p.quantile(j, 0.975), p.ess()));
        }
        return new PosteriorSummary(rows);
    }

    /** The posterior medians, in parameter order. */
    public double[] medians() {
        return rows.stream().mapToDouble(Row::median).toArray();
    }
}
