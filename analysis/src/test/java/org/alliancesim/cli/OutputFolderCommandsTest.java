package org.alliancesim.cli;

import static org.alliancesim.cli.SweepCommandsTest.oneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.alliancesim.analysis.io.FolderLock;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, the output folder: every command that writes results claims its {@code --out} before
 * anything runs; a symbolic link below it, a folder another process holds, and a merge into one of
 * its own shards are refused with exit code 2 and one line, and nothing is written anywhere.
 */
class OutputFolderCommandsTest {

    @TempDir
    Path dir;

    private Path linkedOut(String sub) throws Exception {
        Path out = dir.resolve("o");
        Path parent = out.resolve(sub).getParent();
        Files.createDirectories(parent);
        Files.writeString(out.resolve("old.txt"), "an earlier result");
        Files.createSymbolicLink(out.resolve(sub), Files.createDirectories(dir.resolve("elsewhere")));
        return out;
    }

    private void nothingElsewhere() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("elsewhere"))) {
            assertEquals(List.of(), s.toList(), "nothing written through the link");
        }
    }

    private static String linkMessage(String command, Path out, String sub) {
        return "alliancesim " + command + ": --out " + out + ": " + out.resolve(sub) + " is a symbolic link; results"
                + " are written only into real folders below --out (remove the link, or choose another folder)";
    }

    /** Before: exit 0 with the charts in the linked folder. */
    @Test
    void sweepRefusesALinkedChartsFolderBeforeRunning() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), SweepCommandsTest.SWEEP);
        Path out = linkedOut("charts");
        Outcome o = AllianceSimTest.run("sweep", f.toString(), "--out", out.toString(), "--force", "--quiet");
        oneLine(o, 2, linkMessage("sweep", out, "charts"));
        assertEquals(linkMessage("sweep", out, "charts") + "\n", o.err());
        assertFalse(Files.exists(out.resolve("points.csv")), "nothing ran");
        nothingElsewhere();
    }

    /** Before: the simulation ran, and then exit 1 with an I/O error. */
    @Test
    void runRefusesALinkedChartsFolderBeforeRunning() throws Exception {
        Path out = linkedOut("charts");
        Outcome o = AllianceSimTest.run("run", "default", "--reps", "2", "--set", "run.families=40", "--out",
                out.toString(), "--force", "--quiet");
        assertEquals(linkMessage("run", out, "charts") + "\n", o.err());
        assertEquals(2, o.code());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(out.resolve("charts"), out.resolve("old.txt")), s.sorted().toList(), "nothing ran");
        }
        nothingElsewhere();
    }

    /** Before: exit 0 with the variant's files in the linked folder. */
    @Test
    void competeRefusesALinkedVariantFolderBeforeRunning() throws Exception {
        Path h = Files.writeString(dir.resolve("h.yaml"), CompeteCommandTest.SMALL);
        Path out = linkedOut("variants/fixed");
        Outcome o = AllianceSimTest.run("compete", h.toString(), "--out", out.toString(), "--force", "--quiet");
        assertEquals(linkMessage("compete", out, "variants/fixed") + "\n", o.err());
        assertEquals(2, o.code());
        nothingElsewhere();
    }

    /**
     * merge of sweep shards: a linked charts folder in --out is refused (before: written through),
     * and --out a link to one of the shards is refused (before: passed the "is a shard" check and
     * overwrote the shard).
     */
    @Test
    void mergeRefusesALinkBelowOutAndAnOutThatIsAShard() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), SweepCommandsTest.SWEEP);
        for (int k = 1; k <= 2; k++) {
            assertEquals(0, AllianceSimTest.run("sweep", f.toString(), "--shard", k + "/2", "--out",
                    dir.resolve("s" + k).toString(), "--quiet").code());
        }
        Path out = linkedOut("charts");
        oneLine(AllianceSimTest.run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                out.toString(), "--force"), 2, linkMessage("merge", out, "charts"));
        assertFalse(Files.exists(out.resolve("points.csv")));
        nothingElsewhere();
        String before = Files.readString(dir.resolve("s1/points.csv"));
        Path link = Files.createSymbolicLink(dir.resolve("L"), dir.resolve("s1"));
        Outcome o = AllianceSimTest.run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                link.toString(), "--force");
        assertEquals("alliancesim merge: --out " + link + " is the shard folder " + dir.resolve("s1") + " ("
                + dir.resolve("s1").toRealPath() + "); merge into a new folder\n", o.err());
        assertEquals(2, o.code());
        assertEquals(before, Files.readString(dir.resolve("s1/points.csv")), "the shard is untouched");
        assertTrue(Files.readString(dir.resolve("s1/manifest.json")).contains("\"shard\" : \"1/2\""));
    }

    /** Before: a sweep and a concurrent --resume on one folder both appended the same points. */
    @Test
    @SuppressWarnings("try") // the lock is held by the try, not used in it
    void aFolderHeldByAnotherProcessIsRefusedAtOnce() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), SweepCommandsTest.SWEEP);
        Path out = dir.resolve("held");
        assertEquals(0, AllianceSimTest.run("sweep", f.toString(), "--out", out.toString(), "--quiet").code());
        String points = Files.readString(out.resolve("points.csv"));
        String busy = "--out " + out + " is in use by another alliancesim process (it holds "
                + out.resolve(FolderLock.NAME) + "); wait for it to finish, or choose another folder";
        try (FolderLock other = FolderLock.acquire(out)) {
            oneLine(AllianceSimTest.run("sweep", f.toString(), "--out", out.toString(), "--resume", "--quiet"), 2,
                    "alliancesim sweep: " + busy);
            oneLine(AllianceSimTest.run("run", "default", "--reps", "2", "--out", out.toString(), "--force",
                    "--quiet"), 2, "alliancesim run: " + busy);
        }
        assertEquals(points, Files.readString(out.resolve("points.csv")));
        assertFalse(Files.exists(out.resolve(FolderLock.NAME)), "a finished command leaves no lock file");
    }

    /**
     * Two runs racing into one new --out: one writes the results, the other is refused with exit
     * code 2 (before: 1 in 3 trials ended in exit 1, "internal error ... exists and is not empty").
     */
    @Test
    void twoRunsRacingIntoOneNewFolderOneWinsTheOtherExits2() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 2; trial++) {
                Path out = dir.resolve("race-" + trial);
                Callable<Outcome> run = () -> AllianceSimTest.run("run", "default", "--reps", "2", "--set",
                        "run.families=60", "--threads", "1", "--out", out.toString(), "--quiet");
                List<Future<Outcome>> both = new ArrayList<>(List.of(pool.submit(run), pool.submit(run)));
                List<Integer> codes = new ArrayList<>();
                for (Future<Outcome> o : both) {
                    Outcome got = o.get();
                    codes.add(got.code());
                    if (got.code() != 0) {
                        assertEquals(1, got.err().lines().count(), got.err());
                        assertTrue(got.err().startsWith("alliancesim run: --out " + out + " "), got.err());
                    }
                }
                codes.sort(null);
                assertEquals(List.of(0, 2), codes, "trial " + trial);
                assertTrue(Files.isRegularFile(out.resolve("summary.json")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** kill -9 leaves .NAME.RANDOM.partial files; before, a later run with --force left them. */
    @Test
    void forceRemovesAnInterruptedRunsTemporaryFiles() throws Exception {
        Path out = Files.createDirectories(dir.resolve("killed/charts"));
        Path top = dir.resolve("killed");
        Files.writeString(top.resolve(".families.csv.0123456789abcdef.partial"), "half a run");
        Files.writeString(out.resolve(".dropout-share.png.00000000deadbeef.partial"), "half a chart");
        Outcome o = AllianceSimTest.run("run", "default", "--reps", "2", "--set", "run.families=40", "--out",
                top.toString(), "--force", "--quiet");
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> s = Files.walk(top)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList());
        }
    }
}
