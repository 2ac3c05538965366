package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.alliancesim.model.Dynamics;
import org.alliancesim.model.ModelParameters;
import org.junit.jupiter.api.Test;

/**
 * The cached shape of a record reads what reflection reads: file names, positions, values, the canonical
 * constructor. Catches a name not converted to snake case, an index off by one, a value read from the wrong
 * accessor, and a shape built again per call.
 */
class RecordShapeTest {

    @Test
    void namesPositionsAndValuesAreThoseOfTheRecord() throws Exception {
        Dynamics.Attendance a = ModelParameters.defaults().dynamics().attendance();
        RecordShape shape = RecordShape.of(Dynamics.Attendance.class);
        assertEquals(Dynamics.Attendance.class.getRecordComponents().length, shape.size());
        assertEquals("intercept", shape.name(0));
        assertEquals("barrier_sd", shape.name(1));
        assertEquals(1, shape.indexOf("barrier_sd"));
        assertEquals(-1, shape.indexOf("barrierSd"));
        assertEquals(-1, shape.indexOf("no_such_field"));
        assertEquals(a.intercept(), shape.value(a, 0));
        assertEquals(a.barrierSd(), shape.value(a, shape.indexOf("barrier_sd")));
        Object[] args = new Object[shape.size()];
        for (int k = 0; k < args.length; k++) {
            args[k] = shape.value(a, k);
        }
        assertEquals(a, shape.canonical().newInstance(args));
    }

    @Test
    void oneShapePerClass() {
        assertSame(RecordShape.of(Scenario.class), RecordShape.of(Scenario.class));
    }

    @Test
    void aClassThatIsNotARecordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecordShape.of(String.class));
    }
}
