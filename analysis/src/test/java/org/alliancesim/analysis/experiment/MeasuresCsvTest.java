package org.alliancesim.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancesim.measurement.Instrument;
import org.alliancesim.measurement.Measure;
import org.alliancesim.model.Role;
import org.junit.jupiter.api.Test;

class MeasuresCsvTest {

    @Test
    void fieldsThatDoNotApplyAndMissingScoresAreEmpty() {
        StringBuilder sb = new StringBuilder();
        MeasuresCsv.append(sb, new Measure(2, 17, 4, 1, Role.OTHER_ADULT, 3, Instrument.SOFTA_O, "safety", 2, -1));
        MeasuresCsv.append(sb, new Measure(2, 17, 4, Measure.NONE, null, 3, Instrument.SOFTA_O, "shared_purpose",
                Measure.NONE, 0));
        MeasuresCsv.append(sb, new Measure(2, 17, 4, Measure.NONE, null, Measure.NONE, Instrument.OUTCOME, "follow_up",
                Measure.NONE, Double.NaN));
        MeasuresCsv.append(sb, new Measure(2, 17, 4, Measure.NONE, null, 0, Instrument.OUTCOME, "baseline",
                Measure.NONE, 2.5732994));
        assertEquals("2,17,4,1,other_adult,3,softa_o,safety,2,-1\n"
                + "2,17,4,,,3,softa_o,shared_purpose,,0\n"
                + "2,17,4,,,,outcome,follow_up,,\n"
                + "2,17,4,,,0,outcome,baseline,,2.573299\n", sb.toString());
        assertEquals(10, MeasuresCsv.HEADER.split(",").length);
    }
}
