package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioLoader;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari and Gelman 2018) of ABC-SMC on
 * the real model. Two parameters of the literature targets (the attendance intercept on [-6, -1]
 * and the goal mean on [0.8, 2.5], uniform priors), the six literature statistics as data, each
 * simulation 1 replication of 100 families. For each of L = 40 datasets: a truth drawn from the
 * prior (stream (20261207, l, "sbc-truth")), data simulated at it, and the posterior fitted by
 * ABC-SMC (100 particles, at most 6 generations and 2,500 simulations, minimum acceptance 0.05).
 * The rank statistic of the truth, the posterior mass below it, is uniform on (0, 1) if the
 * posterior is calibrated; checked per parameter by a Kolmogorov-Smirnov test against the uniform
 * at 1% (two tests: a calibrated sampler fails one about 2% of the time). ABC's posterior is that
 * of the data within the final tolerance, which SBC checks as such. Budget: 40 x at most 2,500
 * simulations of 100 families, about 2-3 minutes on 2 cores; tagged {@code sbc} and run by .ci/run
 * apart from {@code mvn -B verify}.
 */
@Tag("sbc")
class SimulationBasedCalibrationTest {

    static final long SEED = 20261207L;
    static final int DATASETS = 40;

    @Test
    void ranksOfPlantedTruthsAreUniform() throws Exception {
        CalibrationSpec lit = Calibration.targets("literature");
        // The six aggregate statistics only: Sharf et al.'s d (a virtual study of 1,301 families per
        // simulation) and the therapist share of dropout (a mixed-model fit per replication), added in
        // issue 25, would make each of the ~100,000 simulations about 50 times dearer.
        List<CalibrationSpec.Target> six = lit.targets().stream()
                .filter(t -> !t.sized() && !t.statistic().equals("therapist_dropout_icc")).toList();
        CalibrationSpec two = new CalibrationSpec(lit.base(), six, List.of(
                CalibrationSpec.Parameter.of("dynamics.attendance.intercept", -6, -1),
                CalibrationSpec.Parameter.of("dynamics.outcome.goal_mean", 0.8, 2.5)), lit.anchors(), 1, 100, lit.seed(),
                lit.maxEvaluations());
        Calibration calibration = Calibration.of(two, ScenarioLoader.load(two.base()));
        ModelSimulator simulator = ModelSimulator.of(calibration);
        Prior prior = Prior.of(two);
        RandomStreams streams = RandomStreams.of(SEED);
        double[][] ranks = new double[2][DATASETS];
        long simulations = 0;
        for (int l = 0; l < DATASETS; l++) {
            UniformRandomProvider rng = streams.stream(l, 0, "sbc-truth");
            double[] truth = prior.sample(rng);
            double[] data = simulator.simulate(truth, rng.nextLong());
            if (Arrays.stream(data).anyMatch(x -> !Double.isFinite(x))) {
                throw new IllegalStateException("data undefined at " + Arrays.toString(truth));
            }
            AbcSmc.Settings settings = new AbcSmc.Settings(100, 0.5, 0.05, 0, 2500, 6, true, SEED + l, 2);
            AbcSmc.State s = AbcSmc.of(prior, data, simulator, settings).run(null, new AbcSmc.Listener() {});
            simulations += s.simulations();
            Population p = s.population();
            for (int j = 0; j < 2; j++) {
                double below = 0;
                for (int i = 0; i < p.size(); i++) {
                    if (p.value(i, j) < truth[j]) {
                        below += p.weight(i);
                    }
                }
                ranks[j][l] = below;
            }
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (int j = 0; j < 2; j++) {
            double pValue = ks.kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), ranks[j]);
            double[] sorted = ranks[j].clone();
            Arrays.sort(sorted);
            System.out.printf("SBC %s: %d datasets, %d simulations in all, KS p = %.3f, ranks %s%n",
                    two.parameters().get(j).path(), DATASETS, simulations, pValue, Arrays.toString(sorted));
            assertTrue(pValue > 0.01, two.parameters().get(j).path() + ": ranks not uniform, KS p = " + pValue);
        }
    }
}
