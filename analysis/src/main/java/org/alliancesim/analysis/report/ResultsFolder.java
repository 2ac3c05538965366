package org.alliancesim.analysis.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.analysis.io.FolderLock;

/**
 * The one way a command claims its output folder ({@code --out}) and writes into it; every writer
 * of results (run, compare, story, study, calibrate, validate, compete, sweep, merge, slurm) goes
 * through it.
 *
 * <p>{@link #claim} (and {@link #open}, which adds the emptiness rule) does, before anything runs:
 * checks that the folder can take results (not empty text, not a file, not inside a file); creates
 * it and any missing parents; takes the folder's {@link FolderLock}, so a second process on the
 * same folder is refused at once; and refuses a symbolic link at any path component below the
 * folder on the way to a file the command writes (an existing {@code charts/} or
 * {@code variants/NAME/} that is a link), so nothing is ever written outside it. {@code --out}
 * itself may be a link: that is the user's choice of place. Every problem is an
 * {@link IllegalArgumentException} whose message names the path and the problem (bad input).
 *
 * <p>Whole files appear only when complete: each is written to a temporary file beside it
 * ({@link AtomicFile}: a random name, created exclusively, never through a symbolic link) and
 * renamed into place when {@link #commit()} is called; if the run fails, the temporary files are
 * removed on {@link #close()} and no result file is left half-written. Subfolders are created one
 * component at a time without following links. {@link #close()} also releases the lock and removes
 * the folders this run created that are left empty.
 */
public final class ResultsFolder implements AutoCloseable {

    /** The temporary files {@link AtomicFile} makes: {@code .NAME.16-HEX-DIGITS.partial}. */
    private static final Pattern PARTIAL = Pattern.compile("\\..+\\.[0-9a-f]{16}\\.partial");

    private final Path dir;
    private final List<AtomicFile> pending = new ArrayList<>();
    /** Folders this run created, innermost last: removed again, if still empty, when it fails. */
    private final List<Path> created = new ArrayList<>();
    private final List<String> stale;
    private final FolderLock lock;
    private boolean committed;

    private ResultsFolder(Path dir, List<String> stale, FolderLock lock, List<Path> created) {
        this.dir = dir;
        this.stale = stale;
        this.lock = lock;
        this.created.addAll(created);
    }

    /**
     * Checks that {@code dir} can take the results, without claiming it: it is not empty text,
     * not a file, not inside a file, empty unless {@code force}, and the folder (with any missing
     * parents) and a file in it can be created there; what the check creates it removes again.
     *
     * @throws IllegalArgumentException (a bad-input message naming {@code dir} and the problem)
     *     otherwise
     */
    public static void check(Path dir, boolean force) {
        checkPlace(dir);
        if (Files.isDirectory(dir) && !force && !isEmpty(dir)) {
            throw notEmpty(dir);
        }
        tryWriting(dir, firstExisting(dir));
    }

    private static void checkPlace(Path dir) {
        if (dir.toString().isEmpty()) {
            throw new IllegalArgumentException("--out is empty; give a folder");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file; give a folder");
        }
        Path existing = firstExisting(dir);
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException("--out " + dir + ": " + existing + " is a file, not a folder");
        }
    }

    private static Path firstExisting(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    private static IllegalArgumentException notEmpty(Path dir) {
        return new IllegalArgumentException("--out " + dir + " exists and is not empty; choose another folder or"
                + " add --force to replace the results in it");
    }

    /** Creates the missing folders down to {@code dir} and a file in it, then removes them again. */
    private static void tryWriting(Path dir, Path existing) {
        Deque<Path> created = new ArrayDeque<>();
        try {
            createMissing(existing, dir.toAbsolutePath()).forEach(created::push);
            AtomicFile.create(dir.toAbsolutePath().resolve("probe")).close();
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        } finally {
            removeEmpty(created);
        }
    }

    private static IllegalArgumentException cannotWrite(Path dir, IOException e) {
        return new IllegalArgumentException("--out " + dir + ": cannot write results there (" + AtomicFile.reason(e)
                + ")");
    }

    /**
     * Claims {@code dir} for this process: checks the place, creates the folder, takes its lock,
     * and refuses a symbolic link below it on the way to any of {@code resultFiles} (paths relative
     * to the folder, such as {@code charts/x.png}; a name ending in {@code /} is a folder). The
     * folder may hold anything (see {@link #open} for the emptiness rule).
     *
     * @throws IllegalArgumentException (bad input, naming the path) when the folder cannot be
     *     claimed; then nothing is left behind
     */
    public static ResultsFolder claim(Path dir, List<String> resultFiles) {
        checkPlace(dir);
        List<Path> created;
        try {
            created = createMissing(firstExisting(dir), dir.toAbsolutePath());
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        }
        FolderLock lock;
        try {
            lock = FolderLock.acquire(dir);
        } catch (FolderLock.BusyException e) {
            removeEmpty(reversed(created));
            throw new IllegalArgumentException("--out " + dir + " is in use by another alliancesim process (it holds "
                    + dir.resolve(FolderLock.NAME) + "); wait for it to finish, or choose another folder");
        } catch (IOException e) {
            removeEmpty(reversed(created));
            throw cannotWrite(dir, e);
        }
        ResultsFolder f = new ResultsFolder(dir, resultFiles, lock, created);
        try {
            f.refuseLinks(resultFiles);
        } catch (RuntimeException e) {
            f.release();
            throw e;
        }
        return f;
    }

    /**
     * Claims the folder ({@link #claim}); without {@code force} it must hold nothing; with it, the
     * temporary files an interrupted run left ({@code .NAME.RANDOM.partial}) are removed, and
     * {@link #commit()} removes earlier result files this run did not write.
     *
     * @throws IllegalArgumentException (bad input, naming the path) when the folder cannot take
     *     the results; nothing is left behind
     */
    public static ResultsFolder open(Path dir, boolean force, List<String> resultFiles) {
        ResultsFolder f = claim(dir, resultFiles);
        try {
            if (!force && !f.isEmpty()) {
                throw notEmpty(dir);
            }
            if (force) {
                f.removeLeftovers();
            }
        } catch (RuntimeException e) {
            f.release();
            throw e;
        }
        return f;
    }

    /** The folder, as given. */
    public Path dir() {
        return dir;
    }

    /** Whether the folder holds nothing but its lock. */
    public boolean isEmpty() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(FolderLock.NAME));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes the temporary files ({@code .NAME.RANDOM.partial}, regular files only) an interrupted
     * run of the program left in the folder and in the subfolders it writes into; a link or folder
     * of such a name is left alone.
     *
     * @throws IllegalArgumentException naming the file when one cannot be removed
     */
    public void removeLeftovers() {
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(dir);
        subfolders(stale).forEach(s -> folders.add(dir.resolve(s)));
        for (Path folder : folders) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> leftovers;
            try (Stream<Path> s = Files.list(folder)) {
                leftovers = s.filter(p -> PARTIAL.matcher(p.getFileName().toString()).matches()
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
            } catch (IOException e) {
                throw cannotWrite(dir, e);
            }
            for (Path p : leftovers) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new IllegalArgumentException("--out " + dir + ": cannot remove the temporary file " + p
                            + " an interrupted run left (" + AtomicFile.reason(e) + ")");
                }
            }
        }
    }

    /** The folders below the results folder that {@code files} lie in, outermost first. */
    private static Set<String> subfolders(List<String> files) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : files) {
            for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
                out.add(f.substring(0, i));
            }
        }
        return out;
    }

    /** Refuses a symbolic link standing at a folder the files go into. */
    private void refuseLinks(List<String> files) {
        for (String s : subfolders(files)) {
            Path p = dir.resolve(s);
            if (Files.isSymbolicLink(p)) {
                throw new IllegalArgumentException("--out " + dir + ": " + p + " is a symbolic link; results are"
                        + " written only into real folders below --out (remove the link, or choose another folder)");
            }
        }
    }

    /**
     * Creates {@code name} (a folder path relative to the results folder) one component at a time,
     * never through a link, and returns it.
     *
     * @throws FileSystemException naming the component that is a link or a file
     */
    public Path folder(String name) throws IOException {
        Path target = dir.resolve(name);
        created.addAll(createBelow(dir, target));
        return target;
    }

    /**
     * Creates the folders from {@code base} down to {@code target}, one at a time, none through a
     * link: each component below {@code base} that exists must be a real folder.
     *
     * @return the folders created, outermost first
     * @throws FileSystemException naming a component that is a link or not a folder
     */
    public static List<Path> createBelow(Path base, Path target) throws IOException {
        List<Path> made = new ArrayList<>();
        Path p = base;
        for (Path part : base.relativize(target)) {
            if (part.toString().isEmpty()) {
                continue;
            }
            p = p.resolve(part);
            try {
                Files.createDirectory(p);
                made.add(p);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileSystemException(p.toString(), null, Files.isSymbolicLink(p)
                            ? "a symbolic link; results are written only into real folders" : "File exists");
                }
            }
        }
        return made;
    }

    /** The missing folders from {@code existing} down to {@code abs}, created (none through a link). */
    private static List<Path> createMissing(Path existing, Path abs) throws IOException {
        return existing.equals(abs) ? List.of() : createBelow(existing, abs);
    }

    private static Deque<Path> reversed(List<Path> outermostFirst) {
        Deque<Path> d = new ArrayDeque<>();
        outermostFirst.forEach(d::push);
        return d;
    }

    /** Removes each folder in order if it is empty (best effort). */
    private static void removeEmpty(Iterable<Path> innermostFirst) {
        for (Path p : innermostFirst) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Holds something this run did not write, or cannot be removed: keep it.
            }
        }
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
            created.addAll(createBelow(dir, parent));
        }
        AtomicFile f = AtomicFile.create(target);
        pending.add(f);
        return f;
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
     * run created that are left empty; releases the folder's lock.
     */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                for (AtomicFile f : pending) {
                    f.close();
                }
            }
        } finally {
            release();
        }
    }

    /** Releases the lock, then (unless committed) removes the folders this run created that are empty. */
    private void release() {
        try {
            lock.close();
        } catch (IOException e) {
            // The lock ends with the process anyway; a lock file left behind is ignored by the next run.
        }
        if (!committed) {
            removeEmpty(reversed(created));
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
