package org.alliancesim.analysis.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadBackTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileOfTheFolderUpToItsBound() throws Exception {
        Path f = Files.createDirectories(dir.resolve("shard/variants/a"));
        Files.writeString(f.resolve("trace.csv"), "0123456789");
        assertArrayEquals("0123456789".getBytes(), ReadBack.bytes(dir.resolve("shard"), "variants/a/trace.csv", 10, "x"));
        ReadBack.Refused e = assertThrows(ReadBack.Refused.class,
                () -> ReadBack.bytes(dir.resolve("shard"), "variants/a/trace.csv", 9, "compete writes there"));
        assertEquals(f.resolve("trace.csv") + ": holds 10 bytes, more than the 9 bytes compete writes there; refused"
                + " unread (edited, or not written by alliancesim)", e.getMessage());
        assertThrows(NoSuchFileException.class, () -> ReadBack.bytes(dir.resolve("shard"), "variants/a/fit.csv", 9, ""));
    }

    /** A link at any component below the folder is refused, naming the link; the folder itself may be one. */
    @Test
    void neverReadsThroughALink() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "root:x:0:0");
        Path shard = Files.createDirectories(dir.resolve("shard/variants"));
        Files.createSymbolicLink(shard.resolve("a"), Files.createDirectories(dir.resolve("elsewhere")));
        Files.writeString(dir.resolve("elsewhere/trace.csv"), "x");
        ReadBack.Refused e = assertThrows(ReadBack.Refused.class,
                () -> ReadBack.bytes(dir.resolve("shard"), "variants/a/trace.csv", 100, ""));
        assertEquals(shard.resolve("a"), e.file());
        Files.delete(shard.resolve("a"));
        Files.createDirectories(shard.resolve("a"));
        Files.createSymbolicLink(shard.resolve("a/trace.csv"), secret);
        e = assertThrows(ReadBack.Refused.class, () -> ReadBack.bytes(dir.resolve("shard"), "variants/a/trace.csv", 100,
                ""));
        assertTrue(e.getMessage().endsWith("trace.csv: a symbolic link; a folder's files are read back only when they"
                + " are its own, never through a link"), e.getMessage());
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("named"), dir.resolve("elsewhere"));
        assertArrayEquals("x".getBytes(), ReadBack.bytes(linkedFolder, "trace.csv", 100, ""));
    }

    /** A file whose size says nothing (like one under /proc) is read only up to the bound. */
    @Test
    void aFileWithoutASizeIsReadOnlyUpToTheBound() throws Exception {
        Path proc = Path.of("/proc/self");
        if (Files.isRegularFile(proc.resolve("status")) && Files.size(proc.resolve("status")) == 0) {
            ReadBack.Refused e = assertThrows(ReadBack.Refused.class, () -> ReadBack.bytes(proc, "status", 16, "x"));
            assertTrue(e.getMessage().contains("holds more than the 16 bytes x"), e.getMessage());
        }
    }
}
