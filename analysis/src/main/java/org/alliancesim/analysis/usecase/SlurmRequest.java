package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import org.alliancesim.analysis.sweep.SlurmScripts;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.HypothesesSpec;
import org.alliancesim.scenario.HypothesesSpecs;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.SweepSpec;
import org.alliancesim.scenario.SweepSpecs;

/**
 * A sweep, or a competition of hypotheses ({@code compete}), to run on a Slurm cluster: the job
 * array's scripts to write.
 *
 * <p>From JShell: {@code SlurmUseCase.execute(SlurmRequest.of(Path.of("scenarios/sweeps/example.yaml"), 4,
 * Output.to(Path.of("cluster"))).withPartition("short").withTime("01:00:00"))}.
 *
 * @param sweep the sweep's settings (a sweep file, loaded), or null for a competition
 * @param hypotheses the competition's hypotheses (a hypotheses file, loaded), or null for a sweep
 * @param source where the settings came from, for messages (the file's path)
 * @param output the folder for the scripts, the shards and the merged result; made absolute
 * @param array array tasks (shards), 1..10000
 * @param cpus CPUs per task (each shard's threads), 1..1024
 * @param partition Slurm partition(s), or null for the cluster's default
 * @param account Slurm account to charge, or null
 * @param time time limit per task (e.g. 01:00:00 or 2-00:00:00), or null
 * @param memory memory per task (e.g. 4G), or null
 * @param launcher the program the jobs run, or null for this installation's
 */
public record SlurmRequest(SweepSpec sweep, HypothesesSpec hypotheses, String source, Output output, int array, int cpus, String partition,
        String account, String time, String memory, Path launcher) {

    /**
     * Validates the request: the Slurm options against Slurm's formats, the folder's path for a script.
     *
     * @throws ParameterException for neither or both of a sweep and hypotheses, or a missing output
     * @throws BadRequestException for an option outside Slurm's format, or a folder path with a line
     *     break, carriage return or NUL
     */
    public SlurmRequest {
        if ((sweep == null) == (hypotheses == null)) {
            throw new ParameterException("sweep", sweep == null ? null : "a sweep and hypotheses",
                    "a sweep or hypotheses (exactly one)");
        }
        if (output == null) {
            throw new ParameterException("output", null, "given");
        }
        source = source == null ? "sweep" : source;
        try {
            new SlurmScripts.Job(array, cpus, partition, account, time, memory);
            output = new Output(SlurmScripts.quotable("--out", output.dir().toAbsolutePath().normalize()),
                    output.force());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * The sweep file {@code file} as {@code array} tasks of one CPU each, scripts into {@code output}.
     *
     * @throws ScenarioException listing the file's problems, located
     */
    public static SlurmRequest of(Path file, int array, Output output) throws ScenarioException {
        return new SlurmRequest(SweepSpecs.load(file, SweepRequest.METRICS), null, file.toString(), output, array, 1,
                null, null, null, null, null);
    }

    /**
     * The hypotheses file {@code file} ({@code compete}) as {@code array} tasks of one CPU each, each a
     * shard of the variants, scripts into {@code output}.
     *
     * @throws ScenarioException listing the file's problems, located
     */
    public static SlurmRequest compete(Path file, int array, Output output) throws ScenarioException {
        return new SlurmRequest(null, HypothesesSpecs.load(file), file.toString(), output, array, 1, null, null, null,
                null, null);
    }

    /** The job's Slurm settings. */
    public SlurmScripts.Job job() {
        return new SlurmScripts.Job(array, cpus, partition, account, time, memory);
    }

    public SlurmRequest withCpus(int n) {
        return new SlurmRequest(sweep, hypotheses, source, output, array, n, partition, account, time, memory, launcher);
    }

    public SlurmRequest withPartition(String name) {
        return new SlurmRequest(sweep, hypotheses, source, output, array, cpus, name, account, time, memory, launcher);
    }

    public SlurmRequest withAccount(String name) {
        return new SlurmRequest(sweep, hypotheses, source, output, array, cpus, partition, name, time, memory, launcher);
    }

    public SlurmRequest withTime(String limit) {
        return new SlurmRequest(sweep, hypotheses, source, output, array, cpus, partition, account, limit, memory, launcher);
    }

    public SlurmRequest withMemory(String perTask) {
        return new SlurmRequest(sweep, hypotheses, source, output, array, cpus, partition, account, time, perTask, launcher);
    }

    public SlurmRequest withLauncher(Path program) {
        return new SlurmRequest(sweep, hypotheses, source, output, array, cpus, partition, account, time, memory, program);
    }
}
