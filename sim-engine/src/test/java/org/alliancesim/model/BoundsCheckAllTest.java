package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Bounds#checkAll}, the one call a record's compact constructor makes: it refuses the first
 * bounded component out of its {@link Doc} bounds, in declaration order, with exactly the refusal the
 * single-component form gives (texts written out here), skips what states no bound, and treats values
 * that do not match the components as a programming error. Fails if the call checks a component
 * against another's bounds, reports a later component first, or accepts a miscounted call.
 */
class BoundsCheckAllTest {

    /** A record as the model writes them: one call with every component. */
    record Sample(
            @Doc("a name") String name,
            @Doc(value = "a share", min = 0, max = 1) double share,
            @Doc("free") double free,
            @Doc(value = "a count", min = 1, max = 5) int count,
            List<String> tags,
            @Doc(value = "a rate", min = 0, exclusiveMin = true, max = 2) double rate) {
        Sample {
            Bounds.checkAll(Sample.class, name, share, free, count, tags, rate);
        }
    }

    private static ParameterException refused(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(ParameterException.class, e);
    }

    @Test
    void theFirstComponentOutOfItsBoundsIsRefusedAsTheSingleFormRefusesIt() {
        new Sample("a", 0, Double.NaN, 1, null, 2);
        ParameterException share = refused(() -> new Sample("a", 1.5, 0, 9, List.of(), 0));
        assertEquals("share must be in [0.0, 1.0], was 1.5", share.getMessage());
        ParameterException count = refused(() -> new Sample("a", 1, 0, 9, List.of(), 0));
        assertEquals("count must be in [1, 5], was 9", count.getMessage());
        ParameterException rate = refused(() -> new Sample("a", 1, 0, 5, List.of(), 0));
        assertEquals("rate must be in (0.0, 2.0], was 0.0", rate.getMessage());
        ParameterException nan = refused(() -> new Sample("a", Double.NaN, 0, 5, List.of(), 1));
        assertEquals("share must be in [0.0, 1.0], was NaN", nan.getMessage());
        ParameterException single = refused(() -> Bounds.check(Sample.class, "share", 1.5));
        assertEquals(single.getMessage(), share.getMessage());
    }

    @Test
    void valuesThatDoNotMatchTheComponentsAreAProgrammingError() {
        IllegalStateException count = assertThrows(IllegalStateException.class,
                () -> Bounds.checkAll(Sample.class, "a", 0.5, 0.0, 1, List.of()));
        assertEquals("Sample has 6 components, 5 values were given", count.getMessage());
        IllegalStateException kind = assertThrows(IllegalStateException.class,
                () -> Bounds.checkAll(Sample.class, "a", 0.5, 0.0, 1.0, List.of(), 1.0));
        assertEquals("Sample.count is a int, the value given in its place is Double", kind.getMessage());
    }

    /** A record with a bounded {@code long}, a kind no model record has yet. */
    record Counter(@Doc(value = "a seed-like count", min = 1, max = 1_000_000_000_000L) long count) {
        Counter {
            Bounds.checkAll(Counter.class, count);
        }
    }

    /**
     * A bounded {@code long} is checked as a whole number, bounds and message alike (worked out here:
     * 1e12 is allowed, 1e12 + 1 and 0 are not); a null or a value of another kind in its place is a
     * programming error naming what was given. Fails if the long branch is skipped or forced to the
     * error, or if the message says anything but "null" for a null.
     */
    @Test
    void aBoundedLongIsCheckedAndANullInAComponentsPlaceIsNamed() {
        assertEquals(1_000_000_000_000L, new Counter(1_000_000_000_000L).count());
        ParameterException over = refused(() -> new Counter(1_000_000_000_001L));
        assertEquals("count must be in [1, 1000000000000], was 1000000000001", over.getMessage());
        ParameterException zero = refused(() -> new Counter(0));
        assertEquals("count must be in [1, 1000000000000], was 0", zero.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> Bounds.checkAll(Counter.class, (Object) null));
        assertEquals("Counter.count is a long, the value given in its place is null", none.getMessage());
        IllegalStateException kind = assertThrows(IllegalStateException.class,
                () -> Bounds.checkAll(Counter.class, 5));
        assertEquals("Counter.count is a long, the value given in its place is Integer", kind.getMessage());
    }
}
