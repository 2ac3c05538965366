package org.alliancesim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.sweep.SweepRunner;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;
import org.alliancesim.scenario.SweepSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alliancesim slurm}: sbatch scripts that run a sweep as a job array and merge it.
 *
 * <p>What goes into the scripts is checked or quoted, never pasted: every path (the folder, the
 * launcher) is written once, single-quoted (a {@code '} becomes {@code '\''}), and used in double
 * quotes, so spaces, {@code $(...)}, backquotes and quotes in it are taken literally; a path with a
 * line break, carriage return or NUL cannot be quoted safely on one line and is refused. Slurm
 * options ({@code --partition}, {@code --account}, {@code --time}, {@code --mem}) must match
 * strict patterns of Slurm's formats, so no value can add an {@code #SBATCH} line or a command.
 * Relative paths (the folder, the sweep's {@code base}) are made absolute, so the jobs run from
 * any directory.
 */
@Command(name = "slurm",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Write sbatch scripts: one sweep shard per array task, then a dependent merge job.",
        description = {"Writes DIR/sweep.yaml (FILE with its defaults filled in and a relative base made absolute),"
                + " DIR/sweep.sbatch, DIR/merge.sbatch and DIR/submit.sh; run submit.sh on the cluster. Shards go to"
                + " DIR/shard-K, the merged result to DIR/merged. Paths are written quoted; Slurm options are checked"
                + " against Slurm's formats. See docs/sweeps.md.", ""},
        footer = {"", "Exit codes: 0 written, 2 bad input, 1 internal error."})
final class SlurmCommand implements Callable<Integer> {

    /** A partition (or several, comma-separated) or an account: Slurm names, nothing a shell or sbatch would read. */
    static final Pattern NAMES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}(,[A-Za-z0-9][A-Za-z0-9_.-]{0,63})*");
    /** Slurm's time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S; or UNLIMITED. */
    static final Pattern TIME = Pattern.compile("\\d{1,6}(:\\d{1,2}){0,2}|\\d{1,4}-\\d{1,2}(:\\d{1,2}){0,2}"
            + "|UNLIMITED|INFINITE");
    /** Memory: a whole number with an optional unit K, M, G or T. */
    static final Pattern MEMORY = Pattern.compile("\\d{1,9}[KMGT]?");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sweep file.")
    Path file;

    @Option(names = "--array", paramLabel = "N", required = true, description = "Array tasks (shards), 1..10000.")
    int array;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the scripts and results.")
    Path out;

    @Option(names = "--force", description = "Replace the scripts in a non-empty --out folder (shard folders in it"
            + " are kept, and resumed by the jobs if they belong to the same sweep).")
    boolean force;

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
        if (array < 1 || array > 10_000) {
            throw new BadInputException("--array must be from 1 to 10000, was " + array);
        }
        if (cpus < 1 || cpus > 1024) {
            throw new BadInputException("--cpus must be from 1 to 1024, was " + cpus);
        }
        checkOption("--partition", partition, NAMES, "a Slurm partition name (letters, digits, '_', '.', '-'; several"
                + " separated by commas)");
        checkOption("--account", account, NAMES, "a Slurm account name (letters, digits, '_', '.', '-')");
        checkOption("--time", time, TIME, "a Slurm time: minutes, M:S, H:M:S, D-H, D-H:M, D-H:M:S or UNLIMITED");
        checkOption("--mem", mem, MEMORY, "a whole number with an optional unit K, M, G or T, e.g. 4G");
        SweepSpec s = SweepSpecs.load(file, CalibrateCommand.STATISTICS); // validate now, not on the cluster
        try {
            SweepRunner.check(s);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        Path dir = quotable("--out", out.toAbsolutePath().normalize());
        List<String> program = new ArrayList<>();
        if (launcher != null) {
            Path l = quotable("--launcher", launcher.toAbsolutePath().normalize());
            if (!Files.isRegularFile(l) || !Files.isExecutable(l)) {
                throw new BadInputException("--launcher " + l + " is not an executable file");
            }
            program.add(l.toString());
        } else {
            program.addAll(defaultLauncher());
        }
        String run = String.join(" ", program.stream().map(SlurmCommand::quote).toList());
        String base = ScenarioLoader.isBuiltin(s.base()) ? s.base()
                : Path.of(s.base()).toAbsolutePath().normalize().toString();
        String options = (partition != null ? "#SBATCH --partition=" + partition + "\n" : "")
                + (account != null ? "#SBATCH --account=" + account + "\n" : "")
                + (time != null ? "#SBATCH --time=" + time + "\n" : "")
                + (mem != null ? "#SBATCH --mem=" + mem + "\n" : "");
        String preamble = "set -euo pipefail\n"
                + "# Written by 'alliancesim slurm'. The folder is single-quoted here and used in double quotes below,\n"
                + "# so every character of it is taken literally.\n"
                + "dir=" + quote(dir.toString()) + "\n";
        String sweep = "#!/usr/bin/env bash\n"
                + "#SBATCH --job-name=alliancesim-sweep\n"
                + "#SBATCH --array=1-" + array + "\n"
                + "#SBATCH --cpus-per-task=" + cpus + "\n"
                + "#SBATCH --output=slurm-%x-%A_%a.out\n"
                + options
                + preamble
                + "# One shard per task; --resume makes a requeued or restarted task finish what it started.\n"
                + "code=0\n"
                + run + " sweep \"$dir/sweep.yaml\" --shard \"$SLURM_ARRAY_TASK_ID/" + array + "\""
                + " --out \"$dir/shard-$SLURM_ARRAY_TASK_ID\" --resume --threads " + cpus + " --quiet || code=$?\n"
                + "# Exit code 3 means some points failed and were recorded: the shard is complete.\n"
                + "if [ \"$code\" -ne 0 ] && [ \"$code\" -ne 3 ]; then exit \"$code\"; fi\n";
        String merge = "#!/usr/bin/env bash\n"
                + "#SBATCH --job-name=alliancesim-merge\n"
                + "#SBATCH --output=slurm-%x-%A.out\n"
                + options
                + preamble
                + "shards=()\n"
                + "for ((k = 1; k <= " + array + "; k++)); do shards+=(\"$dir/shard-$k\"); done\n"
                + "code=0\n"
                + run + " merge \"${shards[@]}\" --out \"$dir/merged\" --force || code=$?\n"
                + "if [ \"$code\" -ne 0 ] && [ \"$code\" -ne 3 ]; then exit \"$code\"; fi\n";
        String submit = "#!/usr/bin/env bash\n"
                + "# Submits the sweep as a job array and the merge as a job that waits for all of it;\n"
                + "# prints the merge job's id. Job logs (slurm-*.out) go to the folder.\n"
                + preamble
                + "cd \"$dir\"\n"
                + "array=$(sbatch --parsable sweep.sbatch)\n"
                + "array=${array%%;*}\n"
                + "sbatch --parsable --dependency=\"afterok:$array\" merge.sbatch\n";
        List<String> scripts = List.of("sweep.sbatch", "merge.sbatch", "submit.sh");
        try (ResultsFolder f = ResultsFolder.open(dir, force, List.of())) {
            f.write("sweep.yaml", sweepFile(s, base));
            f.write(scripts.get(0), sweep);
            f.write(scripts.get(1), merge);
            f.write(scripts.get(2), submit);
            f.commit();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        for (String script : scripts) {
            try {
                Files.setPosixFilePermissions(dir.resolve(script), PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the scripts still run with bash
            }
        }
        spec.commandLine().getOut().println("written: " + dir.resolve("sweep.sbatch") + ", " + dir.resolve("merge.sbatch")
                + ", " + dir.resolve("submit.sh") + "\nsubmit with: bash " + quote(dir.resolve("submit.sh").toString()));
        return AllianceSim.OK;
    }

    /** {@code s} single-quoted for bash: taken literally, whatever it holds (checked by {@link #quotable}). */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** A path that can be quoted on one line of a script: no line break, carriage return or NUL. */
    private static Path quotable(String option, Path p) {
        String s = p.toString();
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
            throw new BadInputException(option + " " + shown(s) + " holds a line break, carriage return or NUL, which"
                    + " cannot be written safely into a job script; choose a path without them");
        }
        return p;
    }

    private static void checkOption(String option, String value, Pattern allowed, String what) {
        if (value != null && !allowed.matcher(value).matches()) {
            throw new BadInputException(option + " must be " + what + "; was '" + shown(value) + "'");
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

    /** The sweep as the jobs read it: every field written out, {@code base} absolute (or a built-in name). */
    private static String sweepFile(SweepSpec s, String base) throws Exception {
        ObjectNode n = YAML.valueToTree(s);
        n.put("base", base);
        n.put("design", s.design().name().toLowerCase(Locale.ROOT));
        return "# Written by 'alliancesim slurm': the sweep file with its defaults filled in and its base made"
                + " absolute.\n" + YAML.writeValueAsString(n);
    }

    /** The launcher next to the running jar (bin/alliancesim), or java -jar on the jar itself. */
    private static List<String> defaultLauncher() throws Exception {
        Path jar = Path.of(AllianceSim.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = jar.getParent() != null && jar.getParent().getParent() != null
                ? jar.getParent().getParent().getParent() : null;
        if (root != null && Files.isExecutable(root.resolve("bin/alliancesim"))) {
            return List.of(quotable("--launcher", root.resolve("bin/alliancesim")).toString());
        }
        return List.of("java", "-jar", quotable("--launcher", jar).toString());
    }
}
