package org.alliancesim.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSymlinkPlantedAtTheOldTemporaryNameIsNotFollowed() throws Exception {
        // Before, the temporary file of a.csv was always .a.csv.partial: a link planted there
        // made the write go to the link's target, outside the results.
        Path outside = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.createSymbolicLink(results.resolve(".a.csv.partial"), outside);
        AtomicFile.write(results.resolve("a.csv"), "x,y\n");
        assertEquals("precious", Files.readString(outside));
        assertEquals("x,y\n", Files.readString(results.resolve("a.csv")));
        assertTrue(Files.isSymbolicLink(results.resolve(".a.csv.partial")), "the planted link is left alone");
    }

    @Test
    void aSymlinkAtTheTargetIsReplacedNotFollowed() throws Exception {
        Path outside = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path target = dir.resolve("summary.json");
        Files.createSymbolicLink(target, outside);
        AtomicFile.write(target, "{}");
        assertEquals("precious", Files.readString(outside));
        assertFalse(Files.isSymbolicLink(target));
        assertTrue(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS));
        assertEquals("{}", Files.readString(target));
    }

    @Test
    void theTargetAppearsOnlyOnCommitAndAnAbandonedFileLeavesNothing() throws Exception {
        Path target = dir.resolve("families.csv");
        try (AtomicFile f = AtomicFile.create(target)) {
            try (Writer w = f.writer()) {
                w.write("replication\n0\n");
            }
            assertFalse(Files.exists(target), "not before commit");
            assertEquals(1, names(dir).size());
            f.commit();
        }
        assertEquals(List.of("families.csv"), names(dir));
        assertEquals("replication\n0\n", Files.readString(target));
        try (AtomicFile f = AtomicFile.create(dir.resolve("never.csv")); OutputStream out = f.stream()) {
            out.write(1);
        }
        assertEquals(List.of("families.csv"), names(dir), "no temporary file left, no target");
    }

    @Test
    void temporaryNamesAreRandomAndHidden() throws Exception {
        Path target = dir.resolve("a.csv");
        try (AtomicFile f = AtomicFile.create(target); AtomicFile g = AtomicFile.create(target)) {
            assertEquals(target, f.target());
            assertEquals(target, g.target());
            List<String> tmp = names(dir);
            assertEquals(2, tmp.size());
            assertNotEquals(tmp.get(0), tmp.get(1));
            for (String n : tmp) {
                assertTrue(n.matches("\\.a\\.csv\\.[0-9a-f]{16}\\.partial"), n);
            }
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void errorsNameTheTargetAndTheReason() {
        Path target = dir.resolve("missing").resolve("a.csv");
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFile.write(target, "x"));
        assertEquals(target.toString(), e.getFile());
        assertEquals("No such file or directory", AtomicFile.reason(e));
    }
}
