package org.alliancesim.model;

import java.util.Arrays;

/**
 * One value per family of a replication, indexed by family number (a replication numbers its families
 * 0, 1, 2, ... in {@link CourseRecord#familyId()} and {@link SessionRecord#familyId()}), grown as
 * needed: what a listener keeps for a family until its course ends. An array rather than a map of boxed
 * numbers, whose lines stood out in JFR profiles of ABC-SMC's virtual studies (docs/performance.md).
 * Not thread-safe: one per replication's listener.
 *
 * @param <T> the value kept per family
 */
public final class FamilySlots<T> {

    private Object[] slots;

    /** Room for {@code families} families before growing (at least 1). */
    public FamilySlots(int families) {
        slots = new Object[Math.max(1, families)];
    }

    /** Family {@code family}'s value, or null. */
    @SuppressWarnings("unchecked")
    public T get(int family) {
        return family < slots.length ? (T) slots[family] : null;
    }

    /** Sets family {@code family}'s value. */
    public void put(int family, T value) {
        if (family >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(2 * slots.length, family + 1));
        }
        slots[family] = value;
    }

    /** Family {@code family}'s value, or null, forgotten here. */
    public T take(int family) {
        T value = get(family);
        if (value != null) {
            slots[family] = null;
        }
        return value;
    }
}
