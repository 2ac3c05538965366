package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancesim.scenario.SweepSpec;
import org.junit.jupiter.api.Test;

class SweepRowsTest {

    /**
     * Parameter values are given to the scenario exactly (whole numbers for whole-number fields) and
     * written as the shortest decimal that reads back to them, in plain notation: small values are
     * not rounded to 0 (as with 6 decimals) nor to 10 significant digits, and never shown as 1.0E-7.
     */
    @Test
    void parameterValuesAreExactAndInPlainNotation() throws Exception {
        SweepSpec s = SweepTest.spec("parameters:\n"
                + "  - {path: therapists.1.repair_skill, values: [1e-7, 4.5e-7, 0.30000000000000004, 0.123456789012, 2,"
                + " 1e10]}\n"
                + "  - {path: run.session_limit, values: [12]}\n"); // a fraction here is refused (SweepSpecs)
        SweepRows rows = new SweepRows(s, Designs.points(s), Sweep.paths(s));
        assertEquals(",0.0000001,12", rows.parameterColumns(0));
        assertEquals(",0.00000045,12", rows.parameterColumns(1));
        assertEquals(",0.30000000000000004,12", rows.parameterColumns(2));
        assertEquals(",0.123456789012,12", rows.parameterColumns(3));
        assertEquals(",2,12", rows.parameterColumns(4));
        assertEquals(",10000000000,12", rows.parameterColumns(5));
        assertEquals(1e-7, rows.value(0, 0));
        assertEquals(0.123456789012, rows.value(3, 0));
        assertEquals(12L, rows.value(0, 1), "a whole-number field gets a whole number");
    }
}
