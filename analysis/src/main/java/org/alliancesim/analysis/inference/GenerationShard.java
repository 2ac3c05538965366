package org.alliancesim.analysis.inference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.analysis.io.ReadBack;

/**
 * One array task's share of an ABC-SMC generation ({@code slurm --abc}): every attempt
 * ({@link AbcSmc#simulateSlots}) of the particle slots {@code i} with {@code i mod n = k - 1}, as
 * a text file written atomically and read back only after checks, so a damaged, truncated, edited
 * or foreign shard is refused with its file and line before anything is written.
 *
 * <pre>
 * # alliancesim abc-smc generation shard 1
 * key,SHA-256 of the run's identity, the generation and the checkpoint it started from
 * generation,T
 * task,K/N
 * columns,D,M
 * slot,attempt,D parameters,M statistics      (or slot,attempt,none: no move stayed in the support)
 * ...
 * end,ROWS,SHA-256 of every byte before this line
 * </pre>
 *
 * <p>Every number is written as {@link Double#toString} writes it and must read back as exactly
 * that text (so it is the same double, bit for bit); parameters must be finite, statistics may be
 * NaN (undefined). The file is read through {@link ReadBack} (no link, at most the bytes such a
 * shard can hold), slots must be the task's own, ascending, each with attempts 0, 1, ... in order.
 */
public final class GenerationShard {

    /** The first line. */
    static final String FORMAT = "# alliancesim abc-smc generation shard 1";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** A row: at most two ints of 10 digits and D + M numbers of at most 24 characters, with commas. */
    private static final int NUMBER_MAX = 24;

    private GenerationShard() {}

    /** The shard's file name for task {@code k}. */
    public static String fileName(int k) {
        return "task-" + k + ".csv";
    }

    /** The slots of task {@code k} of {@code n} in a population of {@code population}: i with i mod n = k - 1. */
    public static int[] slots(int population, int k, int n) {
        int[] out = new int[k > population ? 0 : (population - k) / n + 1];
        for (int j = 0; j < out.length; j++) {
            out[j] = k - 1 + j * n;
        }
        return out;
    }

    /**
     * The key of a generation's shards: the run's identity, the generation and the checkpoint bytes
     * it starts from (none for generation 0), as a SHA-256 digest.
     */
    public static String key(String identity, int generation, byte[] checkpoint) {
        MessageDigest md = sha256();
        md.update((identity + "\n" + generation + "\n").getBytes(StandardCharsets.UTF_8));
        md.update(checkpoint == null ? "none".getBytes(StandardCharsets.UTF_8) : checkpoint);
        return HexFormat.of().formatHex(md.digest());
    }

    /** Writes task {@code k}'s attempts (per slot, in {@link #slots} order) to {@code file}, atomically. */
    public static void write(Path file, String key, int generation, int k, int n, int d, int m,
            List<List<AbcSmc.Attempt>> attempts) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(FORMAT).append('\n').append("key,").append(key).append('\n').append("generation,").append(generation)
                .append('\n').append("task,").append(k).append('/').append(n).append('\n').append("columns,").append(d)
                .append(',').append(m).append('\n');
        long rows = 0;
        for (List<AbcSmc.Attempt> slot : attempts) {
            for (AbcSmc.Attempt a : slot) {
                sb.append(a.slot()).append(',').append(a.attempt());
                if (!a.simulated()) {
                    sb.append(",none");
                } else {
                    for (double x : a.theta()) {
                        sb.append(',').append(Double.toString(x));
                    }
                    for (double x : a.stats()) {
                        sb.append(',').append(Double.toString(x));
                    }
                }
                sb.append('\n');
                rows++;
            }
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        String end = "end," + rows + "," + HexFormat.of().formatHex(sha256().digest(body)) + "\n";
        try (AtomicFile f = AtomicFile.create(file)) {
            try (java.io.OutputStream out = f.stream()) {
                out.write(body);
                out.write(end.getBytes(StandardCharsets.UTF_8));
            }
            f.commit();
        }
    }

    /**
     * A shard read back: per slot of the task (in {@link #slots} order) its attempts, and the line
     * each attempt was on (for messages).
     */
    public record Contents(List<List<AbcSmc.Attempt>> attempts, List<int[]> lines) {}

    /**
     * Reads and checks {@code folder}/{@code name}, task {@code k} of {@code n} of {@code generation}.
     *
     * @param maxAttempts the most attempts a slot can have (the generation's simulation allowance)
     * @throws IllegalArgumentException (bad input) naming the file and line: a link, too large, not
     *     this format, of another key, generation or task, a malformed or foreign row, a number not
     *     in its exact form, rows missing or added (the end line's count and digest)
     * @throws java.nio.file.NoSuchFileException if the file is missing
     */
    public static Contents read(Path folder, String name, String key, int generation, int k, int n, int population,
            int d, int m, long maxAttempts) throws IOException {
        Path file = folder.resolve(name);
        int[] slots = slots(population, k, n);
        long rowMax = 2L * 11 + (long) (d + m) * (NUMBER_MAX + 1) + 1;
        long maxBytes = 400 + (long) slots.length * Math.max(1, maxAttempts) * rowMax + 100;
        byte[] bytes;
        try {
            bytes = ReadBack.bytes(folder, name, maxBytes, "a shard of " + slots.length + " slots of at most "
                    + maxAttempts + " attempts can hold");
        } catch (ReadBack.Refused e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw bad(file, text.split("\n", -1).length, "the file does not end with a line break: truncated");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        expect(file, lines, 0, FORMAT, "the format line '" + FORMAT + "'");
        expect(file, lines, 1, "key," + key, "key," + key + " (this run, generation and checkpoint; a shard of"
                + " another run or of an earlier attempt at this generation is refused)");
        expect(file, lines, 2, "generation," + generation, "generation," + generation);
        expect(file, lines, 3, "task," + k + "/" + n, "task," + k + "/" + n);
        expect(file, lines, 4, "columns," + d + "," + m, "columns," + d + "," + m + " (parameters, statistics)");
        int last = lines.length - 1;
        String[] end = lines[last].split(",", -1);
        if (last < 5 || end.length != 3 || !end[0].equals("end") || !SHA256.matcher(end[2]).matches()) {
            throw bad(file, last + 1, "the last line must be end,ROWS,SHA-256: the file is truncated or damaged");
        }
        int endOffset = text.lastIndexOf('\n', text.length() - 2) + 1;
        String digest = HexFormat.of().formatHex(sha256().digest(text.substring(0, endOffset)
                .getBytes(StandardCharsets.UTF_8)));
        if (!end[1].equals(Integer.toString(last - 5)) || !digest.equals(end[2])) {
            throw bad(file, last + 1, "the end line's row count or digest does not match the rows above it: the"
                    + " file was damaged or edited after it was written");
        }
        List<List<AbcSmc.Attempt>> out = new ArrayList<>();
        List<int[]> where = new ArrayList<>();
        List<Integer> lineList = null;
        int j = -1;
        for (int li = 5; li < last; li++) {
            int lineNo = li + 1;
            String[] f = lines[li].split(",", -1);
            if (f.length != 3 && f.length != 2 + d + m) {
                throw bad(file, lineNo, "a row must hold slot,attempt and " + (d + m) + " numbers (or 'none'), found "
                        + f.length + " fields");
            }
            int slot = integer(file, lineNo, f[0], "slot");
            int attempt = integer(file, lineNo, f[1], "attempt");
            if (attempt == 0) {
                if (lineList != null) {
                    where.add(lineList.stream().mapToInt(Integer::intValue).toArray());
                }
                j++;
                if (j >= slots.length || slot != slots[j]) {
                    throw bad(file, lineNo, "slot " + slot + " is not the next of this task's slots ("
                            + (j < slots.length ? "expected " + slots[j] : "it has " + slots.length) + ")");
                }
                out.add(new ArrayList<>());
                lineList = new ArrayList<>();
            } else if (j < 0 || slot != slots[j] || attempt != out.get(j).size()) {
                throw bad(file, lineNo, "slot " + slot + " attempt " + attempt + " is out of order (attempts of a slot"
                        + " run 0, 1, 2, ...)");
            }
            if (attempt >= maxAttempts) {
                throw bad(file, lineNo, "attempt " + attempt + " is beyond the generation's " + maxAttempts
                        + " simulations");
            }
            if (f.length == 3) {
                if (!f[2].equals("none")) {
                    throw bad(file, lineNo, "a row of 3 fields must end in 'none' (no move stayed in the prior's"
                            + " support), found '" + shown(f[2]) + "'");
                }
                out.get(j).add(new AbcSmc.Attempt(slot, attempt, null, null));
            } else {
                double[] theta = new double[d];
                double[] stats = new double[m];
                for (int q = 0; q < d; q++) {
                    theta[q] = number(file, lineNo, f[2 + q], "parameter " + (q + 1));
                    if (!Double.isFinite(theta[q])) {
                        throw bad(file, lineNo, "parameter " + (q + 1) + " is " + f[2 + q] + "; parameters are finite");
                    }
                }
                for (int q = 0; q < m; q++) {
                    stats[q] = number(file, lineNo, f[2 + d + q], "statistic " + (q + 1));
                }
                out.get(j).add(new AbcSmc.Attempt(slot, attempt, theta, stats));
            }
            lineList.add(lineNo);
        }
        if (lineList != null) {
            where.add(lineList.stream().mapToInt(Integer::intValue).toArray());
        }
        if (out.size() != slots.length) {
            throw bad(file, last + 1, "holds " + out.size() + " of this task's " + slots.length + " slots");
        }
        return new Contents(out, where);
    }

    private static void expect(Path file, String[] lines, int i, String want, String what) {
        if (i >= lines.length || !lines[i].equals(want)) {
            throw bad(file, i + 1, "expected " + what + ", found '" + (i < lines.length ? shown(lines[i]) : "")
                    + "'");
        }
    }

    private static int integer(Path file, int line, String s, String what) {
        if (!s.matches("0|[1-9][0-9]{0,8}")) {
            throw bad(file, line, what + " '" + shown(s) + "' is not a whole number from 0 written without sign or"
                    + " leading zeros");
        }
        return Integer.parseInt(s);
    }

    /** {@code s} as a double, if it is exactly the text {@link Double#toString} writes for it. */
    private static double number(Path file, int line, String s, String what) {
        if (s.length() <= NUMBER_MAX) {
            try {
                double x = Double.parseDouble(s);
                if (Double.toString(x).equals(s)) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // not a number at all: refused below
            }
        }
        throw bad(file, line, what + " '" + shown(s) + "' is not a number as Java's Double.toString writes it"
                + " (the exact form the shard is written in)");
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static IllegalArgumentException bad(Path file, int line, String what) {
        return new IllegalArgumentException(file + ":" + line + ": " + what);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
