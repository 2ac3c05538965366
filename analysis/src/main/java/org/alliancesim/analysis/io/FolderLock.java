package org.alliancesim.analysis.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * One process at a time in an output folder: an exclusive lock ({@link FileChannel#tryLock()}, an
 * operating-system lock that ends with the process, even on {@code kill -9}) on the file
 * {@value #NAME} inside the folder. A second process (or a second use case in this one) asking for
 * the same folder is refused at once, never made to wait.
 *
 * <p>The lock file is removed when the lock is released, so a finished folder holds only results.
 * Because a file can be removed while another process has it open, a lock counts only when the
 * locked file is still the one at {@value #NAME}: the file's identity (device and inode, read
 * without opening it) must be the same just before it is opened and just after it is locked; a
 * process that locked a file its holder had just removed sees another identity, lets go and tries
 * again. (Defeating that would take two whole runs to finish, and the file system to reuse the
 * inode number, between two consecutive system calls.)
 *
 * <p>On a file system that has no locks (an NFS mount with {@code nolock}: {@code tryLock} fails with
 * an I/O error) the folder is used unlocked, as before there was a lock, rather than refused.
 *
 * <p>POSIX locks belong to the process, and closing <em>any</em> descriptor of the file drops them,
 * so the file is never opened a second time while held: within this process, held folders are
 * remembered and a second claim is refused without opening the file. Release once.
 */
public final class FolderLock implements AutoCloseable {

    /** The lock file's name inside the folder. */
    public static final String NAME = ".alliancesim.lock";

    private static final int ATTEMPTS = 8;
    /** The identities of the lock files this process holds. */
    private static final Set<Object> HELD = new HashSet<>();

    private final Path file;
    private final Object key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private FolderLock(Path file, Object key, FileChannel channel, FileLock lock) {
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process (or use case) holds the folder. */
    public static final class BusyException extends Exception {
        private static final long serialVersionUID = 1L;

        BusyException(Path file) {
            super(file.toString());
        }
    }

    /**
     * Locks {@code folder}, which must exist.
     *
     * @throws BusyException if another process or use case holds it
     * @throws IOException if the lock file cannot be created (a read-only folder, say), or is not
     *     a regular file (a link planted there is not followed)
     */
    public static FolderLock acquire(Path folder) throws BusyException, IOException {
        Path file = folder.resolve(NAME);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Object before = identity(file);
            if (before == null) {
                try {
                    Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS).close();
                } catch (FileAlreadyExistsException e) {
                    // Another process made it first: lock that one.
                }
                continue;
            }
            synchronized (HELD) {
                if (HELD.contains(before)) {
                    throw new BusyException(file);
                }
                FileChannel ch;
                try {
                    ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    ch.close();
                    throw new BusyException(file);
                } catch (IOException e) {
                    // A file system without locks (an NFS mount with nolock): the folder is used unlocked.
                    HELD.add(before);
                    return new FolderLock(file, before, ch, null);
                }
                if (lock == null) {
                    ch.close();
                    throw new BusyException(file);
                }
                if (before.equals(identity(file))) {
                    HELD.add(before);
                    return new FolderLock(file, before, ch, lock);
                }
                // The file we locked was removed by its holder just before: the name is another's now.
                lock.release();
                ch.close();
            }
        }
        throw new BusyException(file);
    }

    /** The identity (device and inode) of the regular file at {@code file}, or null when there is none. */
    private static Object identity(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!a.isRegularFile() || a.fileKey() == null) {
            throw new FileSystemException(file.toString(), null, "not a regular file (a link or folder is not"
                    + " followed or replaced)");
        }
        return a.fileKey();
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Removes the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            try {
                Files.deleteIfExists(file);
            } finally {
                try {
                    if (lock != null) {
                        lock.release();
                    }
                } finally {
                    channel.close();
                    HELD.remove(key);
                }
            }
        }
    }
}
