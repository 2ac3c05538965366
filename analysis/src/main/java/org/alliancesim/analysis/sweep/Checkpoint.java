package org.alliancesim.analysis.sweep;

import static org.alliancesim.analysis.sweep.SweepFolderException.shown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.experiment.PointsFile;
import org.alliancesim.analysis.io.ReadBack;

/**
 * The rows of a sweep folder's points.csv and runs.csv, each checked against the sweep before any
 * is kept: the headers are the sweep's; every row has the sweep's columns; its point is a point of
 * the design and of the folder's shard, with that point's parameter values; no point or (point,
 * replication) appears twice; a point that ran has all its replications in runs.csv, a failed one
 * none. A violation is a {@link SweepFolderException} naming the file and line; nothing is kept.
 *
 * <p>A folder left by a crash (even {@code kill -9}) or a full disk is accepted when it is
 * resumable: each file may end in an incomplete line (dropped), and runs.csv may end with the rows
 * of one point whose points.csv row was not yet written (dropped: the point runs again), because
 * the runner appends a point's runs and then its row, one point at a time. More than that means
 * rows were lost or edited. A {@code complete} folder (a finished sweep, a shard to merge) must
 * hold every point of its shard and nothing incomplete.
 *
 * <p>The files are parsed with jackson-dataformat-csv (RFC 4180 quoting), record by record, each
 * with the line it starts on; the rows kept are written back in the runner's own format, so a
 * checked folder is byte for byte what an uninterrupted sweep writes.
 */
final class Checkpoint {

    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|-?Inf");
    /** A plain decimal as {@link Csv#num} writes one (the exact form is then checked by writing it again). */
    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,10}(\\.\\d{1,6})?");
    /** A plain decimal as {@link SweepRows#exact} writes one (the exact form is then checked by writing it again). */
    private static final Pattern EXACT = Pattern.compile("-?\\d{1,17}(\\.\\d{1,330})?");

    private static final CsvMapper CSV = new CsvMapper();

    /** A record of a CSV file: its fields and the (1-based) line it starts on. */
    private record Row(int line, String[] fields) {}

    /** points.csv's row of a point, as written back, its fields, and whether the point ran (its error is empty). */
    private record Point(String row, String[] fields, int line, boolean ran) {}

    private final TreeMap<Integer, Point> points = new TreeMap<>();
    private final TreeMap<Integer, String[]> runs = new TreeMap<>();
    private int failed;

    private Checkpoint() {}

    /** The points with a row (ran or failed). */
    Set<Integer> done() {
        return points.keySet();
    }

    /** Points whose combination the model refused. */
    int failed() {
        return failed;
    }

    /** points.csv: {@code header}, then the rows by point. */
    String pointsText(String header) {
        StringBuilder sb = new StringBuilder(header);
        points.values().forEach(p -> sb.append(p.row()).append('\n'));
        return sb.toString();
    }

    /** runs.csv: {@code header}, then the rows by point and replication. */
    String runsText(String header) {
        StringBuilder sb = new StringBuilder(header);
        for (String[] reps : runs.values()) {
            for (String l : reps) {
                sb.append(l).append('\n');
            }
        }
        return sb.toString();
    }

    /** Adds the rows of another (disjoint) shard; for merging. */
    void addAll(Checkpoint other) {
        points.putAll(other.points);
        runs.putAll(other.runs);
        failed += other.failed;
    }

    /** An empty checkpoint; for merging. */
    static Checkpoint empty() {
        return new Checkpoint();
    }

    /**
     * Reads and checks {@code dir}/points.csv and runs.csv.
     *
     * @param shard the points the folder holds
     * @param shardLabel {@code K/N}, for messages
     * @param complete whether every point of the shard must be there, with nothing incomplete
     * @throws SweepFolderException (bad input) at the first problem, with file and line
     */
    static Checkpoint read(Path dir, SweepRows layout, Set<Integer> shard, String shardLabel, boolean complete)
            throws SweepFolderException, IOException {
        Checkpoint c = new Checkpoint();
        int m = layout.spec().metrics().size();
        int reps = layout.spec().replications();
        Path pf = dir.resolve(SweepRunner.POINTS);
        long params = 0;
        for (int p : shard) {
            params += layout.parameterColumns(p).length();
        }
        // The most the runner writes for this shard: a row per point (index, parameters, five numbers
        // per metric, an error of at most ERROR_MAX characters, quoted, in UTF-8), a row per replication.
        PointsFile pointsFile = layout.pointsFile();
        int width = pointsFile.suffixes().size();
        RunsFile runsFile = layout.runsFile();
        int per = runsFile.valuesPerMetric();
        long points = pointsFile.header().length() + params + shard.size()
                * (12L + (long) width * m * (SweepRows.NUMBER_MAX + 1) + 6L * SweepRows.ERROR_MAX + 8);
        long runsBound = runsFile.header().length() + (long) reps * (params + shard.size()
                * (24L + (long) per * m * (layout.numberMax() + 1)));
        List<Row> pl = rows(dir, SweepRunner.POINTS, pointsFile.columns(), complete, points);
        Map<Integer, Integer> lineOf = new HashMap<>();
        int fields = pointsFile.fields();
        for (Row row : pl) {
            int line = row.line();
            String[] f = row.fields();
            if (f.length != fields) {
                throw new SweepFolderException(pf, line, "has " + f.length + " fields; a row of this sweep has " + fields);
            }
            int p = point(pf, line, f[0], layout, shard, shardLabel);
            Integer first = lineOf.put(p, line);
            if (first != null) {
                throw new SweepFolderException(pf, line, "point " + p + " again (also at line " + first + ")");
            }
            checkParameters(pf, line, p, f, pointsFile.parameterColumn(0), layout);
            String error = f[pointsFile.errorColumn()];
            boolean ran = error.isEmpty();
            for (int j = pointsFile.summaryColumn(0, 0); j < pointsFile.errorColumn(); j++) {
                boolean count = pointsFile.isCount(j);
                if (!ran && !f[j].isEmpty() || ran && !f[j].isEmpty()
                        && !(count ? INDEX.matcher(f[j]).matches() && Integer.parseInt(f[j]) <= reps
                                : NUMBER.matcher(f[j]).matches())) {
                    throw new SweepFolderException(pf, line, "field " + (j + 1) + " is '" + shown(f[j]) + "'; expected "
                            + (!ran ? "nothing (the point failed)" : count ? "a replication count, 0.." + reps
                                    : "a number or nothing"));
                }
            }
            if (error.length() > SweepRows.ERROR_MAX) {
                throw new SweepFolderException(pf, line, "the error is " + error.length() + " characters; the sweep"
                        + " writes at most " + SweepRows.ERROR_MAX);
            }
            if (!ran) {
                c.failed++;
            }
            String written = String.join(",", Arrays.asList(f).subList(0, pointsFile.errorColumn())) + ","
                    + Csv.text(error);
            c.points.put(p, new Point(written, f, line, ran));
        }
        Path rf = dir.resolve(SweepRunner.RUNS);
        List<Row> rl = rows(dir, SweepRunner.RUNS, runsFile.columns(), complete, runsBound);
        List<Metric> metrics = layout.spec().metrics().stream().map(Metric::byKey).toList();
        Map<Integer, int[]> runLines = new HashMap<>(); // point -> line of each replication (0: none)
        int orphan = -1;
        int orphanLine = 0;
        int runFields = runsFile.fields();
        for (Row row : rl) {
            int line = row.line();
            String[] f = row.fields();
            if (f.length != runFields) {
                throw new SweepFolderException(rf, line, "has " + f.length + " fields; a row of this sweep has "
                        + runFields);
            }
            int p = point(rf, line, f[0], layout, shard, shardLabel);
            String replication = f[runsFile.replicationColumn()];
            if (!INDEX.matcher(replication).matches() || Integer.parseInt(replication) >= reps) {
                throw new SweepFolderException(rf, line, "replication is '" + shown(replication) + "'; this sweep has 0.."
                        + (reps - 1));
            }
            int rep = Integer.parseInt(replication);
            int[] at = runLines.computeIfAbsent(p, x -> new int[reps]);
            if (at[rep] != 0) {
                throw new SweepFolderException(rf, line, "point " + p + ", replication " + rep + " again (also at line "
                        + at[rep] + ")");
            }
            at[rep] = line;
            checkParameters(rf, line, p, f, runsFile.parameterColumn(0), layout);
            for (int j = runsFile.valueColumn(0, 0); j < runFields; j++) {
                checkValue(rf, line, j, f[j], metrics.get(runsFile.metricOf(j)), layout);
            }
            Point own = c.points.get(p);
            if (own != null) {
                if (!own.ran()) {
                    throw new SweepFolderException(rf, line, "point " + p + " failed (points.csv line " + lineOf.get(p)
                            + ") but has runs here");
                }
                if (orphan >= 0) {
                    throw new SweepFolderException(pf, "point " + orphan + " has runs (runs.csv line " + orphanLine
                            + ") but no row here, and rows of other points follow it: points.csv was truncated or"
                            + " edited; start afresh with --force");
                }
                c.runs.computeIfAbsent(p, x -> new String[reps])[rep] = String.join(",", f);
            } else if (complete || orphan >= 0 && orphan != p) {
                throw new SweepFolderException(pf, "point " + p + " has runs (runs.csv line " + line + ") but no row here"
                        + (complete ? "" : ", like point " + orphan + "; an interrupted sweep leaves at most one such"
                                + " point") + ": points.csv was truncated or edited; start afresh with --force");
            } else if (orphan < 0) {
                orphan = p;
                orphanLine = line;
            }
        }
        for (Map.Entry<Integer, Point> e : c.points.entrySet()) {
            int p = e.getKey();
            if (e.getValue().ran()) {
                String[] got = c.runs.get(p);
                int have = 0;
                for (int r = 0; got != null && r < reps; r++) {
                    have += got[r] != null ? 1 : 0;
                }
                if (have != reps) {
                    throw new SweepFolderException(pf, lineOf.get(p), "point " + p + " ran, but runs.csv has " + have
                            + " of its " + reps + " replications: runs.csv was truncated or edited; start afresh"
                            + " with --force");
                }
            }
        }
        for (Map.Entry<Integer, Point> e : c.points.entrySet()) {
            if (e.getValue().ran()) {
                checkSummary(pf, e.getValue(), c.runs.get(e.getKey()), layout);
            }
        }
        if (complete && c.points.size() != shard.size()) {
            List<Integer> missing = new ArrayList<>();
            for (int p : new TreeSet<>(shard)) {
                if (!c.points.containsKey(p) && missing.size() < 5) {
                    missing.add(p);
                }
            }
            throw new SweepFolderException(pf, "has " + c.points.size() + " of the " + shard.size() + " points of shard "
                    + shardLabel + " (missing " + missing + (shard.size() - c.points.size() > 5 ? " and more" : "")
                    + "), although its manifest says complete: the file was truncated or edited");
        }
        return c;
    }

    /**
     * A metric's value in runs.csv: nothing, or a finite number in the one form the runner writes
     * ({@link Csv#num}: plain decimal, no exponent, no leading or trailing zeros, at most 6
     * decimals), within the metric's range.
     */
    private static void checkValue(Path file, int line, int j, String s, Metric metric, SweepRows layout)
            throws SweepFolderException {
        if (s.isEmpty()) {
            return;
        }
        if (s.length() > layout.numberMax() || !(layout.effect() ? EXACT : PLAIN).matcher(s).matches()
                || !layout.written(Double.parseDouble(s)).equals(s)) {
            throw new SweepFolderException(file, line, "field " + (j + 1) + " (" + metric.key() + ") is '" + shown(s)
                    + "'; expected nothing or a number as the sweep writes it (plain decimal, like 0.25 or 12, "
                    + (layout.effect() ? "the shortest that reads back to the value" : "at most 6 decimals") + ")");
        }
        double x = Double.parseDouble(s);
        if (x < metric.min() || x > metric.max()) {
            throw new SweepFolderException(file, line, "field " + (j + 1) + " (" + metric.key() + ") is " + s
                    + "; a replication's " + metric.key() + " lies in " + range(metric));
        }
    }

    private static String range(Metric m) {
        return "[" + (Double.isInfinite(m.min()) ? "-inf" : Csv.num(m.min())) + ", "
                + (Double.isInfinite(m.max()) ? "inf" : Csv.num(m.max())) + "]";
    }

    /** A ran point's summary columns must be exactly those its runs give ({@link SweepRows#summary}). */
    private static void checkSummary(Path pf, Point point, String[] runs, SweepRows layout) throws SweepFolderException {
        List<String> metrics = layout.spec().metrics();
        RunsFile runsFile = layout.runsFile();
        PointsFile pointsFile = layout.pointsFile();
        List<String> names = pointsFile.suffixes();
        for (int k = 0; k < metrics.size(); k++) {
            List<List<String>> values = new ArrayList<>();
            for (int a = 0; a < runsFile.valuesPerMetric(); a++) {
                List<String> arm = new ArrayList<>();
                for (String r : runs) {
                    arm.add(r.split(",", -1)[runsFile.valueColumn(k, a)]);
                }
                values.add(arm);
            }
            String[] want = layout.summary(k, values).substring(1).split(",", -1);
            for (int i = 0; i < names.size(); i++) {
                int j = pointsFile.summaryColumn(k, i);
                if (!point.fields()[j].equals(want[i])) {
                    throw new SweepFolderException(pf, point.line(), "field " + (j + 1) + " (" + metrics.get(k)
                            + names.get(i) + ") is '" + shown(point.fields()[j]) + "', but the point's rows in runs.csv give '"
                            + want[i] + "': points.csv and runs.csv disagree (edited?); start afresh with --force");
                }
            }
        }
    }

    /**
     * The records of {@code dir}/{@code name} after its header, which must have {@code columns}. The
     * file must be UTF-8 text of at most {@code maxBytes}, read never through a link; an incomplete
     * last line (no line end) is dropped unless {@code complete}.
     */
    private static List<Row> rows(Path dir, String name, List<String> columns, boolean complete, long maxBytes)
            throws SweepFolderException, IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new SweepFolderException(file, "missing; a sweep folder holds manifest.json, points.csv and runs.csv");
        }
        String text;
        try {
            byte[] bytes = ReadBack.bytes(dir, name, maxBytes, "a sweep of this design and shard writes there");
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (ReadBack.Refused e) {
            throw new SweepFolderException(e.file(), e.problem());
        } catch (CharacterCodingException e) {
            throw new SweepFolderException(file, "not UTF-8 text (damaged?)");
        }
        String header = String.join(",", columns);
        if (text.isEmpty()) {
            throw new SweepFolderException(file, 1, "empty; expected the header " + shown(header));
        }
        int end = text.lastIndexOf('\n') + 1;
        if (end < text.length() && (complete || end == 0)) {
            throw new SweepFolderException(file, (int) text.chars().filter(ch -> ch == '\n').count() + 1,
                    "the last line is incomplete (no line end)");
        }
        List<Row> out = parse(file, text.substring(0, end));
        String[] got = out.get(0).fields();
        for (int i = 0; i < Math.max(columns.size(), got.length); i++) {
            String w = i < columns.size() ? columns.get(i) : "(none)";
            String g = i < got.length ? got[i] : "(none)";
            if (!w.equals(g)) {
                throw new SweepFolderException(file, 1, "column " + (i + 1) + " is '" + shown(g) + "'; this sweep's is '"
                        + w + "' (a file of another sweep, or edited)");
            }
        }
        return out.subList(1, out.size());
    }

    /** The CSV records of {@code text} (complete lines, at least one), each with the line it starts on. */
    private static List<Row> parse(Path file, String text) throws SweepFolderException, IOException {
        List<Row> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        int line = 1;
        try (CsvParser p = CSV.getFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    fields.clear();
                } else if (t == JsonToken.VALUE_STRING) {
                    if (fields.isEmpty()) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    fields.add(p.getText());
                } else if (t == JsonToken.END_ARRAY) {
                    out.add(new Row(line, fields.toArray(String[]::new)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new SweepFolderException(file, line, "not valid CSV (" + shown(e.getOriginalMessage()) + ")");
        }
        return out;
    }

    private static int point(Path file, int line, String field, SweepRows layout, Set<Integer> shard,
            String shardLabel) throws SweepFolderException {
        if (!INDEX.matcher(field).matches() || Integer.parseInt(field) >= layout.total()) {
            throw new SweepFolderException(file, line, "point '" + shown(field) + "' is not a point of this design (0.."
                    + (layout.total() - 1) + ")");
        }
        int p = Integer.parseInt(field);
        if (!shard.contains(p)) {
            throw new SweepFolderException(file, line, "point " + p + " belongs to another shard, not to this folder's "
                    + shardLabel);
        }
        return p;
    }

    /** Fields {@code from}.. of a row must hold point {@code p}'s parameter values. */
    private static void checkParameters(Path file, int line, int p, String[] f, int from, SweepRows layout)
            throws SweepFolderException {
        String params = layout.parameterColumns(p);
        StringBuilder got = new StringBuilder();
        for (int k = 0; k < layout.spec().parameters().size(); k++) {
            got.append(',').append(f[from + k]);
        }
        if (!params.contentEquals(got)) {
            throw new SweepFolderException(file, line, "the parameter values of point " + p + " are not this design's ("
                    + shown(params.substring(1)) + ")");
        }
    }
}
