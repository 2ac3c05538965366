package org.alliancesim.engine;

import java.util.Arrays;

/**
 * The pending events of a simulation, ordered by time and, for equal times, by insertion order.
 *
 * <p>A 4-ary min-heap held in parallel primitive arrays: the heap arrays carry each entry's key
 * (time and insertion sequence number) next to its slot, so sifting reads contiguous memory and
 * never dereferences an object. Slots hold the event object and argument and are recycled through
 * a free list, so a steady-state simulation allocates nothing per event; the arrays grow by
 * doubling when needed.
 *
 * <p>An entry is named by a handle: the slot number in the low 32 bits and the slot's generation in
 * the high 32 bits. The generation changes whenever a slot is freed, so a handle to an event that
 * has already fired or been cancelled is recognised as stale instead of touching the slot's new
 * occupant.
 *
 * <p>Complexity: add, cancel and reschedule are O(log n); peek is O(1). Not thread-safe.
 */
final class EventCalendar {

    /** Heap arity: 4 children per node halves the depth of a binary heap and suits cache lines. */
    private static final int D = 4;

    // The heap, ordered by (time, seq); index 0 is the next event.
    private double[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;

    // Slots: what an entry is, and where it sits in the heap (-1 when free).
    private Event[] slotEvent;
    private int[] slotArg;
    private int[] slotPos;
    private int[] slotGen;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSeq;

    EventCalendar(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        heapTime = new double[capacity];
        heapSeq = new long[capacity];
        heapSlot = new int[capacity];
        slotEvent = new Event[capacity];
        slotArg = new int[capacity];
        slotPos = new int[capacity];
        slotGen = new int[capacity];
        freeSlots = new int[capacity];
        Arrays.fill(slotPos, -1);
        Arrays.fill(slotGen, 1);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the next event; only valid when not empty. */
    double peekTime() {
        return heapTime[0];
    }

    /** Slot of the next event; only valid when not empty. */
    int peekSlot() {
        return heapSlot[0];
    }

    Event event(int slot) {
        return slotEvent[slot];
    }

    int arg(int slot) {
        return slotArg[slot];
    }

    long add(double time, Event event, int arg) {
        if (size == heapTime.length) {
            grow();
        }
        int slot = allocateSlot();
        slotEvent[slot] = event;
        slotArg[slot] = arg;
        int pos = size++;
        siftUp(pos, time, nextSeq++, slot);
        return handle(slot);
    }

    /** Removes the next event from the calendar and frees its slot; read its event and arg first. */
    void removeFirst() {
        int slot = heapSlot[0];
        int last = --size;
        if (last > 0) {
            // Bottom-up deletion (Wegener 1993): walk the hole at the root down to a leaf along the
            // smallest children, without comparing against the entry being placed, then sift that
            // entry (the old last one, which belongs near the bottom) up from the hole. Fewer
            // comparisons than a plain sift-down, and most of them between siblings.
            int hole = 0;
            while (true) {
                int first = hole * D + 1;
                if (first >= last) {
                    break;
                }
                int end = Math.min(first + D, last);
                int best = first;
                double bt = heapTime[first];
                long bs = heapSeq[first];
                for (int c = first + 1; c < end; c++) {
                    double ct = heapTime[c];
                    if (ct < bt || (ct == bt && heapSeq[c] < bs)) {
                        best = c;
                        bt = ct;
                        bs = heapSeq[c];
                    }
                }
                place(hole, bt, bs, heapSlot[best]);
                hole = best;
            }
            siftUp(hole, heapTime[last], heapSeq[last], heapSlot[last]);
        }
        freeSlot(slot);
        slotEvent[slot] = null;
    }

    boolean cancel(long handle) {
        int slot = liveSlot(handle);
        if (slot < 0) {
            return false;
        }
        removeAt(slotPos[slot]);
        freeSlot(slot);
        slotEvent[slot] = null;
        return true;
    }

    boolean reschedule(long handle, double time) {
        int slot = liveSlot(handle);
        if (slot < 0) {
            return false;
        }
        int pos = slotPos[slot];
        long seq = nextSeq++;
        // The new key is (time, fresh seq): compare with the parent to choose the direction.
        if (pos > 0 && less(time, seq, heapTime[(pos - 1) / D], heapSeq[(pos - 1) / D])) {
            siftUp(pos, time, seq, slot);
        } else {
            siftDown(pos, time, seq, slot);
        }
        return true;
    }

    boolean isPending(long handle) {
        return liveSlot(handle) >= 0;
    }

    /** Time of a pending event, or NaN when the handle is stale. */
    double timeOf(long handle) {
        int slot = liveSlot(handle);
        return slot < 0 ? Double.NaN : heapTime[slotPos[slot]];
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            int slot = heapSlot[i];
            freeSlot(slot);
            slotEvent[slot] = null;
        }
        size = 0;
    }

    private long handle(int slot) {
        return ((long) slotGen[slot] << 32) | (slot & 0xffffffffL);
    }

    private int liveSlot(long handle) {
        int slot = (int) handle;
        int gen = (int) (handle >>> 32);
        if (slot < 0 || slot >= slotsUsed || slotPos[slot] < 0 || slotGen[slot] != gen) {
            return -1;
        }
        return slot;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        return slotsUsed++;
    }

    private void freeSlot(int slot) {
        slotPos[slot] = -1;
        slotGen[slot]++;
        freeSlots[freeCount++] = slot;
    }

    /** Removes the heap entry at {@code pos}, filling the hole with the last entry. */
    private void removeAt(int pos) {
        int last = --size;
        if (pos == last) {
            return;
        }
        double t = heapTime[last];
        long s = heapSeq[last];
        int slot = heapSlot[last];
        if (pos > 0 && less(t, s, heapTime[(pos - 1) / D], heapSeq[(pos - 1) / D])) {
            siftUp(pos, t, s, slot);
        } else {
            siftDown(pos, t, s, slot);
        }
    }

    private static boolean less(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int pos, double t, long s, int slot) {
        while (pos > 0) {
            int parent = (pos - 1) / D;
            double pt = heapTime[parent];
            long ps = heapSeq[parent];
            if (!less(t, s, pt, ps)) {
                break;
            }
            place(pos, pt, ps, heapSlot[parent]);
            pos = parent;
        }
        place(pos, t, s, slot);
    }

    private void siftDown(int pos, double t, long s, int slot) {
        while (true) {
            int first = pos * D + 1;
            if (first >= size) {
                break;
            }
            int end = Math.min(first + D, size);
            int best = first;
            double bt = heapTime[first];
            long bs = heapSeq[first];
            for (int c = first + 1; c < end; c++) {
                double ct = heapTime[c];
                long cs = heapSeq[c];
                if (less(ct, cs, bt, bs)) {
                    best = c;
                    bt = ct;
                    bs = cs;
                }
            }
            if (!less(bt, bs, t, s)) {
                break;
            }
            place(pos, bt, bs, heapSlot[best]);
            pos = best;
        }
        place(pos, t, s, slot);
    }

    private void place(int pos, double t, long s, int slot) {
        heapTime[pos] = t;
        heapSeq[pos] = s;
        heapSlot[pos] = slot;
        slotPos[slot] = pos;
    }

    private void grow() {
        int old = heapTime.length;
        int capacity = old * 2;
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapSeq = Arrays.copyOf(heapSeq, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
        slotEvent = Arrays.copyOf(slotEvent, capacity);
        slotArg = Arrays.copyOf(slotArg, capacity);
        slotPos = Arrays.copyOf(slotPos, capacity);
        slotGen = Arrays.copyOf(slotGen, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
        Arrays.fill(slotPos, old, capacity, -1);
        Arrays.fill(slotGen, old, capacity, 1);
    }
}
