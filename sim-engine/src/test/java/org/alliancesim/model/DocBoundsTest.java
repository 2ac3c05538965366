package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounds in {@link Doc} (which the scenario schema publishes) agree with what the records'
 * constructors enforce: for every bounded number, the bound itself is accepted (unless exclusive)
 * and a value just beyond it is refused.
 */
class DocBoundsTest {

    @Test
    void everyParameterIsDocumentedAndItsBoundsAreEnforced() throws Exception {
        List<Object> records = new ArrayList<>();
        collect(ModelParameters.defaults(), records);
        int checked = 0;
        for (Object r : records) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Doc doc = c.getAnnotation(Doc.class);
                assertNotNull(doc, r.getClass().getSimpleName() + "." + c.getName() + " has no @Doc");
                Class<?> t = c.getType();
                if (t != double.class && t != int.class) {
                    continue;
                }
                if (Double.isFinite(doc.min())) {
                    checkBound(r, c, doc.min(), !doc.exclusiveMin(), -1);
                    checked++;
                }
                // The identified patient's index is bounded by the family's own size, not just by 5.
                boolean dependsOnOtherFields = c.getName().equals("identifiedPatient");
                if (Double.isFinite(doc.max()) && !dependsOnOtherFields) {
                    checkBound(r, c, doc.max(), !doc.exclusiveMax(), +1);
                    checked++;
                }
            }
        }
        System.out.println("bounds checked: " + checked);
        assertEquals(true, checked > 150, "bounds checked: " + checked);
    }

    private static void checkBound(Object r, RecordComponent c, double bound, boolean inclusive, int outward)
            throws Exception {
        String name = r.getClass().getSimpleName() + "." + c.getName();
        boolean isInt = c.getType() == int.class;
        double beyond = isInt ? bound + outward : bound + outward * Math.max(1e-6, Math.abs(bound) * 1e-6);
        assertEquals(inclusive, accepts(r, c, bound), name + " at its bound " + bound);
        assertEquals(false, accepts(r, c, beyond), name + " beyond its bound: " + beyond);
    }

    private static boolean accepts(Object r, RecordComponent target, double value) throws Exception {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = cs[i].getAccessor().invoke(r);
            if (cs[i].getName().equals(target.getName())) {
                args[i] = cs[i].getType() == int.class ? (Object) (int) value : (Object) value;
            }
        }
        Constructor<?> ctor = r.getClass().getDeclaredConstructor(types);
        try {
            ctor.newInstance(args);
            return true;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ParameterException p) {
                // The refusal must name the component it is about (errors as data, not as text).
                assertEquals(target.getName(), p.field(), r.getClass().getSimpleName() + " refused " + value);
                assertEquals(String.valueOf(target.getType() == int.class ? (Object) (int) value : (Object) value),
                        p.found());
                return false;
            }
            fail("unexpected " + e.getCause());
            return false;
        }
    }

    private static void collect(Object o, List<Object> out) throws Exception {
        if (o == null || !o.getClass().isRecord()) {
            return;
        }
        out.add(o);
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            Object v = c.getAccessor().invoke(o);
            if (v instanceof List<?> list) {
                for (Object e : list) {
                    collect(e, out);
                }
            } else {
                collect(v, out);
            }
        }
    }
}
