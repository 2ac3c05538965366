package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.compete.Competition;
import org.alliancesim.analysis.report.CompeteReport;
import org.alliancesim.analysis.sweep.SlurmScripts;
import org.alliancesim.analysis.sweep.Sweep;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.CalibrationSpecs;
import org.alliancesim.scenario.HypothesesSpec;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.ValidationSpecs;

/**
 * Writes the sbatch scripts that run a sweep, or a competition of hypotheses, as a Slurm job array and
 * merge it ({@link SlurmScripts}). The sweep (or the hypotheses with their calibration and validation
 * sets) is checked here, not on the cluster; paths are quoted and options checked, never pasted.
 */
public final class SlurmUseCase {

    private SlurmUseCase() {}

    /**
     * The scripts written.
     *
     * @param folder the folder, absolute: sweep.yaml and the scripts; shard-K and merged once the jobs run
     * @param scripts sweep.sbatch, merge.sbatch and submit.sh
     * @param submit the shell command that submits the array and the merge, the folder quoted
     */
    public record Result(Path folder, List<Path> scripts, String submit) {}

    /**
     * Runs the request.
     *
     * @throws BadRequestException for a sweep whose paths are not numbers in its base, a launcher
     *     that is not an executable file, or a non-empty folder without {@code force}; nothing written
     * @throws ScenarioException when the base scenario does not load
     * @throws IOException when a script cannot be written
     */
    public static Result execute(SlurmRequest r) throws ScenarioException, IOException {
        Path dir = r.output().dir();
        String text = null;
        if (r.sweep() != null) {
            try {
                Sweep.check(r.sweep());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(r.source() + ": " + e.getMessage());
            }
        } else {
            HypothesesSpec absolute = absolute(r.hypotheses());
            Competition.of(absolute, Calibration.targets(absolute.targets()), ValidationSet.spec(absolute.validation()));
            text = "# Written by 'alliancesim slurm --compete': the hypotheses file with its defaults filled in and its"
                    + " paths made absolute.\n" + CompeteReport.yaml(absolute);
        }
        List<String> scripts = r.sweep() != null ? SlurmScripts.SCRIPTS : SlurmScripts.COMPETE_SCRIPTS;
        try {
            List<String> program = r.launcher() != null ? SlurmScripts.launcher(r.launcher())
                    : SlurmScripts.defaultLauncher();
            if (r.sweep() != null) {
                SlurmScripts.write(r.sweep(), r.job(), dir, r.output().force(), program);
            } else {
                SlurmScripts.writeCompete(text, r.job(), dir, r.output().force(), program);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Path submit = dir.resolve(scripts.get(2));
        return new Result(dir, scripts.stream().map(dir::resolve).toList(),
                "bash " + SlurmScripts.quote(submit.toString()));
    }

    /**
     * Writes the scripts of an ABC-SMC run whose generations are job arrays ({@link SlurmScripts#writeAbc}):
     * abc.sbatch and driver.sh; {@link Result#submit()} runs the driver. The targets and base
     * are loaded and checked here, and made absolute in the scripts.
     *
     * @throws BadRequestException for a setting out of range, a launcher that is not an executable
     *     file, an argument that cannot be quoted, or a non-empty folder without {@code force}; nothing written
     * @throws ScenarioException when the targets or the base do not load
     */
    public static Result executeAbc(SlurmAbcRequest r) throws ScenarioException, IOException {
        AbcSmcArguments args = r.abc().absolute();
        AbcSmcUseCase.Parts.of(args.request().withOutput(r.output()));
        Path dir = r.output().dir();
        try {
            List<String> program = r.launcher() != null ? SlurmScripts.launcher(r.launcher())
                    : SlurmScripts.defaultLauncher();
            SlurmScripts.writeAbc(args.arguments(), r.job(), dir, r.output().force(), program);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return new Result(dir, SlurmScripts.ABC_SCRIPTS.stream().map(dir::resolve).toList(),
                "bash " + SlurmScripts.quote(dir.resolve(SlurmScripts.ABC_SCRIPTS.get(1)).toString()));
    }

    /** The hypotheses with the base, targets and validation files made absolute (built-in names kept). */
    static HypothesesSpec absolute(HypothesesSpec h) {
        return new HypothesesSpec(ScenarioLoader.isBuiltin(h.base()) ? h.base() : absolute(h.base()),
                CalibrationSpecs.BUILTINS.contains(h.targets()) ? h.targets() : absolute(h.targets()),
                ValidationSpecs.BUILTINS.contains(h.validation()) ? h.validation() : absolute(h.validation()),
                h.maxEvaluations(), h.replications(), h.families(), h.seed(), h.validationReplications(),
                h.validationSeed(), h.variants());
    }

    private static String absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }
}
