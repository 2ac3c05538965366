package org.alliancesim.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.model.ParameterException;
import org.junit.jupiter.api.Test;

/** The measurement records refuse what the issue names as bad input, with field, found and allowed. */
class ScheduleTest {

    @Test
    void sessionsAreSortedAndAtLeastOne() {
        assertEquals(List.of(1, 3, 8), new Schedule(List.of(8, 3, 1, 3), List.of(), 0).softaOSessions());
        ParameterException e = assertThrows(ParameterException.class, () -> new Schedule(List.of(1), List.of(2, 0), 4));
        assertEquals("softaSSessions", e.field());
        assertEquals("entry 1 = 0", e.found());
        assertThrows(ParameterException.class, () -> new Schedule(List.of(201), List.of(), 4));
        assertThrows(ParameterException.class, () -> new Schedule(List.of(1), List.of(), -1));
        Schedule s = new Schedule(List.of(), List.of(), 4);
        assertTrue(s.outcomeAfter(8));
        assertFalse(s.outcomeAfter(6));
        assertFalse(new Schedule(List.of(), List.of(), 0).outcomeAfter(4), "0: baseline and end only");
    }

    @Test
    void reliabilitiesLieInZeroToOneAndRatersInOneToThree() {
        ObserverRatings d = ObserverRatings.defaults();
        ParameterException zero = assertThrows(ParameterException.class, () -> new ObserverRatings(2, 0, 0.9, 0.9, 0.9, 0));
        assertEquals("engagement", zero.field());
        assertEquals("in (0.0, 1.0]", zero.allowed());
        assertThrows(ParameterException.class, () -> new ObserverRatings(2, 0.9, 1.01, 0.9, 0.9, 0));
        assertEquals(1.0, new ObserverRatings(1, 1, 1, 1, 1, 0).engagement());
        assertEquals("raters", assertThrows(ParameterException.class,
                () -> new ObserverRatings(0, 0.9, 0.9, 0.9, 0.9, d.leniencySd())).field());
        assertThrows(ParameterException.class, () -> new ObserverRatings(4, 0.9, 0.9, 0.9, 0.9, 0));
        assertThrows(ParameterException.class, () -> new SelfReport(0.8, 0, 0.8, 0.8));
        assertThrows(ParameterException.class, () -> new OutcomeMeasure(1.2, 3, 0.7, 0.75));
        assertThrows(ParameterException.class, () -> new FollowUp(4, 1.0));
        MeasurementSpec m = MeasurementSpec.defaults();
        assertEquals("schedule", assertThrows(ParameterException.class, () -> new MeasurementSpec(true, m.softaO(),
                m.softaS(), m.outcome(), null, 0, m.followUp())).field());
    }

    /** Spearman-Brown for one item: four parallel items of reliability .5 have alpha .8. */
    @Test
    void itemReliabilityFromAlpha() {
        assertEquals(0.5, SelfReport.itemReliability(0.8, 4), 1e-12);
        double rho = SelfReport.itemReliability(0.7, 4);
        assertEquals(0.7, 4 * rho / (1 + 3 * rho), 1e-12);
    }
}
