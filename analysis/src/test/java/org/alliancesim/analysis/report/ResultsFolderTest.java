package org.alliancesim.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {

    @TempDir
    Path dir;

    @Test
    void filesAppearOnlyOnCommit() throws Exception {
        Path out = dir.resolve("r");
        try (ResultsFolder f = ResultsFolder.open(out, false, List.of("a.csv", "charts/b.svg"))) {
            try (Writer w = f.writer("a.csv")) {
                w.write("x\n");
            }
            f.write("charts/b.svg", "<svg/>");
            assertFalse(Files.exists(out.resolve("a.csv")), "not before commit");
            f.commit();
        }
        assertEquals("x\n", Files.readString(out.resolve("a.csv")));
        assertEquals("<svg/>", Files.readString(out.resolve("charts/b.svg")));
    }

    @Test
    void aCompressedFileIsStreamedAndAppearsWholeOnlyOnCommit() throws Exception {
        Path out = dir.resolve("z");
        String text = "session,alliance\n" + "1,0.5\n".repeat(50_000);
        try (ResultsFolder f = ResultsFolder.open(out, false, List.of("s.csv.gz"))) {
            try (Writer w = f.writer("s.csv", true)) {
                w.write(text);
            }
            assertFalse(Files.exists(out.resolve("s.csv.gz")), "not before commit");
            f.commit();
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out.resolve("s.csv.gz")))) {
            assertEquals(text, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(out.resolve("s.csv.gz")) < text.length() / 10, "compressed");
        Path failed = dir.resolve("zfailed");
        assertThrows(IllegalStateException.class, () -> {
            try (ResultsFolder f = ResultsFolder.open(failed, false, List.of("s.csv.gz"))) {
                try (Writer w = f.writer("s.csv", true)) {
                    w.write(text);
                }
                throw new IllegalStateException("the run failed");
            }
        });
        assertFalse(Files.exists(failed), "no half-written archive, no folder");
    }

    @Test
    void aFailedRunLeavesNoPartialFiles() throws Exception {
        Path out = dir.resolve("failed/run");
        assertThrows(IllegalStateException.class, () -> {
            try (ResultsFolder f = ResultsFolder.open(out, false, List.of("a.csv", "charts/b.svg"))) {
                f.write("a.csv", "half");
                f.write("charts/b.svg", "<svg");
                throw new IllegalStateException("the run failed");
            }
        });
        assertFalse(Files.exists(dir.resolve("failed")), "nothing left behind, not even the folders it made");
        // A folder that was there before stays, with what it held.
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(existing.resolve("notes.txt"), "mine");
        assertThrows(IllegalStateException.class, () -> {
            try (ResultsFolder f = ResultsFolder.open(existing, true, List.of("charts/b.svg"))) {
                f.write("charts/b.svg", "<svg");
                throw new IllegalStateException("the run failed");
            }
        });
        try (Stream<Path> files = Files.walk(existing)) {
            assertEquals(List.of(existing, existing.resolve("notes.txt")), files.sorted().toList());
        }
    }

    @Test
    void refusesNonEmptyFoldersAndFilesUnlessForced() throws Exception {
        Path full = dir.resolve("full");
        Files.createDirectories(full);
        Files.writeString(full.resolve("old.csv"), "old");
        assertThrows(IllegalArgumentException.class, () -> ResultsFolder.check(full, false));
        ResultsFolder.check(full, true);
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsFolder.check(file, true));
        assertTrue(e.getMessage().contains("is a file"));
        // --force replaces earlier result files this run does not write, and leaves other files.
        Files.writeString(full.resolve("notes.txt"), "mine");
        try (ResultsFolder f = ResultsFolder.open(full, true, List.of("old.csv", "new.csv"))) {
            f.write("new.csv", "new");
            f.commit();
        }
        assertFalse(Files.exists(full.resolve("old.csv")));
        assertTrue(Files.exists(full.resolve("notes.txt")));
    }

    @Test
    void forceDoesNotFollowLinksPlantedInTheFolder() throws Exception {
        Path out = Files.createDirectories(dir.resolve("planted"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        // The old predictable temporary name, and a result file, both linked outside.
        Files.createSymbolicLink(out.resolve(".a.csv.partial"), victim);
        Files.createSymbolicLink(out.resolve("b.csv"), victim);
        try (ResultsFolder f = ResultsFolder.open(out, true, List.of("a.csv", "b.csv"))) {
            f.write("a.csv", "new a");
            f.write("b.csv", "new b");
            f.commit();
        }
        assertEquals("precious", Files.readString(victim));
        assertEquals("new a", Files.readString(out.resolve("a.csv")));
        assertFalse(Files.isSymbolicLink(out.resolve("b.csv")));
        // A subfolder that is a link is refused when the folder is opened, before anything is written.
        Files.createSymbolicLink(out.resolve("charts"), elsewhere);
        assertEquals("--out " + out + ": " + out.resolve("charts") + " is a symbolic link; results are written only into"
                + " real folders below --out (remove the link, or choose another folder)", assertThrows(
                        IllegalArgumentException.class, () -> ResultsFolder.open(out, true, List.of("charts/c.svg")))
                        .getMessage());
        assertEquals(List.of(), List.of(elsewhere.toFile().list()));
        assertFalse(Files.exists(out.resolve(org.alliancesim.analysis.io.FolderLock.NAME)), "the lock is let go");
    }

    /** Before, only a link at the first level was noticed, and only when a file was written through it. */
    @Test
    void aLinkAtAnyFolderBelowTheResultsIsRefusedBeforeAnythingRuns() throws Exception {
        Path out = Files.createDirectories(dir.resolve("o/variants"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("a"), elsewhere);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsFolder.open(
                dir.resolve("o"), true, List.of("ranking.csv", "variants/a/fitted.csv")));
        assertTrue(e.getMessage().contains(out.resolve("a") + " is a symbolic link"), e.getMessage());
        // A folder made a link after the check is not written through either.
        Files.delete(out.resolve("a"));
        try (ResultsFolder f = ResultsFolder.open(dir.resolve("o"), true, List.of("variants/a/fitted.csv"))) {
            Files.createSymbolicLink(out.resolve("a"), elsewhere);
            FileSystemException fse = assertThrows(FileSystemException.class,
                    () -> f.write("variants/a/fitted.csv", "x"));
            assertTrue(fse.getMessage().contains("symbolic link"), fse.getMessage());
        }
        assertEquals(List.of(), List.of(elsewhere.toFile().list()));
        // A result file that is a link, or --out itself being one, is fine: the link is replaced, not followed.
        Path linked = Files.createSymbolicLink(dir.resolve("link-to-elsewhere"), elsewhere);
        try (ResultsFolder f = ResultsFolder.open(linked, false, List.of("charts/x.csv"))) {
            f.write("charts/x.csv", "x");
            f.commit();
        }
        assertEquals("x", Files.readString(elsewhere.resolve("charts/x.csv")));
    }

    @Test
    void aSecondClaimOfTheSameFolderIsRefusedAtOnce() throws Exception {
        Path out = dir.resolve("busy");
        try (ResultsFolder first = ResultsFolder.open(out, false, List.of("a.csv"))) {
            assertTrue(Files.exists(out.resolve(org.alliancesim.analysis.io.FolderLock.NAME)));
            assertEquals("--out " + out + " is in use by another alliancesim process (it holds "
                    + out.resolve(org.alliancesim.analysis.io.FolderLock.NAME) + "); wait for it to finish, or choose"
                    + " another folder", assertThrows(IllegalArgumentException.class,
                            () -> ResultsFolder.open(out, true, List.of("a.csv"))).getMessage());
            first.write("a.csv", "1");
            first.commit();
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("a.csv")), files.toList(), "the lock file is gone with the lock");
        }
        try (ResultsFolder again = ResultsFolder.open(out, true, List.of("a.csv"))) {
            again.commit();
        }
    }

    /** kill -9 leaves .NAME.RANDOM.partial files; before, a later --force run left them there. */
    @Test
    void forceRemovesTheTemporaryFilesOfAnInterruptedRunAndNothingElse() throws Exception {
        Path out = Files.createDirectories(dir.resolve("killed/charts"));
        Path top = dir.resolve("killed");
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Files.writeString(top.resolve(".families.csv.0123456789abcdef.partial"), "half");
        Files.writeString(out.resolve(".b.svg.fedcba9876543210.partial"), "half");
        Files.createSymbolicLink(top.resolve(".c.csv.0000000000000000.partial"), victim);
        Files.writeString(top.resolve("notes.partial"), "mine");
        assertThrows(IllegalArgumentException.class, () -> ResultsFolder.open(top, false, List.of("a.csv")));
        assertTrue(Files.exists(top.resolve(".families.csv.0123456789abcdef.partial")), "without --force: untouched");
        try (ResultsFolder f = ResultsFolder.open(top, true, List.of("a.csv", "charts/b.svg"))) {
            f.commit();
        }
        try (Stream<Path> files = Files.walk(top)) {
            assertEquals(List.of(top, top.resolve(".c.csv.0000000000000000.partial"), out, top.resolve("notes.partial")),
                    files.sorted().toList());
        }
        assertEquals("keep", Files.readString(victim));
    }

    @Test
    void checkNamesTheProblemWithAnOutputPath() throws Exception {
        assertEquals("--out is empty; give a folder",
                assertThrows(IllegalArgumentException.class, () -> ResultsFolder.check(Path.of(""), true)).getMessage());
        Path file = Files.writeString(dir.resolve("FILE"), "x");
        assertEquals("--out " + file.resolve("sub/deeper") + ": " + file + " is a file, not a folder",
                assertThrows(IllegalArgumentException.class,
                        () -> ResultsFolder.check(file.resolve("sub/deeper"), false)).getMessage());
        if (Files.isDirectory(Path.of("/proc/self"))) {
            // /proc takes no new folders (not even as root): found before anything runs.
            String m = assertThrows(IllegalArgumentException.class,
                    () -> ResultsFolder.check(Path.of("/proc/x"), false)).getMessage();
            assertTrue(m.startsWith("--out /proc/x: cannot write results there ("), m);
        }
        // A good path passes the check, and the check leaves nothing behind.
        ResultsFolder.check(dir.resolve("new/nested/out"), false);
        assertFalse(Files.exists(dir.resolve("new")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void provenanceDropsOnlyOptionsThatCannotChangeResults() {
        assertEquals(List.of("run", "default", "--reps", "5", "--seed=3", "--set", "run.families=10"),
                Provenance.resultArguments(List.of("run", "default", "--reps", "5", "--threads", "4", "--seed=3",
                        "--out", "/tmp/x", "--set", "run.families=10", "--quiet", "--force", "--threads=2",
                        "--out=/tmp/y")));
    }
}
