package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import org.alliancesim.analysis.sweep.SlurmScripts;
import org.alliancesim.model.ParameterException;

/**
 * An ABC-SMC calibration ({@code calibrate TARGETS --method abc-smc}) to run on a Slurm cluster,
 * each generation as a job array ({@code slurm TARGETS --abc}): the scripts to write.
 *
 * <p>From JShell: {@code SlurmUseCase.executeAbc(SlurmAbcRequest.of(AbcSmcArguments.of("literature"), 8,
 * Output.to(Path.of("cluster"))))}.
 *
 * @param abc the run's arguments, as {@code calibrate} takes them
 * @param output the folder for the scripts, the working files and the results; made absolute
 * @param job the Slurm settings of the array (its size: tasks per generation)
 * @param launcher the program the jobs run, or null for this installation's
 */
public record SlurmAbcRequest(AbcSmcArguments abc, Output output, SlurmScripts.Job job, Path launcher) {

    /**
     * @throws ParameterException for a missing part
     * @throws BadRequestException for a folder path with a line break, carriage return or NUL
     */
    public SlurmAbcRequest {
        if (abc == null || output == null || job == null) {
            throw new ParameterException(abc == null ? "abc" : output == null ? "output" : "job", null, "given");
        }
        try {
            output = new Output(SlurmScripts.quotable("--out", output.dir().toAbsolutePath().normalize()),
                    output.force());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** {@code abc} with {@code array} tasks per generation of one CPU each, scripts into {@code output}. */
    public static SlurmAbcRequest of(AbcSmcArguments abc, int array, Output output) {
        return new SlurmAbcRequest(abc, output, job(array, 1, null, null, null, null), null);
    }

    /**
     * A copy with other Slurm settings.
     *
     * @throws BadRequestException for an option outside Slurm's format
     */
    public SlurmAbcRequest withJob(int array, int cpus, String partition, String account, String time, String memory) {
        return new SlurmAbcRequest(abc, output, job(array, cpus, partition, account, time, memory), launcher);
    }

    public SlurmAbcRequest withLauncher(Path program) {
        return new SlurmAbcRequest(abc, output, job, program);
    }

    private static SlurmScripts.Job job(int array, int cpus, String partition, String account, String time,
            String memory) {
        try {
            return new SlurmScripts.Job(array, cpus, partition, account, time, memory);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
