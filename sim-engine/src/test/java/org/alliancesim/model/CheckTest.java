package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The argument checks ({@link Check}) and the bounds read from {@link Doc} ({@link Bounds}) on their own, each at
 * its edges, with the exact text a refusal carries (written out here, not built with the code under test).
 * DocBoundsTest checks the model's records against their docs; this checks the checks, including the bound shapes
 * (one-sided, unbounded, 64-bit) the model's records do not all use.
 */
class CheckTest {

    /** Records with every shape of bound, so each branch of {@link Bounds#allowed} has a case. */
    record Shapes(
            @Doc(value = "closed", min = 0, max = 1) double closed,
            @Doc(value = "open", min = 0, max = 1, exclusiveMin = true, exclusiveMax = true) double open,
            @Doc(value = "from below", min = 2) double below,
            @Doc(value = "from below, open", min = 2, exclusiveMin = true) double belowOpen,
            @Doc(value = "from above", max = 3) double above,
            @Doc(value = "from above, open", max = 3, exclusiveMax = true) double aboveOpen,
            @Doc("free") double free,
            @Doc(value = "count", min = 1, max = 5) int count,
            @Doc(value = "seed", min = 0, max = 10) long seed,
            double undocumented) {}

    private static ParameterException refused(Executable e) {
        return assertThrows(ParameterException.class, e);
    }

    private static void refusedWith(String field, String found, String allowed, Executable e) {
        ParameterException p = refused(e);
        assertEquals(field, p.field());
        assertEquals(found, p.found());
        assertEquals(allowed, p.allowed());
        assertEquals(field + " must be " + allowed + ", was " + found, p.getMessage());
    }

    @Test
    void aClosedRangeTakesBothEndsAndRefusesJustBeyond() {
        assertEquals(0.0, Bounds.check(Shapes.class, "closed", 0.0));
        assertEquals(1.0, Bounds.check(Shapes.class, "closed", 1.0));
        assertEquals(0.25, Bounds.check(Shapes.class, "closed", 0.25));
        refusedWith("closed", "-1.0E-9", "in [0.0, 1.0]", () -> Bounds.check(Shapes.class, "closed", -1e-9));
        refusedWith("closed", "1.000000001", "in [0.0, 1.0]", () -> Bounds.check(Shapes.class, "closed", 1.000000001));
        refusedWith("closed", "NaN", "in [0.0, 1.0]", () -> Bounds.check(Shapes.class, "closed", Double.NaN));
    }

    @Test
    void anOpenRangeRefusesBothEnds() {
        assertEquals(0.5, Bounds.check(Shapes.class, "open", 0.5));
        assertEquals(1e-12, Bounds.check(Shapes.class, "open", 1e-12));
        refusedWith("open", "0.0", "in (0.0, 1.0)", () -> Bounds.check(Shapes.class, "open", 0.0));
        refusedWith("open", "1.0", "in (0.0, 1.0)", () -> Bounds.check(Shapes.class, "open", 1.0));
    }

    @Test
    void oneSidedBoundsAreStatedAsFiniteAndTheInfinitiesAreRefused() {
        assertEquals(2.0, Bounds.check(Shapes.class, "below", 2.0));
        assertEquals(1e300, Bounds.check(Shapes.class, "below", 1e300));
        refusedWith("below", "1.9", "finite and >= 2.0", () -> Bounds.check(Shapes.class, "below", 1.9));
        refusedWith("below", "Infinity", "finite and >= 2.0",
                () -> Bounds.check(Shapes.class, "below", Double.POSITIVE_INFINITY));
        refusedWith("belowOpen", "2.0", "finite and > 2.0", () -> Bounds.check(Shapes.class, "belowOpen", 2.0));
        assertEquals(2.5, Bounds.check(Shapes.class, "belowOpen", 2.5));

        assertEquals(3.0, Bounds.check(Shapes.class, "above", 3.0));
        assertEquals(-1e300, Bounds.check(Shapes.class, "above", -1e300));
        refusedWith("above", "3.1", "finite and <= 3.0", () -> Bounds.check(Shapes.class, "above", 3.1));
        refusedWith("above", "-Infinity", "finite and <= 3.0",
                () -> Bounds.check(Shapes.class, "above", Double.NEGATIVE_INFINITY));
        refusedWith("aboveOpen", "3.0", "finite and < 3.0", () -> Bounds.check(Shapes.class, "aboveOpen", 3.0));
        assertEquals(2.5, Bounds.check(Shapes.class, "aboveOpen", 2.5));

        assertEquals(-7.0, Bounds.check(Shapes.class, "free", -7.0));
        refusedWith("free", "NaN", "a finite number", () -> Bounds.check(Shapes.class, "free", Double.NaN));
    }

    @Test
    void wholeNumbersAreStatedWithoutADecimalPoint() {
        assertEquals(1, Bounds.check(Shapes.class, "count", 1));
        assertEquals(5, Bounds.check(Shapes.class, "count", 5));
        refusedWith("count", "0", "in [1, 5]", () -> Bounds.check(Shapes.class, "count", 0));
        refusedWith("count", "6", "in [1, 5]", () -> Bounds.check(Shapes.class, "count", 6));
        assertEquals(0L, Bounds.check(Shapes.class, "seed", 0L));
        assertEquals(10L, Bounds.check(Shapes.class, "seed", 10L));
        refusedWith("seed", "-1", "in [0, 10]", () -> Bounds.check(Shapes.class, "seed", -1L));
        refusedWith("seed", "11", "in [0, 10]", () -> Bounds.check(Shapes.class, "seed", 11L));
    }

    @Test
    void aComponentWithoutItsDocIsAProgrammingError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Bounds.check(Shapes.class, "undocumented", 0.0));
        assertEquals("Shapes.undocumented has no @Doc with its bounds", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Bounds.check(Shapes.class, "nosuch", 0));
    }

    @Test
    void checkBoundedReadsTheSameDocs() {
        assertEquals(0.75, Check.bounded(Shapes.class, "closed", 0.75));
        assertEquals(3, Check.bounded(Shapes.class, "count", 3));
        refusedWith("count", "9", "in [1, 5]", () -> Check.bounded(Shapes.class, "count", 9));
        refusedWith("closed", "2.0", "in [0.0, 1.0]", () -> Check.bounded(Shapes.class, "closed", 2.0));
    }

    @Test
    void finiteRefusesNaNAndTheInfinitiesOnly() {
        assertEquals(-3.5, Check.finite("x", -3.5));
        assertEquals(Double.MAX_VALUE, Check.finite("x", Double.MAX_VALUE));
        refusedWith("x", "NaN", "a finite number", () -> Check.finite("x", Double.NaN));
        refusedWith("x", "Infinity", "a finite number", () -> Check.finite("x", Double.POSITIVE_INFINITY));
        refusedWith("x", "-Infinity", "a finite number", () -> Check.finite("x", Double.NEGATIVE_INFINITY));
    }

    @Test
    void rangeTakesItsEndsAndRefusesNaN() {
        assertEquals(-1.0, Check.range("w", -1.0, -1.0, 2.0));
        assertEquals(2.0, Check.range("w", 2.0, -1.0, 2.0));
        refusedWith("w", "2.5", "in [-1.0, 2.0]", () -> Check.range("w", 2.5, -1.0, 2.0));
        refusedWith("w", "-1.5", "in [-1.0, 2.0]", () -> Check.range("w", -1.5, -1.0, 2.0));
        refusedWith("w", "NaN", "in [-1.0, 2.0]", () -> Check.range("w", Double.NaN, -1.0, 2.0));

        assertEquals(-1, Check.range("i", -1, -1, 3));
        assertEquals(3, Check.range("i", 3, -1, 3));
        refusedWith("i", "-2", "in [-1, 3]", () -> Check.range("i", -2, -1, 3));
        refusedWith("i", "4", "in [-1, 3]", () -> Check.range("i", 4, -1, 3));
    }

    @Test
    void atLeastAndPositiveAreFiniteAndKeepTheirBoundary() {
        assertEquals(0.5, Check.atLeast("a", 0.5, 0.5));
        refusedWith("a", "0.49", "finite and >= 0.5", () -> Check.atLeast("a", 0.49, 0.5));
        refusedWith("a", "NaN", "finite and >= 0.5", () -> Check.atLeast("a", Double.NaN, 0.5));
        refusedWith("a", "Infinity", "finite and >= 0.5", () -> Check.atLeast("a", Double.POSITIVE_INFINITY, 0.5));

        assertEquals(1e-300, Check.positive("p", 1e-300));
        refusedWith("p", "0.0", "finite and > 0", () -> Check.positive("p", 0.0));
        refusedWith("p", "-2.0", "finite and > 0", () -> Check.positive("p", -2.0));
        refusedWith("p", "NaN", "finite and > 0", () -> Check.positive("p", Double.NaN));
        refusedWith("p", "Infinity", "finite and > 0", () -> Check.positive("p", Double.POSITIVE_INFINITY));
    }

    @Test
    void presentPassesTheValueThroughAndNamesTheMissingField() {
        Object o = new Object();
        assertSame(o, Check.present("thing", o));
        ParameterException p = refused(() -> Check.present("thing", null));
        assertEquals("thing", p.field());
        assertNull(p.found());
        assertEquals("given", p.allowed());
        assertEquals("thing must be given", p.getMessage());
    }
}
