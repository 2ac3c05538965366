package org.alliancesim.analysis.compete;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.ModelSimulator;
import org.alliancesim.analysis.stats.Estimate;
import org.alliancesim.analysis.stats.Power;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.CalibrationSpec;

/**
 * Power to tell the variants apart (docs/hypotheses.md, "Planted power"): data simulated from one
 * variant (the planted one) at its fitted values, as a study of n families would give the
 * calibration set's summaries, then the variants' model probabilities ({@link ModelProbabilities},
 * one run per dataset) computed from those data, with every variant's simulations also studies of n
 * families; per size, the share of datasets in which the planted variant has the highest probability,
 * with its Clopper-Pearson 95% interval ({@link Power#of}).
 *
 * <p>A study of n families: every target is computed on n families (a target that states its
 * source's size, such as Sharf et al.'s d, on n instead), one replication. Dataset d of size n draws
 * its data on the seed of the stream keyed (seed, n, d, "planted data") and its selection on the
 * stream keyed (seed, n, d, "planted selection"). A statistic undefined in a dataset (NaN: a
 * therapist ICC of a tiny study, say) is left out of that dataset's evidence, for every variant
 * alike. Results do not depend on the thread count. Stateless.
 */
public final class PlantedPower {

    private static final long DATA = RandomStreams.purposeCode("planted data");
    private static final long SELECTION = RandomStreams.purposeCode("planted selection");

    private PlantedPower() {}

    /**
     * One planted dataset's competition.
     *
     * @param size families in the study
     * @param dataset its number, from 0
     * @param statistics the statistics defined in its data (used as evidence)
     * @param winner the variant with the highest probability
     * @param probabilities each variant's probability, in file order
     * @param simulations the selection's simulations
     */
    public record Dataset(int size, int dataset, int statistics, int winner, double[] probabilities, long simulations) {
        public Dataset {
            probabilities = probabilities.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }
    }

    /**
     * One study size.
     *
     * @param size families
     * @param datasets datasets competed
     * @param wins datasets in which the planted variant had the highest probability
     * @param share wins / datasets with its Clopper-Pearson 95% interval
     * @param meanProbability the planted variant's probability, averaged over the datasets
     * @param simulations simulations of the size's selections
     * @param seconds their wall-clock time
     */
    public record Row(int size, int datasets, int wins, Estimate share, double meanProbability, long simulations,
            double seconds) {}

    /**
     * What the study found.
     *
     * @param planted the planted variant's index
     * @param parameters its fitted values the data were simulated at
     * @param rows one per size, in the order given
     * @param datasets every dataset, size by size
     */
    public record Outcome(int planted, double[] parameters, List<Row> rows, List<Dataset> datasets) {
        public Outcome {
            parameters = parameters.clone();
            rows = List.copyOf(rows);
            datasets = List.copyOf(datasets);
        }

        @Override
        public double[] parameters() {
            return parameters.clone();
        }
    }

    /** The calibration set's targets as a study of {@code size} families computes them. */
    public static List<CalibrationSpec.Target> resized(List<CalibrationSpec.Target> targets, int size) {
        return targets.stream().map(t -> t.sized() ? new CalibrationSpec.Target(t.statistic(), t.min(), t.max(),
                t.target(), t.source(), size) : t).toList();
    }

    /**
     * Runs the study.
     *
     * @param planted the planted variant's index
     * @param theta its parameters the data are simulated at
     * @param sizes study sizes, families, each at least 10
     * @param datasets datasets per size, at least 1
     * @param settings the selection's ABC settings (their seed is replaced per dataset)
     * @param progress told after each dataset, or null
     * @throws Exception what a simulation throws
     */
    public static Outcome run(Competition c, int planted, double[] theta, int[] sizes, int datasets,
            AbcSmc.Settings settings, Consumer<Dataset> progress) throws Exception {
        long seed = c.spec().seed();
        RandomStreams streams = RandomStreams.of(seed);
        double[] priors = c.spec().priorProbabilities();
        List<String> names = c.spec().variants().stream().map(v -> v.name()).toList();
        List<Row> rows = new ArrayList<>();
        List<Dataset> all = new ArrayList<>();
        for (int size : sizes) {
            List<CalibrationSpec.Target> targets = resized(c.targets().targets(), size);
            List<Calibration> calibrations = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                calibrations.add(c.calibration(i, targets, 1, size));
            }
            long started = System.nanoTime();
            int wins = 0;
            double plantedProbability = 0;
            long simulations = 0;
            for (int d = 0; d < datasets; d++) {
                double[] data = ModelSimulator.of(calibrations.get(planted)).simulate(theta,
                        streams.stream(size, d, DATA).nextLong());
                int[] keep = java.util.stream.IntStream.range(0, data.length).filter(k -> Double.isFinite(data[k]))
                        .toArray();
                double[] observed = Arrays.stream(keep).mapToDouble(k -> data[k]).toArray();
                Evidence evidence = new Evidence(observed, cal -> {
                    AbcSmc.Simulator s = ModelSimulator.of(cal);
                    return (x, sd) -> {
                        double[] all2 = s.simulate(x, sd);
                        return Arrays.stream(keep).mapToDouble(k -> all2[k]).toArray();
                    };
                });
                AbcSmc.Settings each = new AbcSmc.Settings(settings.populationSize(), settings.alpha(),
                        settings.minAcceptanceRate(), settings.finalTolerance(), settings.maxSimulations(),
                        settings.maxGenerations(), settings.adaptiveDistance(), streams.stream(size, d, SELECTION)
                                .nextLong(), settings.threads());
                ModelProbabilities.Outcome o = ModelProbabilities.run(names, calibrations, priors, evidence, each, 1,
                        null);
                int winner = o.best();
                wins += winner == planted ? 1 : 0;
                simulations += o.simulations();
                double[] p = o.variants().stream().mapToDouble(ModelProbabilities.Variant::probability).toArray();
                plantedProbability += p[planted] / datasets;
                Dataset ds = new Dataset(size, d, keep.length, winner, p, o.simulations());
                all.add(ds);
                if (progress != null) {
                    progress.accept(ds);
                }
            }
            rows.add(new Row(size, datasets, wins, Power.of(wins, datasets), plantedProbability, simulations,
                    (System.nanoTime() - started) / 1e9));
        }
        return new Outcome(planted, theta, rows, all);
    }
}
