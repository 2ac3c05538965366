package org.alliancesim.model;

/**
 * The clinic's therapists with room for one more family, ordered by relative load: the therapist
 * a referred family is given is the one with the lowest {@code load / caseload} (as a double) among
 * those with capacity, ties going to the lowest therapist index. That is exactly the choice of a
 * scan over all therapists in index order keeping the first strictly lower load; this queue makes
 * it in O(1), and an update after a therapist's load changed in O(log n), instead of O(n) per
 * referral.
 *
 * <p>An indexed binary min-heap keyed (relative load, index). The owner must call
 * {@link #loadChanged(Therapist)} after every change of a therapist's {@link Therapist#load}.
 */
final class TherapistQueue {

    /** Heap of therapists with capacity; the root is the one to choose. */
    private final Therapist[] heap;
    /** By therapist index: position in {@link #heap}, or -1 when the therapist has no capacity. */
    private final int[] position;
    /** By therapist index: {@code (double) load / caseload} when last updated. */
    private final double[] relativeLoad;
    private int size;

    /**
     * @param therapists the clinic's therapists; therapist {@code j} at index {@code j} ({@code id == j})
     */
    TherapistQueue(Therapist[] therapists) {
        heap = new Therapist[therapists.length];
        position = new int[therapists.length];
        relativeLoad = new double[therapists.length];
        java.util.Arrays.fill(position, -1);
        for (int j = 0; j < therapists.length; j++) {
            if (therapists[j].id != j) {
                throw new IllegalArgumentException("therapist at index " + j + " has id " + therapists[j].id);
            }
            loadChanged(therapists[j]);
        }
    }

    /** The therapist with capacity and the lowest relative load (lowest index on ties), or null if all are full. */
    Therapist leastLoaded() {
        return size == 0 ? null : heap[0];
    }

    /** Re-sorts {@code th} after its load changed: enters, moves within, or leaves the queue. */
    void loadChanged(Therapist th) {
        int j = th.id;
        int at = position[j];
        if (!th.hasCapacity()) {
            if (at >= 0) {
                remove(at);
            }
            return;
        }
        relativeLoad[j] = (double) th.load / th.type.caseload();
        if (at < 0) {
            at = size++;
            heap[at] = th;
            position[j] = at;
        }
        if (!siftUp(at)) {
            siftDown(position[j]);
        }
    }

    private void remove(int at) {
        Therapist gone = heap[at];
        position[gone.id] = -1;
        size--;
        if (at == size) {
            heap[size] = null;
            return;
        }
        Therapist last = heap[size];
        heap[size] = null;
        heap[at] = last;
        position[last.id] = at;
        if (!siftUp(at)) {
            siftDown(at);
        }
    }

    /** Whether {@code a} comes before {@code b}: lower relative load, then lower index. */
    private boolean before(Therapist a, Therapist b) {
        double la = relativeLoad[a.id];
        double lb = relativeLoad[b.id];
        return la < lb || (la == lb && a.id < b.id);
    }

    /** Moves the entry at {@code at} towards the root; whether it moved. */
    private boolean siftUp(int at) {
        Therapist th = heap[at];
        int start = at;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            Therapist p = heap[parent];
            if (!before(th, p)) {
                break;
            }
            heap[at] = p;
            position[p.id] = at;
            at = parent;
        }
        heap[at] = th;
        position[th.id] = at;
        return at != start;
    }

    private void siftDown(int at) {
        Therapist th = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], th)) {
                break;
            }
            heap[at] = heap[child];
            position[heap[at].id] = at;
            at = child;
        }
        heap[at] = th;
        position[th.id] = at;
    }
}
