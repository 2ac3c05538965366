package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFilesTest {

    @TempDir
    Path dir;

    /** Files whose writes fail after 3 bytes, as on a full disk. */
    static final SweepFiles FULL = new SweepFiles((file, real) -> new FilterOutputStream(real) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, Math.min(3, len));
            if (len > 3) {
                throw new IOException("No space left on device");
            }
        }
    });

    List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedReplaceKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> FULL.replace(f, "a longer new text"));
        assertEquals("cannot write " + f + ": No space left on device", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("summary.json"), files());
    }

    @Test
    void aFailedAppendNamesTheFile() throws Exception {
        Path f = dir.resolve("runs.csv");
        Files.writeString(f, "point\n");
        IOException e = assertThrows(IOException.class, () -> FULL.append(f, "1,2,3\n"));
        assertEquals("cannot write " + f + ": No space left on device", e.getMessage());
        assertEquals("point\n1,2", Files.readString(f), "a full disk leaves part of a line, which --resume drops");
    }

    @Test
    void aLinkAtTheTargetIsReplacedNotFollowed() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious");
        Files.createSymbolicLink(dir.resolve("points.csv"), victim);
        SweepFiles.DISK.replace(dir.resolve("points.csv"), "point\n");
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(dir.resolve("points.csv")));
        assertEquals("point\n", Files.readString(dir.resolve("points.csv")));
        assertEquals(List.of("points.csv", "victim"), files(), "no temporary file left");
    }

    @Test
    void anAppendDoesNotFollowALink() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious");
        Files.createSymbolicLink(dir.resolve("runs.csv"), victim);
        IOException e = assertThrows(IOException.class, () -> SweepFiles.DISK.append(dir.resolve("runs.csv"), "1\n"));
        assertTrue(e.getMessage().startsWith("cannot write " + dir.resolve("runs.csv") + ": "), e.getMessage());
        assertEquals("precious", Files.readString(victim));
    }
}
