package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancesim.model.FamilyType;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Referral;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The classroom's controls are the same typed edits as {@code --set}. */
class ClassroomSettingsTest {

    private static ClassroomSettings settings(Map<String, String> params) {
        return ClassroomSettings.parse(params::get, "");
    }

    @Test
    void theControlsAreTheEditsSetMakes() throws Exception {
        ClassroomSettings s = settings(Map.of("preset", "novice-vs-noisy-family", "warmth", "0.3", "challenge", "1.5",
                "policy", "fixed", "experience", "novice", "conflict", "0.8", "observed", "true", "prepared", "true",
                "families", "120"));
        ModelParameters base = ScenarioLoader.load("novice-vs-noisy-family").model();
        Map<ParameterPath, Object> edits = s.edits(base);
        List<String> sets = new ArrayList<>();
        // Double.toString reads back as the same double, so the text carries exactly the edit's value.
        edits.forEach((path, value) -> sets.add(path + "=" + (value instanceof Enum<?> e ? e.name().toLowerCase(
                java.util.Locale.ROOT) : value)));
        assertEquals(ScenarioLoader.load("novice-vs-noisy-family", sets).model(), s.apply(base));
        assertTrue(sets.contains("therapists[1].genuineness=0.3"), sets.toString());
        assertTrue(sets.contains("families[0].conflict=0.8"), sets.toString());
        assertTrue(sets.contains("setting.one_way_mirror=true"), sets.toString());
        assertEquals(120, s.apply(base).run().families());
    }

    @Test
    void involuntarySplitsEachFamilyTypeInThatProportion() throws Exception {
        ModelParameters base = ScenarioLoader.load("default").model();
        ModelParameters m = settings(Map.of("involuntary", "0.25", "conflict", "0.4")).apply(base);
        assertEquals(2 * base.families().size(), m.families().size());
        for (int i = 0; i < base.families().size(); i++) {
            FamilyType vol = m.families().get(2 * i);
            FamilyType inv = m.families().get(2 * i + 1);
            assertEquals(Referral.VOLUNTARY, vol.referral());
            assertEquals(Referral.INVOLUNTARY, inv.referral());
            assertEquals(base.families().get(i).name() + "-involuntary", inv.name());
            assertEquals(3 * inv.share(), vol.share(), 1e-12);
            assertEquals(0.4, inv.conflict());
        }
        assertEquals(1.0, m.families().stream().mapToDouble(FamilyType::share).sum(), 1e-12);
        assertEquals(base.families().size(), settings(Map.of("involuntary", "1")).apply(base).families().size(),
                "no empty voluntary parts");
    }

    @Test
    void withNoControlsSetOnlyTheSizeOfTheRunChanges() throws Exception {
        ModelParameters base = ScenarioLoader.load("clinic-waitlist").model();
        ModelParameters m = settings(Map.of()).apply(base);
        assertEquals(base.withRun(m.run()), m);
        assertEquals(400, m.run().families());
    }
}
