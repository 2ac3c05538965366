package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;
import org.junit.jupiter.api.Test;

class SweepRowsTest {

    /**
     * Parameter values are written as the scenario gets them (10 significant digits, whole numbers
     * for whole-number fields), in plain notation: small values are not rounded to 0 (as with 6
     * decimals), and values that printed correctly before print the same (0.1 + 0.2 is 0.3).
     */
    @Test
    void parameterValuesKeepTheirPrecision() throws Exception {
        SweepSpec s = SweepTest.spec("parameters:\n"
                + "  - {path: therapists.1.repair_skill, values: [1e-7, 4.5e-7, 0.30000000000000004, 0.123456789012, 2]}\n"
                + "  - {path: run.session_limit, values: [12.4]}\n");
        SweepRows rows = new SweepRows(s, Designs.points(s), ScenarioLoader.toTree(ScenarioLoader.load("default")));
        assertEquals(",0.0000001,12", rows.parameterColumns(0));
        assertEquals(",0.00000045,12", rows.parameterColumns(1));
        assertEquals(",0.3,12", rows.parameterColumns(2));
        assertEquals(",0.123456789,12", rows.parameterColumns(3));
        assertEquals(",2,12", rows.parameterColumns(4));
        assertEquals("1.000000000e-07", rows.setting(0, 0));
        assertEquals("12", rows.setting(0, 1));
    }
}
