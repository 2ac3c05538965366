package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Bounded components of each number type, and three that state no bound. Top-level (not nested), so that
 * a copy defined by another class loader needs no enclosing class from that loader.
 */
record FreshSample(
        @Doc(value = "a share", min = 0, max = 1) double share,
        @Doc(value = "a count", min = 1) int count,
        @Doc(value = "a size", max = 10) long size,
        @Doc("free") double free,
        @Doc(value = "a label", min = 0, max = 1) String label,
        double plain) {}

/** Not a record (top-level, as {@link FreshSample}). */
final class FreshPlain {}

/**
 * The tables {@link Bounds} builds once per record type (a {@code ClassValue} each: the bounded
 * components for {@link Bounds#checkAll}, the documented ones for {@link Bounds#check}) built afresh by
 * every test here: each test loads its record (or plain class) through a class loader of its own, so the
 * JVM sees a new {@code Class} whose tables no earlier test has built. Without that, a JVM that has
 * already built a record's table (every record of the model is built in the first few tests) never runs
 * the table's construction again, and nothing can tell a wrong construction from a right one there
 * (mutation testing keeps one JVM across many mutants).
 *
 * <p>Fails if the construction drops a component of any number type (double, int, long), drops the
 * documented bounds or the documentation, stops one component early or reads one too far, returns no
 * table, or lets a class that is not a record through without the error that names it.
 */
class BoundsFreshClassTest {

    /** {@code type} defined again by a class loader of its own (everything else from the test's loader). */
    @SuppressWarnings("unchecked")
    static <T> Class<T> fresh(Class<T> type) throws IOException, ClassNotFoundException {
        byte[] bytes;
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        }
        ClassLoader loader = new ClassLoader(type.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(type.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, bytes, 0, bytes.length);
                }
            }
        };
        Class<T> c = (Class<T>) loader.loadClass(type.getName());
        assertEquals(false, c == type, "a new Class, not the test's own");
        return c;
    }

    @Test
    void checkAllOnAFreshRecordChecksEachBoundedNumberAndSkipsTheRest() throws Exception {
        Class<FreshSample> c = fresh(FreshSample.class);
        Bounds.checkAll(c, 0.5, 1, 10L, Double.NaN, "anything", Double.NaN);
        assertEquals("share must be in [0.0, 1.0], was 1.5",
                assertThrows(ParameterException.class, () -> Bounds.checkAll(c, 1.5, 1, 10L, 0.0, "", 0.0))
                        .getMessage());
        assertEquals("count must be finite and >= 1, was 0",
                assertThrows(ParameterException.class, () -> Bounds.checkAll(c, 0.5, 0, 10L, 0.0, "", 0.0))
                        .getMessage());
        assertEquals("size must be finite and <= 10, was 11",
                assertThrows(ParameterException.class, () -> Bounds.checkAll(c, 0.5, 1, 11L, 0.0, "", 0.0))
                        .getMessage());
        assertEquals("FreshSample has 6 components, 5 values were given",
                assertThrows(IllegalStateException.class, () -> Bounds.checkAll(c, 0.5, 1, 10L, 0.0, ""))
                        .getMessage());
    }

    @Test
    void checkOnAFreshRecordReadsItsDocumentedComponents() throws Exception {
        Class<FreshSample> c = fresh(FreshSample.class);
        assertEquals(0.25, Bounds.check(c, "share", 0.25));
        assertEquals(3, Bounds.check(c, "count", 3));
        assertEquals(7L, Bounds.check(c, "size", 7L));
        assertEquals("share must be in [0.0, 1.0], was -0.1",
                assertThrows(ParameterException.class, () -> Bounds.check(c, "share", -0.1)).getMessage());
        assertEquals("FreshSample.plain has no @Doc with its bounds",
                assertThrows(IllegalStateException.class, () -> Bounds.check(c, "plain", 1.0)).getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aFreshClassThatIsNotARecordIsNamed() throws Exception {
        Class plain = fresh(FreshPlain.class);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bounds.checkAll(plain));
        assertEquals(FreshPlain.class.getName() + " is not a record", e.getMessage());
        // The single-component form: a class without components documents nothing.
        Class plain2 = fresh(FreshPlain.class);
        assertEquals("FreshPlain.x has no @Doc with its bounds",
                assertThrows(IllegalStateException.class, () -> Bounds.check(plain2, "x", 1.0)).getMessage());
    }
}
