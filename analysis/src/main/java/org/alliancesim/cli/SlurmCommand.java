package org.alliancesim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.usecase.BadRequestException;
import org.alliancesim.analysis.usecase.SlurmAbcRequest;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.analysis.usecase.SlurmRequest;
import org.alliancesim.analysis.usecase.SlurmUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim slurm}: flags to a {@link SlurmRequest}; prints how to submit. */
@Command(name = "slurm",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Write sbatch scripts: one sweep (or compete) shard per array task, then a dependent merge job.",
        description = {"Writes DIR/sweep.yaml (FILE with its defaults filled in and a relative base made absolute),"
                + " DIR/sweep.sbatch, DIR/merge.sbatch and DIR/submit.sh; run submit.sh on the cluster. Shards go to"
                + " DIR/shard-K, the merged result to DIR/merged. Paths are written quoted; Slurm options are checked"
                + " against Slurm's formats. With --compete, FILE is a hypotheses file: DIR/hypotheses.yaml,"
                + " DIR/compete.sbatch, DIR/merge.sbatch and DIR/submit.sh, one shard of the variants per task."
                + " With --abc, FILE is a targets file: DIR/abc.sbatch (one generation's array) and DIR/driver.sh"
                + " (submits each generation, waits, and reduces it), results in DIR/posterior, the same as"
                + " 'calibrate FILE --method abc-smc' with the same seed."
                + " See docs/sweeps.md, docs/hypotheses.md and docs/calibration.md.", ""},
        footer = {"", "Exit codes: 0 written, 2 bad input, 1 internal error."})
final class SlurmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sweep file (with --compete: the hypotheses file; with --abc:"
            + " the targets file or 'literature').")
    Path file;

    @Option(names = "--compete", description = "FILE is a hypotheses file: run 'compete' as the array.")
    boolean compete;

    @Option(names = "--abc", description = "FILE is a targets file (or 'literature'): run 'calibrate --method abc-smc',"
            + " each generation as a job array (DIR/abc.sbatch) driven by DIR/driver.sh.")
    boolean abc;

    @Mixin
    AbcSmcOptions abcOptions;

    @Option(names = "--replications", paramLabel = "N", description = "--abc: replications per simulation (default:"
            + " the targets file's).")
    Integer replications;

    @Option(names = "--families", paramLabel = "N", description = "--abc: families per replication (default: the"
            + " targets file's).")
    Integer families;

    @Option(names = "--base", paramLabel = "SCENARIO", description = "--abc: the base scenario (default: the targets"
            + " file's).")
    String base;

    @Mixin
    SetOption setOption;

    @Option(names = "--array", paramLabel = "N", required = true, description = "Array tasks (shards; with --abc: tasks"
            + " per generation), 1..10000.")
    int array;

    @Mixin
    OutputOptions.Required results;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition(s), e.g. short or short,long.")
    String partition;

    @Option(names = "--account", paramLabel = "A", description = "Slurm account to charge.")
    String account;

    @Option(names = "--time", paramLabel = "T", description = "Time limit per task, e.g. 01:00:00 or 2-00:00:00.")
    String time;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per task, e.g. 4G.")
    String mem;

    @Option(names = "--cpus", paramLabel = "C", description = "CPUs per task, 1..1024 (default: ${DEFAULT-VALUE}).")
    int cpus = 1;

    @Option(names = "--launcher", paramLabel = "PROGRAM", description = "The program the jobs run (default: this"
            + " installation's bin/alliancesim, or java -jar on its jar).")
    Path launcher;

    @Override
    public Integer call() throws Exception {
        Output output = new Output(results.dir(), results.force);
        if (abc) {
            if (compete) {
                throw new BadRequestException("--abc and --compete: give one");
            }
            SlurmUseCase.Result r = SlurmUseCase.executeAbc(SlurmAbcRequest.of(abcOptions.arguments(file.toString(), base, setOption.edits,
                    replications, families), array, output).withJob(array, cpus, partition, account, time, mem).withLauncher(launcher));
            spec.commandLine().getOut().println("written: " + String.join(", ", r.scripts().stream().map(Path::toString)
                    .toList()) + "\nrun the driver (it submits each generation and waits): " + r.submit()
                    + "\nresults: " + r.folder().resolve("posterior"));
            return AllianceSim.OK;
        }
        SlurmRequest request = compete ? SlurmRequest.compete(file, array, output) : SlurmRequest.of(file, array, output);
        SlurmUseCase.Result r = SlurmUseCase.execute(request.withCpus(cpus)
                .withPartition(partition).withAccount(account).withTime(time).withMemory(mem).withLauncher(launcher));
        spec.commandLine().getOut().println("written: " + String.join(", ", r.scripts().stream().map(Path::toString)
                .toList()) + "\nsubmit with: " + r.submit());
        return AllianceSim.OK;
    }
}
