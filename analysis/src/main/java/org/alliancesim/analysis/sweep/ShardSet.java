package org.alliancesim.analysis.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shard folders given to a merge ({@code merge} of a sweep, {@code compete --merge}), checked as
 * they are read, in the order given: every shard of the same run as the first, of the same split, not
 * unfinished, each once; and, at the end, none missing. The one statement of those rules and of their
 * messages for every kind of shard; what makes two shards "the same run" is the caller's to say.
 * Not thread-safe (one merge reads its shards in order).
 *
 * @param <S> what a shard's record says (a sweep manifest, a compete shard record)
 * @param <E> the exception a refusal is (each merge has its own kind of bad input)
 */
public final class ShardSet<S, E extends Exception> {

    /** How a merge refuses: the folder at fault and what is wrong with it. */
    @FunctionalInterface
    public interface Refusal<E extends Exception> {
        /** The exception that says {@code message} of {@code folder}. */
        E at(Path folder, String message);
    }

    private final Refusal<E> refuse;
    private final Map<Integer, Path> folders = new TreeMap<>();
    private final Map<Integer, S> shards = new TreeMap<>();
    private Path first;
    private S head;
    private int n;

    /** @param refuse makes the exception of each refusal */
    public ShardSet(Refusal<E> refuse) {
        this.refuse = refuse;
    }

    /** The first shard added, against which the others are compared; null before any. */
    public S head() {
        return head;
    }

    /** The folder of the first shard added; null before any. */
    public Path first() {
        return first;
    }

    /**
     * Adds the shard {@code k}/{@code n} read from {@code folder}, after checking, in this order, that
     * it is of the first shard's run ({@code otherRun}), of its split, finished ({@code unfinished})
     * and not given before.
     *
     * @param otherRun why the shard is not of the first shard's run (ignored for the first), or null
     * @param unfinished why the shard cannot be merged yet, or null
     * @throws E naming {@code folder} and what is wrong
     */
    public void add(Path folder, S shard, int k, int n, String otherRun, String unfinished) throws E {
        if (head == null) {
            head = shard;
            first = folder;
            this.n = n;
        } else {
            if (otherRun != null) {
                throw refuse.at(folder, otherRun);
            }
            if (n != this.n) {
                throw refuse.at(folder, "shard " + k + "/" + n + " of a split into " + n + " parts, but " + first
                        + " is of a split into " + this.n);
            }
        }
        if (unfinished != null) {
            throw refuse.at(folder, unfinished);
        }
        Path twice = folders.put(k, folder);
        if (twice != null) {
            throw refuse.at(folder, "shard " + k + "/" + n + " given twice (also " + twice + ")");
        }
        shards.put(k, shard);
    }

    /**
     * Refuses a set with a shard missing, naming the first folder; else returns every shard by its
     * number, 1 to n.
     */
    public Map<Integer, S> complete() throws E {
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!folders.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw refuse.at(first, "incomplete: shards " + missing + " of " + n + " are missing");
        }
        return Collections.unmodifiableMap(shards);
    }

    /** The folder shard {@code k} was read from. */
    public Path folder(int k) {
        return folders.get(k);
    }
}
