package org.alliancesim.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {

    @TempDir
    Path dir;

    /** Holds the lock of the folder args[0] until its standard input closes (the other process of the test). */
    @SuppressWarnings("try") // the lock is held by the try, not used in it
    public static void main(String[] args) throws Exception {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }

    /** A lock held by another process refuses at once, and is free again when that process lets go. */
    @Test
    void anotherProcessHoldingTheFolderIsRefusedAtOnce() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                FolderLockTest.class.getName(), dir.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            long t0 = System.nanoTime();
            assertThrows(FolderLock.BusyException.class, () -> FolderLock.acquire(dir));
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "refused, not made to wait");
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertFalse(Files.exists(dir.resolve(FolderLock.NAME)), "the holder removed its lock file");
        try (FolderLock mine = FolderLock.acquire(dir)) {
            assertTrue(Files.exists(mine.file()));
        }
    }

    /**
     * A file the holder removed is not a lock: the token written into the locked file must read
     * back through the name. Here the lock file is replaced while held; a second acquire locks the
     * new file (the name), so the old holder's lock no longer guards the folder.
     */
    @Test
    void aLockCountsOnlyWhileItsFileIsTheOneAtTheName() throws Exception {
        try (FolderLock first = FolderLock.acquire(dir)) {
            assertThrows(FolderLock.BusyException.class, () -> FolderLock.acquire(dir));
            Files.delete(first.file());
            try (FolderLock second = FolderLock.acquire(dir)) {
                assertTrue(Files.exists(second.file()));
            }
        }
    }

    @Test
    void aLinkAtTheLockFileIsNotFollowed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path folder = Files.createDirectories(dir.resolve("f"));
        Files.createSymbolicLink(folder.resolve(FolderLock.NAME), victim);
        assertThrows(java.io.IOException.class, () -> FolderLock.acquire(folder));
        assertEquals("precious", Files.readString(victim));
    }
}
