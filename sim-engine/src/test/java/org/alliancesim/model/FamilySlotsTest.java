package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Values by family number: kept past the first capacity, forgotten when taken, absent as null. Catches a
 * growth that loses earlier values or stops short of the family asked for, a take that keeps the value,
 * and a read beyond the array that throws instead of answering null.
 */
class FamilySlotsTest {

    @Test
    void valuesAreKeptPastTheFirstCapacityAndForgottenWhenTaken() {
        FamilySlots<String> slots = new FamilySlots<>(2);
        slots.put(0, "a");
        slots.put(1, "b");
        slots.put(7, "h"); // beyond twice the capacity
        slots.put(2, "c");
        assertEquals("a", slots.get(0));
        assertEquals("b", slots.get(1));
        assertEquals("c", slots.get(2));
        assertEquals("h", slots.take(7));
        assertNull(slots.get(7));
        assertNull(slots.take(7));
        assertNull(slots.get(5));
        assertNull(slots.get(1000));
        assertNull(slots.take(1000));
    }

    @Test
    void aSizeOfZeroStillTakesFamilies() {
        FamilySlots<Integer> slots = new FamilySlots<>(0);
        slots.put(0, 10);
        slots.put(1, 11);
        assertEquals(10, slots.get(0));
        assertEquals(11, slots.take(1));
    }
}
