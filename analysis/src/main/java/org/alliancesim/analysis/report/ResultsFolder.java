package org.alliancesim.analysis.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.alliancesim.analysis.io.AtomicFile;

/**
 * A results folder whose files appear only when complete: each file is written to a temporary
 * file beside it ({@link AtomicFile}: a random name, created exclusively, never through a symbolic
 * link) and renamed into place when {@link #commit()} is called; if the run fails, the temporary
 * files are removed on {@link #close()} and no result file is left half-written.
 */
public final class ResultsFolder implements AutoCloseable {

    private final Path dir;
    private final List<AtomicFile> pending = new ArrayList<>();
    /** Folders this run created, innermost last: removed again, if still empty, when it fails. */
    private final List<Path> created = new ArrayList<>();
    private final List<String> stale;
    private boolean committed;

    private ResultsFolder(Path dir, List<String> stale) {
        this.dir = dir;
        this.stale = stale;
    }

    /**
     * Checks that {@code dir} can take the results, before anything runs: it is not empty text,
     * not a file, not inside a file, empty unless {@code force}, and the folder (with any missing
     * parents) and a file in it can be created there; what the check creates it removes again.
     *
     * @throws IllegalArgumentException (a bad-input message naming {@code dir} and the problem)
     *     otherwise
     */
    public static void check(Path dir, boolean force) {
        if (dir.toString().isEmpty()) {
            throw new IllegalArgumentException("--out is empty; give a folder");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file; give a folder");
        }
        if (Files.isDirectory(dir) && !force && !isEmpty(dir)) {
            throw new IllegalArgumentException("--out " + dir + " exists and is not empty; choose another folder or"
                    + " add --force to replace the results in it");
        }
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException("--out " + dir + ": " + existing + " is a file, not a folder");
        }
        tryWriting(dir, existing);
    }

    /** Creates the missing folders down to {@code dir} and a file in it, then removes them again. */
    private static void tryWriting(Path dir, Path existing) {
        Deque<Path> created = new ArrayDeque<>();
        try {
            Path abs = dir.toAbsolutePath();
            Path p = existing;
            for (Path part : existing.equals(abs) ? List.<Path>of() : existing.relativize(abs)) {
                p = p.resolve(part);
                if (!Files.isDirectory(p)) {
                    Files.createDirectory(p);
                    created.push(p);
                }
            }
            AtomicFile.create(abs.resolve("probe")).close();
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + dir + ": cannot write results there ("
                    + AtomicFile.reason(e) + ")");
        } finally {
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: an empty folder is left behind.
                }
            }
        }
    }

    /** Opens (creating) the folder; with {@code force}, earlier result files it holds are replaced. */
    public static ResultsFolder open(Path dir, boolean force, List<String> resultFiles) throws IOException {
        check(dir, force);
        ResultsFolder f = new ResultsFolder(dir, resultFiles);
        f.createFolders(dir);
        return f;
    }

    /** A writer for {@code name} (a path relative to the folder), renamed into place on commit. */
    public Writer writer(String name) throws IOException {
        return start(name).writer();
    }

    /**
     * A writer for {@code name}, or, when {@code gzip}, for {@code name.gz} with the text
     * gzip-compressed as it is written; either appears only on {@link #commit()}, complete.
     */
    public Writer writer(String name, boolean gzip) throws IOException {
        if (!gzip) {
            return writer(name);
        }
        OutputStream zipped = new GZIPOutputStream(start(name + ".gz").stream(), 1 << 16);
        return new BufferedWriter(new OutputStreamWriter(zipped, StandardCharsets.UTF_8), 1 << 16);
    }

    public void write(String name, String text) throws IOException {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String name, byte[] bytes) throws IOException {
        try (OutputStream out = start(name).stream()) {
            out.write(bytes);
        }
    }

    private AtomicFile start(String name) throws IOException {
        Path target = dir.resolve(name);
        Path parent = target.getParent();
        if (!parent.equals(dir)) {
            createFolders(parent);
            if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(parent.toString(), null,
                        "a symbolic link; results are written only into real folders");
            }
        }
        AtomicFile f = AtomicFile.create(target);
        pending.add(f);
        return f;
    }

    /** Creates {@code folder} and its missing parents, remembering which it created. */
    private void createFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(folder);
        created.addAll(missing);
    }

    /** Renames every file into place and removes earlier result files this run did not write. */
    public void commit() throws IOException {
        for (AtomicFile f : pending) {
            f.commit();
        }
        List<Path> written = pending.stream().map(AtomicFile::target).toList();
        for (String s : stale) {
            Path old = dir.resolve(s);
            if (!written.contains(old)) {
                Files.deleteIfExists(old);
            }
        }
        committed = true;
    }

    /**
     * Removes the temporary files of a folder not (or not fully) committed, and the folders this
     * run created that are left empty.
     */
    @Override
    public void close() throws IOException {
        if (!committed) {
            for (AtomicFile f : pending) {
                f.close();
            }
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (DirectoryNotEmptyException e) {
                    // Holds something this run did not write (or a committed file): keep it.
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
