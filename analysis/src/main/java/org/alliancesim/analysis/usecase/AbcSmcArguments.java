package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.CalibrationSpecs;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * What {@code calibrate TARGETS --method abc-smc} is given, before anything is loaded: the one
 * place its flags become an {@link AbcSmcRequest} ({@link #request}), shared by the command and by
 * {@code slurm --abc}, whose every job runs {@code calibrate} again with {@link #arguments} (paths
 * made absolute), so that each step builds the same request.
 *
 * @param targets a targets file or built-in name
 * @param base the base scenario (a file or built-in name), or null for the targets' base
 * @param sets the --set edits of the base
 * @param population particles
 * @param maxSimulations simulation budget
 * @param minAcceptance minimum acceptance rate
 * @param finalTolerance final tolerance
 * @param maxGenerations most generations
 * @param replications replications per simulation, or null for the targets file's
 * @param families families per replication, or null for the targets file's
 */
public record AbcSmcArguments(String targets, String base, List<String> sets, int population, long maxSimulations,
        double minAcceptance, double finalTolerance, int maxGenerations, Integer replications, Integer families) {

    public AbcSmcArguments {
        Requests.given("targets", targets);
        sets = Requests.arguments(sets);
    }

    /** The defaults of {@code calibrate --method abc-smc} for {@code targets}. */
    public static AbcSmcArguments of(String targets) {
        return new AbcSmcArguments(targets, null, List.of(), AbcSmcRequest.POPULATION, AbcSmcRequest.MAX_SIMULATIONS,
                AbcSmcRequest.MIN_ACCEPTANCE, 0, 50, null, null);
    }

    /**
     * The request these arguments make (threads, output, resume, progress and the invocation are
     * the caller's to add).
     *
     * @throws ScenarioException when the targets or the base do not load
     * @throws BadRequestException for a setting out of range
     */
    public AbcSmcRequest request() throws ScenarioException {
        CalibrationSpec goals = Calibration.targets(targets);
        String from = base != null ? base : goals.base();
        AbcSmcRequest r = AbcSmcRequest.of(goals, targets, ScenarioLoader.load(from, sets)).withBaseName(from)
                .withStartEdits(sets).withPopulation(population)
                .withStopping(maxSimulations, minAcceptance, finalTolerance, maxGenerations);
        if (replications != null || families != null) {
            r = r.withSimulationSize(replications != null ? replications : goals.replications(),
                    families != null ? families : goals.families());
        }
        return r;
    }

    /** The same arguments with the targets and base files made absolute (built-in names kept). */
    public AbcSmcArguments absolute() {
        String t = CalibrationSpecs.BUILTINS.contains(targets) ? targets : absolute(targets);
        String b = base == null || ScenarioLoader.isBuiltin(base) ? base : absolute(base);
        return new AbcSmcArguments(t, b, sets, population, maxSimulations, minAcceptance, finalTolerance,
                maxGenerations, replications, families);
    }

    /**
     * The {@code calibrate} command line of these arguments, from TARGETS to the last flag: each
     * number in a form the command reads back to the same value.
     */
    public List<String> arguments() {
        List<String> a = new ArrayList<>(List.of(targets, "--method", "abc-smc"));
        if (base != null) {
            a.addAll(List.of("--base", base));
        }
        for (String s : sets) {
            a.addAll(List.of("--set", s));
        }
        a.addAll(List.of("--population", Integer.toString(population), "--max-simulations", Long.toString(maxSimulations),
                "--min-acceptance", Double.toString(minAcceptance), "--final-tolerance", Double.toString(finalTolerance),
                "--max-generations", Integer.toString(maxGenerations)));
        if (replications != null) {
            a.addAll(List.of("--replications", Integer.toString(replications)));
        }
        if (families != null) {
            a.addAll(List.of("--families", Integer.toString(families)));
        }
        return a;
    }

    private static String absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }
}
