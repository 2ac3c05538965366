package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFilesTest {

    @TempDir
    Path dir;

    /** Files whose writes fail after 3 bytes, as on a full disk. */
    static final SweepFiles FULL = new SweepFiles((file, append) -> new FilterOutputStream(
            SweepFiles.DISK_OPENER.open(file, append)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, Math.min(3, len));
            if (len > 3) {
                throw new IOException("No space left on device");
            }
        }
    });

    @Test
    void aFailedReplaceKeepsTheOldFileAndLeavesNoPartialFile() throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> FULL.replace(f, "a longer new text"));
        assertEquals("cannot write " + f + ": No space left on device", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertFalse(Files.exists(dir.resolve(".summary.json.partial")));
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
    void aLinkPlantedAtTheTemporaryNameIsNotFollowed() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious");
        Files.createSymbolicLink(dir.resolve(".points.csv.partial"), victim);
        SweepFiles.DISK.replace(dir.resolve("points.csv"), "point\n");
        assertEquals("precious", Files.readString(victim));
        assertEquals("point\n", Files.readString(dir.resolve("points.csv")));
    }
}
