package org.alliancesim.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.alliancesim.scenario.SweepSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim slurm}: sbatch scripts that run a sweep as a job array and merge it. */
@Command(name = "slurm",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Write sbatch scripts: one sweep shard per array task, then a dependent merge job.",
        description = {"Writes DIR/sweep.yaml (a copy of FILE), DIR/sweep.sbatch, DIR/merge.sbatch and DIR/submit.sh;"
                + " run submit.sh on the cluster. Shards go to DIR/shard-K, the merged result to DIR/merged."
                + " See docs/sweeps.md.", ""},
        footer = {"", "Exit codes: 0 written, 2 bad input, 1 internal error."})
final class SlurmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sweep file.")
    Path file;

    @Option(names = "--array", paramLabel = "N", required = true, description = "Array tasks (shards), 1..10000.")
    int array;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the scripts and results.")
    Path out;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition.")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "Time limit per task, e.g. 01:00:00.")
    String time;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per task, e.g. 4G.")
    String mem;

    @Option(names = "--cpus", paramLabel = "C", description = "CPUs per task (default: ${DEFAULT-VALUE}).")
    int cpus = 1;

    @Override
    public Integer call() throws Exception {
        if (array < 1 || array > 10_000) {
            throw new BadInputException("--array must be from 1 to 10000, was " + array);
        }
        if (cpus < 1) {
            throw new BadInputException("--cpus must be at least 1, was " + cpus);
        }
        SweepSpecs.load(file, CalibrateCommand.STATISTICS); // validate now, not on the cluster
        Files.createDirectories(out);
        Path dir = out.toAbsolutePath();
        Files.copy(file, dir.resolve("sweep.yaml"), StandardCopyOption.REPLACE_EXISTING);
        Path launcher = launcher();
        String common = "#SBATCH --output=" + dir + "/slurm-%x-%A_%a.out\n"
                + (partition != null ? "#SBATCH --partition=" + partition + "\n" : "")
                + (time != null ? "#SBATCH --time=" + time + "\n" : "")
                + (mem != null ? "#SBATCH --mem=" + mem + "\n" : "");
        String sweep = "#!/usr/bin/env bash\n"
                + "#SBATCH --job-name=alliancesim-sweep\n"
                + "#SBATCH --array=1-" + array + "\n"
                + "#SBATCH --cpus-per-task=" + cpus + "\n"
                + common
                + "set -euo pipefail\n"
                + "# One shard per task; --resume makes a requeued or restarted task finish what it started.\n"
                + "code=0\n"
                + launcher + " sweep " + dir + "/sweep.yaml --shard ${SLURM_ARRAY_TASK_ID}/" + array
                + " --out " + dir + "/shard-${SLURM_ARRAY_TASK_ID} --resume --threads " + cpus + " --quiet || code=$?\n"
                + "# Exit code 3 means some points failed and were recorded: the shard is complete.\n"
                + "if [ \"$code\" -ne 0 ] && [ \"$code\" -ne 3 ]; then exit \"$code\"; fi\n";
        StringBuilder shards = new StringBuilder();
        for (int k = 1; k <= array; k++) {
            shards.append(' ').append(dir).append("/shard-").append(k);
        }
        String merge = "#!/usr/bin/env bash\n"
                + "#SBATCH --job-name=alliancesim-merge\n"
                + common.replace("_%a", "")
                + "set -euo pipefail\n"
                + "code=0\n"
                + launcher + " merge" + shards + " --out " + dir + "/merged --force || code=$?\n"
                + "if [ \"$code\" -ne 0 ] && [ \"$code\" -ne 3 ]; then exit \"$code\"; fi\n";
        String submit = "#!/usr/bin/env bash\n"
                + "# Submits the sweep as a job array and the merge as a job that waits for all of it.\n"
                + "set -euo pipefail\n"
                + "cd \"" + dir + "\"\n"
                + "array=$(sbatch --parsable sweep.sbatch)\n"
                + "array=${array%%;*}\n"
                + "sbatch --parsable --dependency=afterok:$array merge.sbatch\n";
        write(dir.resolve("sweep.sbatch"), sweep);
        write(dir.resolve("merge.sbatch"), merge);
        write(dir.resolve("submit.sh"), submit);
        spec.commandLine().getOut().println("written: " + dir.resolve("sweep.sbatch") + ", " + dir.resolve("merge.sbatch")
                + ", " + dir.resolve("submit.sh") + "\nsubmit with: bash " + dir.resolve("submit.sh"));
        return AllianceSim.OK;
    }

    /** The launcher next to the running jar (bin/alliancesim), or java -jar on the jar itself. */
    private static Path launcher() throws Exception {
        Path jar = Path.of(AllianceSim.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = jar.getParent() != null && jar.getParent().getParent() != null
                ? jar.getParent().getParent().getParent() : null;
        if (root != null && Files.isExecutable(root.resolve("bin/alliancesim"))) {
            return root.resolve("bin/alliancesim");
        }
        return Path.of("java -jar " + jar);
    }

    private static void write(Path p, String text) throws Exception {
        Files.writeString(p, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the scripts still run with bash
        }
    }
}
