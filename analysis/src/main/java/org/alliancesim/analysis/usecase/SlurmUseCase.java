package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.sweep.SlurmScripts;
import org.alliancesim.analysis.sweep.Sweep;
import org.alliancesim.scenario.ScenarioException;

/**
 * Writes the sbatch scripts that run a sweep as a Slurm job array and merge it ({@link SlurmScripts}).
 * The sweep is checked here, not on the cluster; paths are quoted and options checked, never pasted.
 */
public final class SlurmUseCase {

    private SlurmUseCase() {}

    /**
     * Runs the request.
     *
     * @throws BadRequestException for a sweep whose paths are not numbers in its base, a launcher
     *     that is not an executable file, or a non-empty folder without {@code force}; nothing written
     * @throws ScenarioException when the base scenario does not load
     * @throws IOException when a script cannot be written
     */
    public static SlurmResult execute(SlurmRequest r) throws ScenarioException, IOException {
        Path dir = r.output().dir();
        try {
            Sweep.check(r.sweep());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(r.source() + ": " + e.getMessage());
        }
        try {
            List<String> program = r.launcher() != null ? SlurmScripts.launcher(r.launcher())
                    : SlurmScripts.defaultLauncher();
            SlurmScripts.write(r.sweep(), r.job(), dir, r.output().force(), program);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Path submit = dir.resolve(SlurmScripts.SCRIPTS.get(2));
        return new SlurmResult(dir, SlurmScripts.SCRIPTS.stream().map(dir::resolve).toList(),
                "bash " + SlurmScripts.quote(submit.toString()));
    }
}
