package org.alliancesim.analysis.calibration;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Problem;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A posterior folder written by {@code calibrate --method abc-smc} (docs/calibration.md, "Posterior
 * folders"): the final population of particles with their weights, and the fitted scenario they
 * apply to. What {@code validate --posterior} and {@code compare --posterior} draw from.
 *
 * <ul>
 *   <li>{@code DIR/posterior.csv}: header {@code generation,particle,weight,<path>,...} (the fitted
 *       parameters' paths, as for --set), one row per particle, weights non-negative and summing to 1;
 *   <li>{@code DIR/fitted.yaml}: the scenario at the posterior median (any scenario file loads).
 * </ul>
 *
 * Everything is checked on reading, before anything runs: a damaged file is a {@link ScenarioException}
 * naming the file, line and column (a missing column, a value that is not a number, a negative weight,
 * weights that do not sum to 1, a path that is not a number of the scenario, a value the model refuses,
 * no particles). Immutable, thread-safe.
 */
public final class Posterior {

    /** The columns before the parameters. */
    public static final List<String> FIXED_COLUMNS = List.of("generation", "particle", "weight");
    /** How far the weights' sum may be from 1, beyond the rounding of each weight as written. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;
    /**
     * The rounding of one weight as posterior.csv holds it: six decimals ({@code Csv.num}), so each
     * weight may be off by half a unit of the sixth decimal, and n weights' sum by n times that (a
     * posterior of 1000 particles written by ABC-SMC sums to 1 +- 5e-4, not 1 +- 1e-6).
     */
    public static final double WEIGHT_ROUNDING = 5e-7;
    /** The largest posterior.csv read (64 MB). */
    public static final long MAX_BYTES = 64L << 20;

    private static final long DRAWS = RandomStreams.purposeCode("posterior-predictive-draws");

    /**
     * One particle.
     *
     * @param generation the ABC generation it comes from
     * @param particle its number in the population
     * @param weight its importance weight (the weights sum to 1)
     * @param values its parameter values, in the posterior's parameter order
     */
    public record Particle(int generation, int particle, double weight, double[] values) {
        /** Copies the values. */
        public Particle {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private final String label;
    private final Scenario fitted;
    private final List<ParameterPath> paths;
    private final List<Particle> particles;
    private final double[] cumulative;

    private Posterior(String label, Scenario fitted, List<ParameterPath> paths, List<Particle> particles) {
        this.label = label;
        this.fitted = fitted;
        this.paths = List.copyOf(paths);
        this.particles = List.copyOf(particles);
        this.cumulative = new double[particles.size()];
        double c = 0;
        for (int i = 0; i < cumulative.length; i++) {
            c += particles.get(i).weight();
            cumulative[i] = c;
        }
    }

    /**
     * Reads and checks the posterior folder {@code dir}.
     *
     * @throws ScenarioException naming file, line, column and what is wrong, for a damaged or missing file
     */
    public static Posterior read(Path dir) throws ScenarioException {
        Path yaml = dir.resolve("fitted.yaml");
        Path csv = dir.resolve("posterior.csv");
        for (Path p : List.of(csv, yaml)) {
            if (!Files.isRegularFile(p)) {
                throw problem(p.toString(), 0, 0, "", "missing: a posterior folder holds posterior.csv and fitted.yaml"
                        + " (calibrate --method abc-smc writes them)");
            }
        }
        Scenario fitted = ScenarioLoader.load(yaml.toString());
        String text;
        try {
            if (Files.size(csv) > MAX_BYTES) {
                throw problem(csv.toString(), 0, 0, "", "larger than " + (MAX_BYTES >> 20) + " MB");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(csv)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw problem(csv.toString(), 0, 0, "", "not UTF-8 text");
        } catch (IOException e) {
            throw problem(csv.toString(), 0, 0, "", "cannot be read: " + e.getMessage());
        }
        return parse(csv.toString(), text, fitted);
    }

    /**
     * Parses posterior.csv text against the scenario its parameters apply to (for tests and tools).
     *
     * @param label the file name used in messages
     * @throws ScenarioException naming the line and column of the first problem
     */
    public static Posterior parse(String label, String text, Scenario fitted) throws ScenarioException {
        String[] lines = text.split("\r?\n", -1);
        int last = lines.length;
        while (last > 0 && lines[last - 1].isEmpty()) {
            last--; // a final newline (or several) ends the file, it is not an empty row
        }
        if (last == 0) {
            throw problem(label, 1, 1, "", "empty: expected the header " + String.join(",", FIXED_COLUMNS)
                    + ",<parameter path>,... and one row per particle");
        }
        String[] header = lines[0].split(",", -1);
        int[] headerAt = starts(lines[0]);
        for (int i = 0; i < FIXED_COLUMNS.size(); i++) {
            if (header.length <= i || !header[i].strip().equals(FIXED_COLUMNS.get(i))) {
                throw problem(label, 1, i < header.length ? headerAt[i] : lines[0].length() + 1, "header",
                        "column " + (i + 1) + " must be '" + FIXED_COLUMNS.get(i) + "', found "
                                + (i < header.length ? "'" + excerpt(header[i]) + "'" : "nothing"));
            }
        }
        if (header.length == FIXED_COLUMNS.size()) {
            throw problem(label, 1, lines[0].length() + 1, "header", "no parameter columns after weight");
        }
        List<ParameterPath> paths = new ArrayList<>();
        for (int c = FIXED_COLUMNS.size(); c < header.length; c++) {
            String name = header[c].strip();
            ParameterPath path;
            Object value;
            try {
                path = ParameterPath.parse(name);
                value = fitted.valueAt(path);
            } catch (ScenarioException | RuntimeException e) {
                throw problem(label, 1, headerAt[c], "header", "unknown parameter path '" + excerpt(name)
                        + "': not a field of " + fitted.name());
            }
            if (!(value instanceof Number)) {
                throw problem(label, 1, headerAt[c], "header", "parameter path '" + excerpt(name)
                        + "' is not a number in " + fitted.name());
            }
            if (paths.contains(path)) {
                throw problem(label, 1, headerAt[c], "header", "parameter path '" + name + "' given twice");
            }
            paths.add(path);
        }
        if (last == 1) {
            throw problem(label, 2, 1, "", "no particles: posterior.csv has a header and no rows");
        }
        List<Particle> particles = new ArrayList<>();
        double sum = 0;
        for (int l = 1; l < last; l++) {
            String[] cells = lines[l].split(",", -1);
            int[] at = starts(lines[l]);
            int line = l + 1;
            if (cells.length != header.length) {
                throw problem(label, line, cells.length < header.length ? lines[l].length() + 1 : at[header.length],
                        "", header.length + " columns expected (as the header), found " + cells.length);
            }
            double[] v = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    v[c] = Double.parseDouble(cells[c].strip());
                } catch (NumberFormatException e) {
                    v[c] = Double.NaN;
                }
                if (!Double.isFinite(v[c])) {
                    throw problem(label, line, at[c], header[c].strip(), "expected a finite number, found '"
                            + excerpt(cells[c]) + "'");
                }
            }
            for (int c = 0; c < 2; c++) {
                if (v[c] != Math.rint(v[c]) || v[c] < 0 || v[c] > Integer.MAX_VALUE) {
                    throw problem(label, line, at[c], header[c].strip(), "expected a whole number from 0, found '"
                            + excerpt(cells[c]) + "'");
                }
            }
            if (v[2] < 0) {
                throw problem(label, line, at[2], "weight", "must be 0 or more, was " + cells[2].strip());
            }
            sum += v[2];
            double[] values = java.util.Arrays.copyOfRange(v, FIXED_COLUMNS.size(), v.length);
            try {
                apply(fitted, paths, values, "posterior.csv line " + line);
            } catch (ScenarioException e) {
                Problem p = e.problems().get(0);
                int c = FIXED_COLUMNS.size() + Math.max(0, paths.stream().map(Object::toString).toList().indexOf(p.path()));
                throw problem(label, line, at[c], p.path(), p.message());
            }
            particles.add(new Particle((int) v[0], (int) v[1], v[2], values));
        }
        double tolerance = WEIGHT_SUM_TOLERANCE + particles.size() * WEIGHT_ROUNDING;
        if (!(Math.abs(sum - 1) <= tolerance)) {
            throw problem(label, last, starts(lines[last - 1])[2], "weight", "the weights sum to " + sum
                    + "; they must sum to 1 (within " + tolerance + ": 1.0E-6 and half a unit of the sixth"
                    + " decimal per particle)");
        }
        return new Posterior(label, fitted, paths, particles);
    }

    /**
     * A posterior of given particles (from Java): the weights are checked as in a file.
     *
     * @throws ScenarioException if a path is not a number of {@code fitted}, a value is refused, or the
     *     weights are negative or do not sum to 1
     */
    public static Posterior of(Scenario fitted, List<String> parameters, List<Particle> particles)
            throws ScenarioException {
        StringBuilder sb = new StringBuilder(String.join(",", FIXED_COLUMNS));
        parameters.forEach(p -> sb.append(',').append(p));
        sb.append('\n');
        for (Particle q : particles) {
            sb.append(q.generation()).append(',').append(q.particle()).append(',').append(q.weight());
            for (double x : q.values()) {
                sb.append(',').append(x);
            }
            sb.append('\n');
        }
        return parse("posterior", sb.toString(), fitted);
    }

    /** Where it was read from, for outputs. */
    public String label() {
        return label;
    }

    /** The scenario at the posterior median (fitted.yaml). */
    public Scenario fitted() {
        return fitted;
    }

    /** The parameters' paths, in the file's order. */
    public List<ParameterPath> paths() {
        return paths;
    }

    /** The particles, in the file's order. */
    public List<Particle> particles() {
        return particles;
    }

    /**
     * {@code m} particles drawn with replacement, each with probability its weight, from the stream
     * keyed (seed, draw, "posterior-predictive-draws"): draw j depends on the seed and j only.
     *
     * @return the drawn particles' indices into {@link #particles()}
     */
    public int[] draw(int m, long seed) {
        RandomStreams streams = RandomStreams.of(seed);
        int[] out = new int[m];
        double total = cumulative[cumulative.length - 1];
        for (int j = 0; j < m; j++) {
            UniformRandomProvider rng = streams.stream(j, 0, DRAWS);
            double u = rng.nextDouble() * total;
            // The first particle whose cumulative weight exceeds u: a zero-weight particle, whose
            // cumulative equals its predecessor's, is never chosen.
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            int i = lo;
            out[j] = i;
        }
        return out;
    }

    /**
     * Checks that {@code s} accepts every particle's values (fitted.yaml was checked on reading; another
     * scenario, such as compare's A and B, may refuse one).
     *
     * @throws ScenarioException naming the particle and the refused value
     */
    public void check(Scenario s) throws ScenarioException {
        for (int i = 0; i < particles.size(); i++) {
            apply(s, i);
        }
    }

    /**
     * {@code s} with particle {@code index}'s values applied as typed edits.
     *
     * @throws ScenarioException if {@code s} refuses a value (a scenario other than fitted.yaml may)
     */
    public Scenario apply(Scenario s, int index) throws ScenarioException {
        return apply(s, paths, particles.get(index).values(), label + ", particle " + particles.get(index).particle());
    }

    private static Scenario apply(Scenario s, List<ParameterPath> paths, double[] values, String source)
            throws ScenarioException {
        Map<ParameterPath, Object> edits = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            edits.put(paths.get(i), values[i]);
        }
        return s.with(edits, source);
    }

    /** The 1-based column where each comma-separated cell of {@code line} starts. */
    private static int[] starts(String line) {
        List<Integer> at = new ArrayList<>();
        at.add(1);
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                at.add(i + 2);
            }
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A cell as shown in a message: at most 40 characters, control characters replaced. */
    private static String excerpt(String cell) {
        String s = cell.strip().replaceAll("\\p{Cntrl}", "?");
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static ScenarioException problem(String file, int line, int column, String field, String message) {
        return new ScenarioException(List.of(new Problem(file, line, column, field, message)));
    }
}
