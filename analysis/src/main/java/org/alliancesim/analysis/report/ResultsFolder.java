package org.alliancesim.analysis.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A results folder whose files appear only when complete: each file is written under a temporary
 * name ({@code .name.partial}) and renamed when {@link #commit()} is called; if the run fails, the
 * temporary files are removed on {@link #close()} and no result file is left half-written.
 */
public final class ResultsFolder implements AutoCloseable {

    private final Path dir;
    private final List<Path[]> pending = new ArrayList<>();
    private final List<String> stale;
    private boolean committed;

    private ResultsFolder(Path dir, List<String> stale) {
        this.dir = dir;
        this.stale = stale;
    }

    /**
     * Checks that {@code dir} can take the results, before anything runs.
     *
     * @throws IllegalArgumentException (a bad-input message) if {@code dir} is a file, or a
     *     non-empty folder and {@code force} is false
     */
    public static void check(Path dir, boolean force) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file; give a folder");
        }
        if (Files.isDirectory(dir) && !force && !isEmpty(dir)) {
            throw new IllegalArgumentException("--out " + dir + " exists and is not empty; choose another folder or"
                    + " add --force to replace the results in it");
        }
    }

    /** Opens (creating) the folder; with {@code force}, earlier result files it holds are replaced. */
    public static ResultsFolder open(Path dir, boolean force, List<String> resultFiles) throws IOException {
        check(dir, force);
        Files.createDirectories(dir);
        return new ResultsFolder(dir, resultFiles);
    }

    /** A writer for {@code name} (a path relative to the folder), renamed into place on commit. */
    public Writer writer(String name) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        pending.add(new Path[] {tmp, target});
        return new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
    }

    public void write(String name, String text) throws IOException {
        try (Writer w = writer(name)) {
            w.write(text);
        }
    }

    public void write(String name, byte[] bytes) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        pending.add(new Path[] {tmp, target});
        Files.write(tmp, bytes);
    }

    /** Renames every file into place and removes earlier result files this run did not write. */
    public void commit() throws IOException {
        for (Path[] p : pending) {
            try {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<Path> written = pending.stream().map(p -> p[1]).toList();
        for (String s : stale) {
            Path old = dir.resolve(s);
            if (!written.contains(old)) {
                Files.deleteIfExists(old);
            }
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            for (Path[] p : pending) {
                Files.deleteIfExists(p[0]);
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
