package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.stats.SobolIndex;
import org.alliancesim.analysis.stats.SobolIndices;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.SweepSpec;
import org.alliancesim.scenario.SweepSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    static final Set<String> METRICS = Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.toSet());

    @TempDir
    Path dir;

    static SweepSpec spec(String yaml) throws Exception {
        return SweepSpecs.parse("s.yaml", yaml, METRICS);
    }

    static final String SMALL = "design: latin_hypercube\npoints: 12\nreplications: 2\nfamilies: 120\n"
            + "metrics: [dropout_share, mean_improvement]\nparameters:\n"
            + "  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n"
            + "  - {path: run.session_limit, min: 6, max: 20}\n";

    /**
     * A sweep over a coefficient the base's chosen rule does not read would change nothing; it is
     * refused before anything runs, naming the rules that read it (a sweep over the level weight under
     * the trend rule was once silently flat). Fails if the check is dropped or misfires on a read one.
     */
    @Test
    void aSweepOverACoefficientTheRuleDoesNotReadIsRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sweep.check(spec(
                "parameters:\n  - {path: rules.trust_update.gain, min: 0.2, max: 0.8}\n")));
        assertEquals("parameters[0].path: 'rules.trust_update.gain' would change nothing in default"
                + " (rules.trust_update.gain: the asymmetric_relaxation rule (rules.trust_update.rule) does not read this"
                + " coefficient, so its value would be ignored; symmetric_relaxation reads it: choose that rule or leave"
                + " it out)", e.getMessage());
        Sweep.check(spec("parameters:\n  - {path: rules.attendance.alliance, min: 0.4, max: 1.4}\n"));
    }

    @Test
    void designsHaveTheirShapes() throws Exception {
        assertEquals(20, Designs.points(spec("parameters:\n  - {path: a, min: 0, max: 1, steps: 5}\n"
                + "  - {path: b, values: [1, 2, 3, 4]}\n")).size());
        List<double[]> lhs = Designs.points(spec(SMALL));
        assertEquals(12, lhs.size());
        // Latin hypercube: each of the 12 strata of each parameter holds exactly one point.
        for (int k = 0; k < 2; k++) {
            double lo = k == 0 ? 0.1 : 6;
            double hi = k == 0 ? 0.9 : 20;
            int kk = k;
            Set<Integer> strata = lhs.stream().map(x -> (int) ((x[kk] - lo) / (hi - lo) * 12)).collect(Collectors.toSet());
            assertEquals(12, strata.size());
        }
        assertEquals(64 * 6, Designs.points(spec("design: saltelli\npoints: 64\nparameters:\n"
                + "  - {path: a, min: 0, max: 1}\n  - {path: b, min: 0, max: 1}\n"
                + "  - {path: c, min: 0, max: 1}\n  - {path: d, min: 0, max: 1}\n")).size());
        int[] order = Designs.interleaved(13);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.IntStream.range(0, 13).toArray(), sorted, "a permutation");
        assertEquals(List.of(0, 8, 4, 12), List.of(order[0], order[1], order[2], order[3]), "spread out first");
    }

    /**
     * The saltelli design is laid out as the Sobol estimator reads it (stats.SobolIndices): on
     * f = 2 x1 + x2 (x uniform) the indices are 0.8 and 0.2, first order equal to total. Error budget 0.05.
     */
    @Test
    void theSaltelliDesignIsLaidOutAsTheSobolEstimatorReadsIt() throws Exception {
        SweepSpec s = spec("design: saltelli\npoints: 2048\nparameters:\n  - {path: a, min: 0, max: 1}\n"
                + "  - {path: b, min: 0, max: 1}\n");
        List<double[]> x = Designs.points(s);
        double[] f = x.stream().mapToDouble(p -> 2 * p[0] + p[1]).toArray();
        List<SobolIndex> si = SobolIndices.estimate(List.of("a", "b"), f, RandomStreams.of(1).stream(0, 0, "b"));
        assertEquals(0.8, si.get(0).first(), 0.05);
        assertEquals(0.2, si.get(1).first(), 0.05);
        assertEquals(0.8, si.get(0).total(), 0.05);
        assertEquals(0.2, si.get(1).total(), 0.05);
        assertTrue(si.get(0).firstLow() <= si.get(0).first() && si.get(0).first() <= si.get(0).firstHigh());
    }

    @Test
    void resultsDoNotDependOnThreadsOrSharding() throws Exception {
        SweepSpec s = spec(SMALL);
        SweepRunner.run(Sweep.of(s), dir.resolve("one"), 1, false, 1, 1, "test", null);
        SweepRunner.run(Sweep.of(s), dir.resolve("two"), 2, false, 1, 1, "test", null);
        for (int k = 1; k <= 3; k++) {
            SweepRunner.run(Sweep.of(s), dir.resolve("shard-" + k), 2, false, k, 3, "test", null);
        }
        SweepMerge.merge(List.of(dir.resolve("shard-1"), dir.resolve("shard-2"), dir.resolve("shard-3")),
                dir.resolve("merged"), "test");
        for (String f : List.of("points.csv", "runs.csv")) {
            byte[] one = Files.readAllBytes(dir.resolve("one").resolve(f));
            assertArrayEquals(one, Files.readAllBytes(dir.resolve("two").resolve(f)), f + ": 1 vs 2 threads");
            assertArrayEquals(one, Files.readAllBytes(dir.resolve("merged").resolve(f)), f + ": merged shards");
        }
        assertEquals(13, Files.readAllLines(dir.resolve("one/points.csv")).size());
        assertEquals(1 + 12 * 2, Files.readAllLines(dir.resolve("one/runs.csv")).size());
        // session_limit is a whole number in the scenario: its values are whole numbers.
        assertTrue(Files.readAllLines(dir.resolve("one/points.csv")).stream().skip(1)
                .allMatch(l -> l.split(",")[2].matches("\\d+")));
    }

    @Test
    void aFailingPointIsRecordedAndTheSweepGoesOn() throws Exception {
        SweepSpec s = spec("design: grid\nreplications: 2\nfamilies: 60\nmetrics: [dropout_share]\nparameters:\n"
                + "  - {path: run.session_limit, values: [0, 10, 12]}\n");
        SweepRunner.Outcome o = SweepRunner.run(Sweep.of(s), dir.resolve("out"), 2, false, 1, 1, "test", null);
        assertEquals(1, o.failed());
        List<String> rows = Files.readAllLines(dir.resolve("out/points.csv"));
        assertEquals(4, rows.size());
        assertEquals("0,0,,,,,,\"sweep point 0: run.session_limit: must be in [1, 200], was 0\"", rows.get(1));
        assertTrue(rows.get(2).endsWith(",") && rows.get(3).endsWith(","), "the others ran");
    }

    /**
     * Each point's scenario gets the design's values exactly (typed edits, not text rounded to 10
     * significant digits), and points.csv shows them so that they read back exactly.
     */
    @Test
    void eachPointGetsTheDesignsValuesExactly() throws Exception {
        SweepSpec s = spec("design: random\npoints: 5\nreplications: 1\nfamilies: 30\nmetrics: [dropout_share]\n"
                + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n"
                + "  - {path: run.session_limit, min: 6, max: 20}\n");
        Sweep sweep = Sweep.of(s);
        SweepRunner.run(sweep, dir.resolve("exact"), 1, false, 1, 1, "test", null);
        List<double[]> x = Designs.points(s);
        List<String> rows = Files.readAllLines(dir.resolve("exact/points.csv"));
        ParameterPath skill = ParameterPath.parse("therapists.1.repair_skill");
        ParameterPath limit = ParameterPath.parse("run.session_limit");
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.get(i)[0], sweep.scenario(i).valueAt(skill), "point " + i);
            assertEquals((int) Math.round(x.get(i)[1]), sweep.scenario(i).valueAt(limit), "point " + i);
            String[] f = rows.get(i + 1).split(",");
            assertEquals(x.get(i)[0], Double.parseDouble(f[1]), "points.csv, point " + i + ": " + f[1]);
            assertEquals(Long.toString(Math.round(x.get(i)[1])), f[2]);
        }
        assertEquals(30, sweep.scenario(0).model().run().families(), "the sweep's families per replication");
    }

    /**
     * A wildcard is one dimension: at each point every therapist type takes the point's value, and
     * points.csv heads the column with the path as written. A wildcard over entries some of which
     * lack the index after it is refused when the sweep is read, before any point runs.
     */
    @Test
    void aWildcardParameterSetsEveryEntryToThePointsValue() throws Exception {
        Sweep sweep = Sweep.of(spec("replications: 1\nfamilies: 20\nmetrics: [dropout_share]\n"
                + "parameters:\n  - {path: \"therapists[*].warmth\", values: [0.3, 0.9]}\n"));
        SweepRunner.run(sweep, dir.resolve("wild"), 1, false, 1, 1, "test", null);
        assertEquals(List.of(0.3, 0.3), sweep.scenario(0).valuesAt(ParameterPath.parse("therapists.*.warmth")));
        assertEquals(List.of(0.9, 0.9), sweep.scenario(1).valuesAt(ParameterPath.parse("therapists.*.warmth")));
        List<String> rows = Files.readAllLines(dir.resolve("wild/points.csv"));
        assertEquals("therapists[*].warmth", rows.get(0).split(",")[1], rows.get(0));
        assertTrue(rows.get(2).startsWith("1,0.9,"), rows.get(2));
        Path base = dir.resolve("uneven.yaml");
        Files.writeString(base, "extends: default\nfamilies:\n  - {share: 0.5, roles: [parent, child]}\n"
                + "  - {share: 0.5, roles: [parent, parent, child]}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sweep.of(spec("base: " + base
                + "\nparameters:\n  - {path: \"families[*].roles[2]\", values: [1]}\n")));
        assertTrue(e.getMessage().contains("families[0].roles: no entry 2; families[0].roles has 2 (numbered from 0),"
                + " so 'families[*].roles[2]' does not apply to every entry"), e.getMessage());
    }

    /** Grid steps and scaled unit values are the decimals the bounds say, rounded once: 0.3, not 0.1 + 0.2. */
    @Test
    void designValuesAreComputedInDecimalAndRoundedOnce() throws Exception {
        List<double[]> grid = Designs.points(spec("parameters:\n  - {path: a, min: 0.1, max: 0.9, steps: 5}\n"
                + "  - {path: b, min: 0, max: 1, steps: 4}\n"));
        assertEquals(List.of(0.1, 0.3, 0.5, 0.7, 0.9), grid.stream().map(p -> p[0]).distinct().toList());
        assertEquals(List.of(0.0, 1.0 / 3, 2.0 / 3, 1.0), grid.stream().limit(4).map(p -> p[1]).toList());
        // A sobol design's first point is u = 0.75: 0.1 + 0.75 x 0.8 is 0.7 (in doubles 0.7000000000000001).
        double[] u = Designs.points(spec("design: sobol\npoints: 1\nparameters:\n  - {path: a, min: 0.1, max: 0.9}\n"))
                .get(0);
        assertEquals(0.7, u[0], 0.0);
    }

    /** Points are built from the base loaded once: the base file is not read again for each point. */
    @Test
    void pointsRunFromTheBaseLoadedOnce() throws Exception {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "extends: default\nrun: {session_limit: 12}\n");
        Sweep sweep = Sweep.of(spec("base: " + base + "\nreplications: 1\nfamilies: 20\nmetrics: [dropout_share]\n"
                + "parameters:\n  - {path: therapists.1.repair_skill, values: [0.2, 0.8]}\n"));
        Files.delete(base);
        String[] row = SweepRunner.runPoint(sweep, 1);
        assertTrue(row[0].startsWith("1,0.8,") && row[0].endsWith(",\n"), "the point ran: " + row[0]);
        assertEquals(12, sweep.scenario(1).model().run().sessionLimit());
    }

    /**
     * kill -9 at three moments of one sweep (each in a separate process: once 5, 40 and 80 of its
     * 120 points are written), then --resume: each kill happened mid-sweep (rows written before it
     * strictly between 0 and 120), and the result equals the uninterrupted sweep's, byte for byte.
     */
    @Test
    void resumeAfterKillNineEqualsAnUninterruptedSweep() throws Exception {
        Path f = dir.resolve("long.yaml");
        Files.writeString(f, "design: sobol\npoints: 120\nreplications: 3\nfamilies: 500\n"
                + "metrics: [dropout_share, mean_improvement]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n"
                + "  - {path: families.0.conflict, min: 0.1, max: 0.9}\n");
        Path whole = dir.resolve("whole");
        Sweep sweep = Sweep.of(SweepSpecs.load(f, METRICS));
        SweepRunner.run(sweep, whole, 2, false, 1, 1, "test", null);
        for (int target : new int[] {5, 40, 80}) {
            Path out = dir.resolve("killed-" + target);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "org.alliancesim.cli.AllianceSim", "sweep", f.toString(),
                    "--out", out.toString(), "--quiet", "--threads", "2")
                    .redirectOutput(new File("/dev/null")).redirectError(new File("/dev/null")).start();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (rows(out) < target && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            p.destroyForcibly(); // SIGKILL
            p.waitFor();
            int before = rows(out);
            System.out.printf("killed with %d of 120 point rows written (aimed at %d)%n", before, target);
            assertTrue(before > 0 && before < 120, "the kill happened mid-sweep: " + before + " of 120 rows written");
            SweepRunner.run(sweep, out, 2, true, 1, 1, "test", null);
            for (String file : List.of("points.csv", "runs.csv")) {
                assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(out.resolve(file)),
                        file + " after a kill with " + before + " rows written");
            }
        }
    }

    /** Complete rows in {@code out}/points.csv (0 while there is none). */
    static int rows(Path out) throws java.io.IOException {
        Path p = out.resolve("points.csv");
        if (!Files.exists(p)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(p);
        int lines = 0;
        for (byte x : b) {
            lines += x == '\n' ? 1 : 0;
        }
        return Math.max(0, lines - 1);
    }

    /** A disk that fills up after {@code quota} bytes: a write that goes over it fails part-way, as a full disk does. */
    static SweepFiles diskOf(long quota) {
        long[] used = {0};
        return new SweepFiles((file, real) -> new java.io.FilterOutputStream(real) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                synchronized (used) {
                    long room = Math.max(0, quota - used[0]);
                    int now = (int) Math.min(room, len);
                    out.write(b, off, now);
                    used[0] += now;
                    if (now < len) {
                        throw new java.io.IOException("No space left on device");
                    }
                }
            }

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        });
    }

    /**
     * A sweep on a disk that fills up at 8 different moments (from before the first file to while
     * the report is written): each run fails with an IOException naming the file, leaves no
     * .partial file, never a manifest that says complete, and --resume (with room again) gives the
     * uninterrupted sweep's results byte for byte.
     */
    @Test
    void aFullDiskLeavesNoPartialFileNorACompleteManifestAndResumes() throws Exception {
        SweepSpec s = spec("design: random\npoints: 6\nreplications: 2\nfamilies: 40\nmetrics: [dropout_share]\n"
                + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n");
        Path whole = dir.resolve("whole");
        SweepRunner.run(Sweep.of(s), whole, 2, false, 1, 1, "test", null);
        long total;
        try (var files = Files.walk(whole)) {
            total = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        int failures = 0;
        for (int j = 0; j < 8; j++) {
            long quota = total * j / 8;
            Path out = dir.resolve("full-" + j);
            try {
                SweepRunner.run(Sweep.of(s), out, 2, false, 1, 1, "test", null, diskOf(quota));
            } catch (java.io.IOException e) {
                failures++;
                assertTrue(e.getMessage().startsWith("cannot write " + out) && e.getMessage().endsWith(
                        "No space left on device"), e.getMessage());
            }
            try (var files = Files.walk(out)) {
                List<Path> partial = files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
                assertEquals(List.of(), partial, "quota " + quota + " of " + total + " bytes");
            }
            Path manifest = out.resolve("manifest.json");
            assertTrue(!Files.exists(manifest) || Files.readString(manifest).contains("\"complete\" : false"),
                    "no complete manifest after a full disk at " + quota + " of " + total + " bytes");
            SweepRunner.run(Sweep.of(s), out, 2, Files.exists(manifest), 1, 1, "test", null);
            for (String file : List.of("points.csv", "runs.csv")) {
                assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(out.resolve(file)),
                        file + " after a full disk at " + quota + " of " + total + " bytes");
            }
        }
        assertEquals(8, failures, "every quota below the sweep's size failed");
    }

    @Test
    void designsOverTheLimitAreRefusedBeforeAnythingIsAllocated() throws Exception {
        SweepSpec grid = spec("parameters:\n  - {path: a, min: 0, max: 1, steps: 10000}\n"
                + "  - {path: b, min: 0, max: 1, steps: 10000}\n  - {path: c, min: 0, max: 1, steps: 10000}\n");
        assertEquals(1_000_000_000_000L, Designs.size(grid));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Designs.points(grid));
        assertEquals("the grid has 10000 x 10000 x 10000 values = 1000000000000 points; at most"
                + " 1000000 are allowed (docs/sweeps.md): use fewer values, steps or points, or several sweeps",
                e.getMessage());
        SweepSpec atLimit = spec("parameters:\n  - {path: a, min: 0, max: 1, steps: 1000}\n"
                + "  - {path: b, min: 0, max: 1, steps: 1000}\n");
        assertEquals(Designs.MAX_POINTS, Designs.size(atLimit));
        Designs.checkSize(atLimit);
        SweepSpec saltelli = spec("design: saltelli\npoints: 1000000\nparameters:\n  - {path: a, min: 0, max: 1}\n"
                + "  - {path: b, min: 0, max: 1}\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Designs.checkSize(saltelli)).getMessage()
                .contains("points (1000000) x (parameters + 2) = 4000000 points"));
        Designs.checkSize(spec("design: sobol\npoints: 1000000\nparameters:\n  - {path: a, min: 0, max: 1}\n"));
    }
}
