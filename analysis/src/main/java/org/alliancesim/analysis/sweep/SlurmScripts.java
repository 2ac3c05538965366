package org.alliancesim.analysis.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;

/**
 * The sbatch scripts that run a sweep as a Slurm job array, one shard per task, and merge it.
 *
 * <p>What goes into the scripts is checked or quoted, never pasted: every path (the folder, the
 * launcher) is written once, single-quoted (a {@code '} becomes {@code '\''}), and used in double
 * quotes, so spaces, {@code $(...)}, backquotes and quotes in it are taken literally; a path with a
 * line break, carriage return or NUL cannot be quoted safely on one line and is refused. Slurm
 * options (partition, account, time, memory) must match strict patterns of Slurm's formats, so no
 * value can add an {@code #SBATCH} line or a command. Relative paths (the folder, the sweep's
 * {@code base}) are made absolute, so the jobs run from any directory.
 */
public final class SlurmScripts {

    /** The scripts written beside sweep.yaml, in order: the array, the merge, the submission. */
    public static final List<String> SCRIPTS = List.of("sweep.sbatch", "merge.sbatch", "submit.sh");

    /** A partition (or several, comma-separated) or an account: Slurm names, nothing a shell or sbatch would read. */
    static final Pattern NAMES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}(,[A-Za-z0-9][A-Za-z0-9_.-]{0,63})*");
    /** Slurm's time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S; or UNLIMITED. */
    static final Pattern TIME = Pattern.compile("\\d{1,6}(:\\d{1,2}){0,2}|\\d{1,4}-\\d{1,2}(:\\d{1,2}){0,2}"
            + "|UNLIMITED|INFINITE");
    /** Memory: a whole number with an optional unit K, M, G or T. */
    static final Pattern MEMORY = Pattern.compile("\\d{1,9}[KMGT]?");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private SlurmScripts() {}

    /**
     * The Slurm settings of a sweep's jobs, checked against Slurm's formats.
     *
     * @param array array tasks (shards), 1..10000
     * @param cpus CPUs per task (the sweep's threads), 1..1024
     * @param partition partition name(s), comma-separated, or null for the cluster's default
     * @param account account to charge, or null
     * @param time time limit per task (minutes, M:S, H:M:S, D-H, D-H:M, D-H:M:S, UNLIMITED), or null
     * @param memory memory per task (a whole number with an optional unit K, M, G or T), or null
     */
    public record Job(int array, int cpus, String partition, String account, String time, String memory) {

        /** @throws IllegalArgumentException (bad input) naming the option, what was found and what is allowed */
        public Job {
            if (array < 1 || array > 10_000) {
                throw new IllegalArgumentException("--array must be from 1 to 10000, was " + array);
            }
            if (cpus < 1 || cpus > 1024) {
                throw new IllegalArgumentException("--cpus must be from 1 to 1024, was " + cpus);
            }
            check("--partition", partition, NAMES, "a Slurm partition name (letters, digits, '_', '.', '-'; several"
                    + " separated by commas)");
            check("--account", account, NAMES, "a Slurm account name (letters, digits, '_', '.', '-')");
            check("--time", time, TIME, "a Slurm time: minutes, M:S, H:M:S, D-H, D-H:M, D-H:M:S or UNLIMITED");
            check("--mem", memory, MEMORY, "a whole number with an optional unit K, M, G or T, e.g. 4G");
        }

        /** The job's #SBATCH option lines. */
        String options() {
            return (partition != null ? "#SBATCH --partition=" + partition + "\n" : "")
                    + (account != null ? "#SBATCH --account=" + account + "\n" : "")
                    + (time != null ? "#SBATCH --time=" + time + "\n" : "")
                    + (memory != null ? "#SBATCH --mem=" + memory + "\n" : "");
        }
    }

    /**
     * Writes {@code dir}/sweep.yaml (the sweep with its defaults filled in and a relative base made
     * absolute: the jobs read this copy), sweep.sbatch, merge.sbatch and submit.sh (executable).
     * Shards go to {@code dir}/shard-K, the merged result to {@code dir}/merged.
     *
     * @param dir the folder, absolute, quotable ({@link #quotable})
     * @param force whether scripts in a non-empty folder may be replaced (shard folders in it are kept)
     * @param program the program the jobs run, as its words ({@link #launcher}, {@link #defaultLauncher})
     * @throws IllegalArgumentException (bad input) for a folder that is not empty without {@code force},
     *     or cannot take files; nothing is written
     */
    public static void write(SweepSpec spec, Job job, Path dir, boolean force, List<String> program)
            throws IOException {
        write(new Kind("sweep", "sweep.yaml", SCRIPTS, "# One shard per task; --resume makes a requeued or restarted"
                + " task finish what it started.\n", "--resume", SWEEP_ACCEPTS), sweepFile(spec), job, dir, force, program);
    }

    /** The compete scripts, in order: the array, the merge, the submission. */
    public static final List<String> COMPETE_SCRIPTS = List.of("compete.sbatch", "merge.sbatch", "submit.sh");

    /**
     * Writes {@code dir}/hypotheses.yaml ({@code hypotheses}: the hypotheses file with every field
     * written out and relative paths made absolute; the jobs read this copy), compete.sbatch (one
     * shard of the variants per task), merge.sbatch and submit.sh, as {@link #write} does for a sweep.
     * A requeued task starts its shard afresh ({@code --force}): a compete shard is not resumable.
     *
     * @throws IllegalArgumentException (bad input) as {@link #write}
     */
    public static void writeCompete(String hypotheses, Job job, Path dir, boolean force, List<String> program)
            throws IOException {
        write(new Kind("compete", "hypotheses.yaml", COMPETE_SCRIPTS, "# One shard of the variants per task; a"
                + " requeued or restarted task runs its shard afresh.\n", "--force", COMPETE_ACCEPTS), hypotheses, job, dir, force,
                program);
    }

    /**
     * What the array runs: the command, the file it reads (written beside the scripts), the scripts'
     * names, a comment on restarts, and the flag that makes a task restartable.
     */
    private record Kind(String command, String file, List<String> scripts, String restart, String restartFlag,
            String accept) {}

    /** A sweep shard that recorded failed points (exit code 3) is complete; anything else fails the task. */
    private static final String SWEEP_ACCEPTS = "# Exit code 3 means some points failed and were recorded: the shard is"
            + " complete.\n" + "if [ \"$code\" -ne 0 ] && [ \"$code\" -ne 3 ]; then exit \"$code\"; fi\n";
    /** A compete shard has no partial success: any non-zero exit code fails the task. */
    private static final String COMPETE_ACCEPTS = "if [ \"$code\" -ne 0 ]; then exit \"$code\"; fi\n";

    private static void write(Kind kind, String fileText, Job job, Path dir, boolean force, List<String> program)
            throws IOException {
        String run = String.join(" ", program.stream().map(SlurmScripts::quote).toList());
        String preamble = "set -euo pipefail\n"
                + "# Written by 'alliancesim slurm'. The folder is single-quoted here and used in double quotes below,\n"
                + "# so every character of it is taken literally.\n"
                + "dir=" + quote(dir.toString()) + "\n";
        String array = "#!/usr/bin/env bash\n"
                + "#SBATCH --job-name=alliancesim-" + kind.command() + "\n"
                + "#SBATCH --array=1-" + job.array() + "\n"
                + "#SBATCH --cpus-per-task=" + job.cpus() + "\n"
                + "#SBATCH --output=slurm-%x-%A_%a.out\n"
                + job.options()
                + preamble
                + kind.restart()
                + "code=0\n"
                + run + " " + kind.command() + " \"$dir/" + kind.file() + "\" --shard \"$SLURM_ARRAY_TASK_ID/"
                + job.array() + "\"" + " --out \"$dir/shard-$SLURM_ARRAY_TASK_ID\" " + kind.restartFlag()
                + " --threads " + job.cpus() + " --quiet || code=$?\n"
                + kind.accept();
        String merge = "#!/usr/bin/env bash\n"
                + "#SBATCH --job-name=alliancesim-merge\n"
                + "#SBATCH --output=slurm-%x-%A.out\n"
                + job.options()
                + preamble
                + "shards=()\n"
                + "for ((k = 1; k <= " + job.array() + "; k++)); do shards+=(\"$dir/shard-$k\"); done\n"
                + "code=0\n"
                + run + " merge \"${shards[@]}\" --out \"$dir/merged\" --force || code=$?\n"
                + "if [ \"$code\" -ne 0 ] && [ \"$code\" -ne 3 ]; then exit \"$code\"; fi\n";
        String submit = "#!/usr/bin/env bash\n"
                + "# Submits the " + kind.command() + " as a job array and the merge as a job that waits for all of it;\n"
                + "# prints the merge job's id. Job logs (slurm-*.out) go to the folder.\n"
                + preamble
                + "cd \"$dir\"\n"
                + "array=$(sbatch --parsable " + kind.scripts().get(0) + ")\n"
                + "array=${array%%;*}\n"
                + "sbatch --parsable --dependency=\"afterok:$array\" merge.sbatch\n";
        try (ResultsFolder f = ResultsFolder.open(dir, force, List.of())) {
            f.write(kind.file(), fileText);
            f.write(kind.scripts().get(0), array);
            f.write(kind.scripts().get(1), merge);
            f.write(kind.scripts().get(2), submit);
            f.commit();
        }
        executable(dir, kind.scripts());
    }

    /** The scripts of an ABC-SMC run ({@code slurm --abc}), in order: the array of one generation, the driver. */
    public static final List<String> ABC_SCRIPTS = List.of("abc.sbatch", "driver.sh");

    /**
     * Writes {@code dir}/abc.sbatch (one generation's array: task K simulates its slice of the
     * particle slots into {@code dir}/work/generation-T/task-K.csv) and driver.sh (executable: per
     * generation, submits the array with {@code sbatch --wait}, then runs the reduce step, until
     * the reduce step writes {@code dir}/work/finished; results go to {@code dir}/posterior). Every
     * job runs {@code calibrate} with {@code calibrate} (the run's arguments, each quoted) and the
     * step's flags.
     *
     * @param calibrate the run's {@code calibrate} arguments, from TARGETS on (quotable: no line break, CR or NUL)
     * @throws IllegalArgumentException (bad input) as {@link #write}, or for an argument that cannot be quoted
     */
    public static void writeAbc(List<String> calibrate, Job job, Path dir, boolean force, List<String> program)
            throws IOException {
        for (String a : calibrate) {
            if (a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0 || a.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("'" + shown(a) + "' holds a line break, carriage return or NUL, which"
                        + " cannot be written safely into a job script");
            }
        }
        String run = String.join(" ", program.stream().map(SlurmScripts::quote).toList()) + " calibrate "
                + String.join(" ", calibrate.stream().map(SlurmScripts::quote).toList())
                + " --out \"$dir/posterior\" --slurm-work \"$dir/work\"";
        String preamble = "set -euo pipefail\n"
                + "# Written by 'alliancesim slurm --abc'. The folder and every argument are single-quoted, the folder\n"
                + "# used in double quotes below, so every character of them is taken literally.\n"
                + "dir=" + quote(dir.toString()) + "\n";
        String array = "#!/usr/bin/env bash\n"
                + "#SBATCH --job-name=alliancesim-abc\n"
                + "#SBATCH --array=1-" + job.array() + "\n"
                + "#SBATCH --cpus-per-task=" + job.cpus() + "\n"
                + "#SBATCH --output=slurm-%x-%A_%a.out\n"
                + job.options()
                + preamble
                + "# Task K simulates particle slots i with i mod " + job.array() + " = K - 1 of the next generation (from\n"
                + "# work/abc-checkpoint.json) into work/generation-T/task-K.csv; a task whose complete shard is there\n"
                + "# keeps it, so a requeued task or a second driver does not simulate it again.\n"
                + run + " --slurm-task \"$SLURM_ARRAY_TASK_ID/" + job.array() + "\" --threads " + job.cpus() + " --quiet\n";
        String driver = "#!/usr/bin/env bash\n"
                + "#SBATCH --job-name=alliancesim-abc-driver\n"
                + "#SBATCH --output=slurm-%x-%j.out\n"
                + (job.partition() != null ? "#SBATCH --partition=" + job.partition() + "\n" : "")
                + (job.account() != null ? "#SBATCH --account=" + job.account() + "\n" : "")
                + "# The driver: run it on a login node (bash driver.sh, e.g. under nohup), or submit it (sbatch driver.sh)\n"
                + "# where jobs may submit jobs. Per generation it submits abc.sbatch and waits for every task\n"
                + "# (sbatch --wait exits non-zero if a task failed: the driver stops, and running it again resumes),\n"
                + "# then the reduce step checks every shard, finishes the generation as a local run would and writes\n"
                + "# work/abc-checkpoint.json; after the last generation it writes posterior/ and work/finished.\n"
                + preamble
                + "cd \"$dir\"\n"
                + "while [ ! -e \"$dir/work/finished\" ]; do\n"
                + "  started=$(date +%s%3N)\n"
                + "  sbatch --wait --parsable abc.sbatch > /dev/null\n"
                + "  " + run + " --slurm-reduce " + job.array() + " --slurm-started \"$started\" --threads 1 --quiet\n"
                + "done\n"
                + "echo \"posterior: $dir/posterior\"\n";
        try (ResultsFolder f = ResultsFolder.open(dir, force, List.of())) {
            f.write(ABC_SCRIPTS.get(0), array);
            f.write(ABC_SCRIPTS.get(1), driver);
            f.commit();
        }
        executable(dir, ABC_SCRIPTS);
    }

    private static void executable(Path dir, List<String> scripts) throws IOException {
        for (String script : scripts) {
            try {
                Files.setPosixFilePermissions(dir.resolve(script), PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the scripts still run with bash
            }
        }
    }

    /** {@code s} single-quoted for bash: taken literally, whatever it holds (checked by {@link #quotable}). */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * {@code p}, if it can be quoted on one line of a script: no line break, carriage return or NUL.
     *
     * @param option what the path is, for the message ({@code --out})
     * @throws IllegalArgumentException (bad input) otherwise
     */
    public static Path quotable(String option, Path p) {
        String s = p.toString();
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(option + " " + shown(s) + " holds a line break, carriage return or NUL,"
                    + " which cannot be written safely into a job script; choose a path without them");
        }
        return p;
    }

    /**
     * The program the jobs run: {@code launcher}, made absolute.
     *
     * @throws IllegalArgumentException (bad input) unless it is an executable file that can be quoted
     */
    public static List<String> launcher(Path launcher) {
        Path l = quotable("--launcher", launcher.toAbsolutePath().normalize());
        if (!Files.isRegularFile(l) || !Files.isExecutable(l)) {
            throw new IllegalArgumentException("--launcher " + l + " is not an executable file");
        }
        return List.of(l.toString());
    }

    /** This installation's program: bin/alliancesim beside the jar's module, or java -jar on the jar itself. */
    public static List<String> defaultLauncher() {
        Path jar;
        try {
            jar = Path.of(SlurmScripts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the program", e);
        }
        Path root = jar.getParent() != null && jar.getParent().getParent() != null
                ? jar.getParent().getParent().getParent() : null;
        if (root != null && Files.isExecutable(root.resolve("bin/alliancesim"))) {
            return List.of(quotable("--launcher", root.resolve("bin/alliancesim")).toString());
        }
        return List.of("java", "-jar", quotable("--launcher", jar).toString());
    }

    /** The sweep as the jobs read it: every field written out, {@code base} absolute (or a built-in name). */
    private static String sweepFile(SweepSpec s) throws IOException {
        String base = ScenarioLoader.isBuiltin(s.base()) ? s.base()
                : Path.of(s.base()).toAbsolutePath().normalize().toString();
        ObjectNode n = YAML.valueToTree(s);
        n.put("base", base);
        n.put("design", s.design().name().toLowerCase(Locale.ROOT));
        return "# Written by 'alliancesim slurm': the sweep file with its defaults filled in and its base made"
                + " absolute.\n" + YAML.writeValueAsString(n);
    }

    private static void check(String option, String value, Pattern allowed, String what) {
        if (value != null && !allowed.matcher(value).matches()) {
            throw new IllegalArgumentException(option + " must be " + what + "; was '" + shown(value) + "'");
        }
    }

    /** {@code s} with control characters made visible ({@code \n}, {@code \r}, {@code \0}, {@code \}uXXXX). */
    static String shown(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
            if (sb.length() > 120) {
                return sb.substring(0, 117) + "...";
            }
        }
        return sb.toString();
    }
}
