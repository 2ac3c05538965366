package org.alliancesim.analysis.study;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * The summaries by which a study's data and the model's virtual study of it are compared
 * (docs/fitting-your-data.md, "The summaries"): one function of a {@link VirtualStudy.Sample}, applied
 * alike to the sample read from the data ({@link StudyData#sample}) and to a sample the model draws
 * ({@link VirtualStudy#draw}), so like is compared with like. Which summaries a study has depends
 * only on what it measured ({@link #names}):
 *
 * <ul>
 *   <li>{@code dropout_share}: families that dropped out / families that started;
 *   <li>{@code mean_sessions}: mean sessions attended by the families that started;
 *   <li>{@code early_dropout_share}: dropouts after session 1 or 2 / dropouts;
 *   <li>{@code d_dropout} (SOFTA-o rated): Cohen's d of observed early alliance, completers minus
 *       dropouts ({@link StudyAnalysis});
 *   <li>{@code icc_therapist_dropout} ({@code therapist_effects: true}): the therapists' share of
 *       dropout variance ({@link StudyAnalysis});
 *   <li>{@code outcome_change} (outcome measured): mean of end minus baseline over the completers
 *       with both scores, in baseline standard deviations (of every started family's baseline score).
 * </ul>
 *
 * A summary the sample does not allow (no dropouts, separation) is NaN. Stateless.
 */
public final class DataSummaries {

    private DataSummaries() {}

    /** The summaries of a study that measured what {@code data} measured, in order. */
    public static List<String> names(StudyData data) {
        List<String> out = new ArrayList<>(List.of("dropout_share", "mean_sessions", "early_dropout_share"));
        if (data.spec().observer()) {
            out.add("d_dropout");
        }
        if (data.spec().therapistEffects()) {
            out.add("icc_therapist_dropout");
        }
        if (data.outcomeMeasured()) {
            out.add("outcome_change");
        }
        return List.copyOf(out);
    }

    /** The summaries {@code names} of {@code sample}, in that order. */
    public static double[] of(VirtualStudy.Sample sample, List<String> names) {
        List<StudyFamily> f = sample.families();
        double[] out = new double[names.size()];
        List<StudyStatistic> study = null;
        for (int k = 0; k < out.length; k++) {
            String name = names.get(k);
            switch (name) {
                case "dropout_share" -> out[k] = f.isEmpty() ? Double.NaN
                        : f.stream().filter(StudyFamily::dropout).count() / (double) f.size();
                case "mean_sessions" -> out[k] = f.stream().mapToInt(StudyFamily::sessionsAttended).average()
                        .orElse(Double.NaN);
                case "early_dropout_share" -> {
                    long dropouts = f.stream().filter(StudyFamily::dropout).count();
                    out[k] = dropouts == 0 ? Double.NaN
                            : f.stream().filter(x -> x.dropout() && x.sessionsAttended() <= 2).count() / (double) dropouts;
                }
                case "outcome_change" -> out[k] = outcomeChange(f);
                case "d_dropout", "icc_therapist_dropout" -> {
                    if (study == null) {
                        List<String> wanted = names.stream().filter(n -> n.equals("d_dropout")
                                || n.equals("icc_therapist_dropout")).toList();
                        study = StudyAnalysis.of(sample, wanted::contains);
                    }
                    out[k] = study.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().observed()
                            .value();
                }
                default -> throw new IllegalArgumentException("unknown summary " + name);
            }
        }
        return out;
    }

    /** Mean end minus baseline of the completers with both, over the sd of the started families' baselines. */
    private static double outcomeChange(List<StudyFamily> f) {
        double[] base = f.stream().mapToDouble(StudyFamily::outcomeBaseline).filter(x -> !Double.isNaN(x)).toArray();
        double[] change = f.stream().filter(StudyFamily::completed)
                .mapToDouble(x -> x.outcomeEnd() - x.outcomeBaseline()).filter(x -> !Double.isNaN(x)).toArray();
        if (base.length < 2 || change.length == 0) {
            return Double.NaN;
        }
        double sd = StandardDeviation.of(base).getAsDouble();
        return sd > 0 ? Mean.of(change).getAsDouble() / sd : Double.NaN;
    }
}
