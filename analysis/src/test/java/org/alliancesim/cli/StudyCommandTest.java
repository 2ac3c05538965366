package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code study} on the command line: the table printed, bad input located with exit code 2 and nothing written. */
class StudyCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsObservedBesideLatentAndWritesTheFolder() throws Exception {
        Path design = dir.resolve("study.yaml");
        Files.writeString(design, "families: 60\ntherapists: 6\n");
        Path out = dir.resolve("out");
        Outcome o = AllianceSimTest.run("study", "default", "--design", design.toString(), "--sizes", "20,40",
                "--replications", "2", "--threads", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("study default (" + design + "): 60 families that started, 6 therapists,"), o.out());
        assertTrue(o.out().contains("statistic                  observed [95% CI]              latent        n"), o.out());
        assertTrue(o.out().contains("\nd_dropout "), o.out());
        assertTrue(o.out().contains("power at alpha 0.05, 2 simulated studies per size"), o.out());
        assertTrue(o.out().contains("effect                          n=20      n=40"), o.out());
        for (String f : new String[] {"measures.csv", "study.csv", "results.csv", "power.csv", "summary.json",
            "report.html", "charts/power-curve.png", "charts/power-curve.svg", "charts/power-curve.csv"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void badInputIsLocatedExitsWith2AndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        Path design = dir.resolve("bad.yaml");
        String[][] files = {
            {"families: 60\nfamiles: 80\n", design + ":2:1: familes: unknown field"},
            {"families: 60\nearly_session: 0\n", design + ":2:16: early_session: must be in [1, 200], was 0"},
        };
        for (String[] c : files) {
            Files.writeString(design, c[0]);
            Outcome o = AllianceSimTest.run("study", "default", "--design", design.toString(), "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().startsWith(c[1]), o.err());
            assertFalse(Files.exists(out), "nothing written");
        }
        String[][] flags = {
            {"--sizes", "10,40", "sizes"},
            {"--replications", "0", "replications"},
            {"--sizes", "40,x", "--sizes"},
        };
        for (String[] c : flags) {
            Outcome o = AllianceSimTest.run("study", "default", c[0], c[1], "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains(c[2]) && o.err().lines().count() == 1, o.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }
}
