package org.alliancesim.analysis.sweep;

import static org.alliancesim.analysis.sweep.SweepTest.METRICS;
import static org.alliancesim.analysis.sweep.SweepTest.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.report.CompareReport;
import org.alliancesim.analysis.usecase.CompareRequest;
import org.alliancesim.analysis.usecase.CompareUseCase;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;
import org.alliancesim.scenario.SweepSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Effect sweeps (docs/sweeps.md, "Effect sweeps"): each point's effect is the one {@code compare}
 * gives on the same two scenarios; the folder does not depend on threads, shards or a kill -9.
 */
class EffectSweepTest {

    @TempDir
    Path dir;

    /** 3 conflict levels of the involuntary families; B: both therapist types 0.2 warmer (0.7 + 0.2 = 0.9). */
    static final String WARMTH = "base: involuntary-referral\ndesign: grid\nreplications: 3\nfamilies: 150\nseed: 77\n"
            + "metrics: [dropout_share_involuntary, dropout_share, mean_improvement]\nparameters:\n"
            + "  - {path: families.1.conflict, values: [0.2, 0.5, 0.8]}\n"
            + "compare:\n  add: {therapists.0.warmth: 0.2, therapists.1.warmth: 0.2}\n";

    static SweepSpec spec(String yaml) throws Exception {
        return SweepSpecs.parse("s.yaml", yaml, METRICS);
    }

    /**
     * Each point's effect, CI, p and arm means equal, digit for digit, those of {@code compare} run
     * on the two scenarios built here by hand (not through the sweep's code: the point's conflict
     * and B's warmth 0.9 set literally, as {@code --set-b therapists.0.warmth=0.9} would), with the
     * sweep's seed and replications; and runs.csv holds each arm's per-replication values exactly
     * (the same doubles compare's arms give). Fails if B ran on other random numbers than A (another
     * seed or replication numbers), if the effect were unpaired or A - B, if add summed in binary
     * (0.8999999999999999 is another scenario) or if runs.csv rounded the arms' values.
     */
    @Test
    void eachPointsEffectIsWhatCompareGivesOnTheSameTwoScenarios() throws Exception {
        SweepSpec s = spec(WARMTH);
        Path out = dir.resolve("sweep");
        SweepRunner.run(Sweep.of(s), out, 2, false, 1, 1, "test", null);
        List<String> points = Files.readAllLines(out.resolve("points.csv"));
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = List.of(points.get(0).split(","));
        double[] conflict = {0.2, 0.5, 0.8};
        for (int p = 0; p < 3; p++) {
            Scenario a = ScenarioLoader.load("involuntary-referral").withSeed(77).withReplications(3)
                    .with("run.families", 150).with("families[1].conflict", conflict[p]);
            Scenario b = a.with("therapists[0].warmth", 0.9).with("therapists[1].warmth", 0.9);
            CompareReport.Result c = CompareUseCase.execute(CompareRequest.of(a, b).withThreads(1)).comparison();
            String[] row = points.get(1 + p).split(",", -1);
            assertEquals(Integer.toString(p), row[0]);
            assertEquals(Csv.num(conflict[p]), row[1]);
            for (String key : s.metrics()) {
                Metric m = Metric.byKey(key);
                Comparison.Difference d = c.differences().stream().filter(x -> x.metric() == m).findFirst().orElseThrow();
                double[] want = {d.meanA(), d.meanB(), d.difference(), d.lower(), d.upper(), d.p()};
                String[] suffix = {"_a_mean", "_b_mean", "_effect_mean", "_effect_ci95_low", "_effect_ci95_high",
                        "_effect_p"};
                for (int i = 0; i < want.length; i++) {
                    assertEquals(Csv.num(want[i]), row[header.indexOf(key + suffix[i])], "point " + p + " " + key
                            + suffix[i]);
                }
                assertEquals(Long.toString(d.n()), row[header.indexOf(key + "_n")]);
                List<String> runHeader = List.of(runs.get(0).split(","));
                double[] ra = new double[3];
                double[] rb = new double[3];
                for (int r = 0; r < 3; r++) {
                    String[] f = runs.get(1 + 3 * p + r).split(",", -1);
                    ra[r] = parse(f[runHeader.indexOf(key + "_a")]);
                    rb[r] = parse(f[runHeader.indexOf(key + "_b")]);
                }
                assertArrayEquals(c.ra().values(m), ra, 0, "point " + p + " " + key + ": arm A's replications exactly");
                assertArrayEquals(c.rb().values(m), rb, 0, "point " + p + " " + key + ": arm B's replications exactly");
            }
            // Warmth lowers involuntary dropout here: a sanity check that B is not A (an effect of exactly 0
            // would also pass the equalities above if both arms ran one scenario).
            assertTrue(c.rb().values(Metric.DROPOUT_SHARE)[0] != c.ra().values(Metric.DROPOUT_SHARE)[0]
                    || c.rb().values(Metric.DROPOUT_SHARE)[1] != c.ra().values(Metric.DROPOUT_SHARE)[1]);
        }
        List<String> effects = Files.readAllLines(out.resolve("effects.csv"));
        assertEquals("point,families.1.conflict,metric,mean_a,mean_b,effect,ci95_low,ci95_high,p,n", effects.get(0));
        assertEquals(1 + 3 * 3, effects.size(), "a row per point and metric");
        String[] first = points.get(1).split(",", -1);
        assertEquals(String.join(",", first[0], first[1], "dropout_share_involuntary", first[2], first[3], first[4],
                first[5], first[6], first[7], first[8]), effects.get(1), "effects.csv repeats points.csv's effect columns");
    }

    private static double parse(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** 1 or 2 threads, one process or 3 shards merged: the same bytes in every data file. */
    @Test
    void effectSweepsDoNotDependOnThreadsOrSharding() throws Exception {
        SweepSpec s = spec("base: involuntary-referral\ndesign: latin_hypercube\npoints: 7\nreplications: 2\n"
                + "families: 80\nmetrics: [dropout_share_involuntary, alliance_final]\nparameters:\n"
                + "  - {path: families.1.conflict, min: 0.1, max: 0.9}\n"
                + "  - {path: therapists.1.repair_skill, min: 0.2, max: 0.8}\n"
                + "compare:\n  set: {therapists.1.empathy: 0.9}\n  add: {therapists.0.warmth: 0.1}\n");
        SweepRunner.run(Sweep.of(s), dir.resolve("one"), 1, false, 1, 1, "test", null);
        SweepRunner.run(Sweep.of(s), dir.resolve("two"), 2, false, 1, 1, "test", null);
        for (int k = 1; k <= 3; k++) {
            SweepRunner.run(Sweep.of(s), dir.resolve("shard-" + k), 2, false, k, 3, "test", null);
        }
        SweepMerge.merge(List.of(dir.resolve("shard-3"), dir.resolve("shard-1"), dir.resolve("shard-2")),
                dir.resolve("merged"), "test");
        for (String f : List.of("points.csv", "runs.csv", "effects.csv", "charts/alliance_final_effect-vs-families.1"
                + ".conflict.csv")) {
            byte[] one = Files.readAllBytes(dir.resolve("one").resolve(f));
            assertArrayEquals(one, Files.readAllBytes(dir.resolve("two").resolve(f)), f + ": 1 vs 2 threads");
            assertArrayEquals(one, Files.readAllBytes(dir.resolve("merged").resolve(f)), f + ": merged shards");
        }
        assertEquals(1 + 7 * 2, Files.readAllLines(dir.resolve("one/runs.csv")).size());
        assertEquals(1 + 7 * 2, Files.readAllLines(dir.resolve("one/effects.csv")).size());
    }

    /**
     * An effect sweep killed (SIGKILL) mid-way and resumed writes what an uninterrupted one does.
     * Fails if resume mis-read the two-arm rows (dropping or re-running points differently).
     */
    @Test
    void anEffectSweepResumedAfterKillNineEqualsAnUninterruptedOne() throws Exception {
        Path f = dir.resolve("effect.yaml");
        Files.writeString(f, "base: involuntary-referral\ndesign: sobol\npoints: 60\nreplications: 2\nfamilies: 300\n"
                + "metrics: [dropout_share_involuntary, mean_improvement]\nparameters:\n"
                + "  - {path: families.1.conflict, min: 0.1, max: 0.9}\n"
                + "compare:\n  add: {therapists.0.warmth: 0.2, therapists.1.warmth: 0.2}\n");
        Sweep sweep = Sweep.of(SweepSpecs.load(f, METRICS));
        Path whole = dir.resolve("whole");
        SweepRunner.run(sweep, whole, 2, false, 1, 1, "test", null);
        Path out = dir.resolve("killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.alliancesim.cli.AllianceSim", "sweep", f.toString(),
                "--out", out.toString(), "--quiet", "--threads", "2")
                .redirectOutput(new File("/dev/null")).redirectError(new File("/dev/null")).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (rows(out) < 20 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        int before = rows(out);
        System.out.printf("effect sweep killed with %d of 60 point rows written (aimed at 20)%n", before);
        assertTrue(before > 0 && before < 60, "the kill happened mid-sweep: " + before + " of 60 rows written");
        SweepRunner.run(sweep, out, 2, true, 1, 1, "test", null);
        for (String file : List.of("points.csv", "runs.csv", "effects.csv")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(out.resolve(file)),
                    file + " after a kill with " + before + " rows written");
        }
    }

    /**
     * slurm's sweep.yaml (the file the array's jobs read) keeps the compare block: read back, it is
     * the same sweep (same identity), so the jobs run the effect sweep and their shards merge.
     * Fails if the block were dropped or changed in the copy.
     */
    @Test
    void slurmsCopyOfAnEffectSweepIsTheSameSweep() throws Exception {
        SweepSpec s = spec(WARMTH);
        Path out = dir.resolve("slurm");
        SlurmScripts.write(s, new SlurmScripts.Job(2, 1, null, null, null, null), out, false, List.of("alliancesim"));
        SweepSpec copy = SweepSpecs.load(out.resolve("sweep.yaml"), METRICS);
        assertEquals(s.compare(), copy.compare());
        assertEquals(SweepIdentity.of(s).sha256(), SweepIdentity.of(copy).sha256());
    }

    /**
     * Resume and merge check an effect sweep's rows as a sweep's: an effect in points.csv that its
     * rows in runs.csv do not give, and an arm's value not in the exact form the sweep writes, are
     * refused with file and line. Fails if the checks still assumed one value per metric.
     */
    @Test
    void editedEffectRowsAreRefusedOnResume() throws Exception {
        SweepSpec s = spec(WARMTH);
        Path out = dir.resolve("edited");
        SweepRunner.run(Sweep.of(s), out, 2, false, 1, 1, "test", null);
        Path pf = out.resolve("points.csv");
        String points = Files.readString(pf);
        List<String> lines = new ArrayList<>(List.of(points.split("\n")));
        String[] row = lines.get(2).split(",", -1);
        row[4] = "-0.5"; // dropout_share_involuntary_effect_mean
        lines.set(2, String.join(",", row));
        Files.writeString(pf, String.join("\n", lines) + "\n");
        SweepFolderException e = assertThrows(SweepFolderException.class,
                () -> SweepRunner.run(Sweep.of(s), out, 1, true, 1, 1, "test", null));
        assertTrue(e.getMessage().contains("points.csv:3: field 5 (dropout_share_involuntary_effect_mean) is '-0.5',"
                + " but the point's rows in runs.csv give '"), e.getMessage());
        Files.writeString(pf, points);
        Path rf = out.resolve("runs.csv");
        String runs = Files.readString(rf);
        List<String> rl = new ArrayList<>(List.of(runs.split("\n")));
        String[] r = rl.get(1).split(",", -1);
        r[3] = r[3] + "0"; // a trailing zero: not the form the sweep writes
        rl.set(1, String.join(",", r));
        Files.writeString(rf, String.join("\n", rl) + "\n");
        e = assertThrows(SweepFolderException.class, () -> SweepRunner.run(Sweep.of(s), out, 1, true, 1, 1, "test", null));
        assertTrue(e.getMessage().contains("runs.csv:2: field 4 (dropout_share_involuntary) is '"), e.getMessage());
    }
}
