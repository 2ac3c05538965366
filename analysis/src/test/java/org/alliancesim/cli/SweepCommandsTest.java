package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandsTest {

    @TempDir
    Path dir;

    static final String SWEEP = "design: random\npoints: 6\nreplications: 2\nfamilies: 80\nmetrics: [dropout_share]\n"
            + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n";

    @Test
    void mergeRefusesMismatchedIncompleteOrDuplicatedShards() throws Exception {
        Path a = dir.resolve("a.yaml");
        Files.writeString(a, SWEEP);
        Path b = dir.resolve("b.yaml");
        Files.writeString(b, SWEEP.replace("seed", "x").replace("points: 6", "points: 6\nseed: 99"));
        for (int k = 1; k <= 2; k++) {
            assertEquals(0, AllianceSimTest.run("sweep", a.toString(), "--shard", k + "/2", "--out",
                    dir.resolve("a" + k).toString(), "--quiet").code());
        }
        assertEquals(0, AllianceSimTest.run("sweep", b.toString(), "--shard", "2/2", "--out",
                dir.resolve("b2").toString(), "--quiet").code());
        Outcome other = AllianceSimTest.run("merge", dir.resolve("a1").toString(), dir.resolve("b2").toString(),
                "--out", dir.resolve("m1").toString());
        assertEquals(2, other.code());
        assertTrue(other.err().contains("a different sweep file or seed"), other.err());
        Outcome missing = AllianceSimTest.run("merge", dir.resolve("a1").toString(), "--out", dir.resolve("m2").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("shards [2] of 2 are missing"), missing.err());
        Outcome twice = AllianceSimTest.run("merge", dir.resolve("a1").toString(), dir.resolve("a1").toString(),
                "--out", dir.resolve("m3").toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("given twice"), twice.err());
        Outcome ok = AllianceSimTest.run("merge", dir.resolve("a2").toString(), dir.resolve("a1").toString(), "--out",
                dir.resolve("merged").toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(7, Files.readAllLines(dir.resolve("merged/points.csv")).size());
        assertFalse(Files.exists(dir.resolve("m1")));
    }

    @Test
    void badSweepFilesAndOptionsAreExitCode2() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "design: latin\nparameters:\n  - {path: therapists.1.repair_skil, min: 0, max: 1}\n");
        Outcome o = AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("design: found 'latin' (text); allowed: grid, random, latin_hypercube, sobol, saltelli"),
                o.err());
        Files.writeString(f, "parameters:\n  - {path: therapists.1.repair_skil, min: 0, max: 1}\n");
        Outcome p = AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, p.code());
        assertTrue(p.err().contains("'therapists.1.repair_skil' is not a number"), p.err());
        Path g = dir.resolve("good.yaml");
        Files.writeString(g, SWEEP);
        assertEquals(2, AllianceSimTest.run("sweep", g.toString(), "--shard", "3/2", "--out", dir.resolve("y").toString()).code());
        assertFalse(Files.exists(dir.resolve("x")) || Files.exists(dir.resolve("y")), "nothing written");
    }

    @Test
    void slurmWritesTheScripts() throws Exception {
        Path g = dir.resolve("good.yaml");
        Files.writeString(g, SWEEP);
        Path out = dir.resolve("cluster");
        Outcome o = AllianceSimTest.run("slurm", g.toString(), "--array", "3", "--out", out.toString(), "--partition",
                "short", "--time", "00:10:00", "--mem", "2G");
        assertEquals(0, o.code(), o.err());
        String sweep = Files.readString(out.resolve("sweep.sbatch"));
        assertTrue(sweep.contains("#SBATCH --array=1-3") && sweep.contains("--shard ${SLURM_ARRAY_TASK_ID}/3")
                && sweep.contains("#SBATCH --partition=short") && sweep.contains("#SBATCH --time=00:10:00")
                && sweep.contains("#SBATCH --mem=2G") && sweep.contains("--resume"), sweep);
        assertTrue(Files.readString(out.resolve("submit.sh")).contains("--dependency=afterok:$array"));
        assertTrue(Files.readString(out.resolve("merge.sbatch")).contains(" merge "));
        assertEquals(Files.readString(g), Files.readString(out.resolve("sweep.yaml")));
    }
}
