package org.alliancesim.analysis.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.model.EndReason;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.SessionRecord;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class StoryTest {

    /**
     * Under Model 2 a dropout has no direct cause: the hazard reads the decision-weighted alliance,
     * shared purpose, split, practical barriers and waiting. The narration of every dropout among
     * the first 120 families of the default scenario (seed 20261125) names the decision-weighted
     * alliance, never an unrepaired rupture as the reason itself, and tells a rupture in the last
     * session as the trust it cost.
     */
    @Test
    void aDropoutIsToldThroughTheFamilysStateNotAsCausedByARupture() throws Exception {
        Scenario s = ScenarioLoader.load("default").with("run.families", 120);
        int dropouts = 0;
        int afterRupture = 0;
        for (int k = 0; k < 120; k++) {
            Story story = Story.of(s.name(), s.model(), s.seed(), k);
            if (story.course().endReason() != EndReason.DROPOUT || story.sessions().isEmpty()) {
                continue;
            }
            dropouts++;
            String text = story.text();
            assertTrue(text.contains("the alliance of those who decide whether the family comes"
                    + " (each weighted by their say in it) ended at "), text);
            assertFalse(text.contains("the last session had an unrepaired rupture"), text);
            assertFalse(text.contains("the first sessions are when such families leave"), text);
            SessionRecord last = story.sessions().get(story.sessions().size() - 1);
            if (last.members().stream().anyMatch(m -> m.rupture() && !m.repaired())) {
                afterRupture++;
                assertTrue(text.contains("trust had fallen after an unrepaired rupture in the last session"), text);
            }
        }
        assertTrue(dropouts >= 10, "dropouts after a first session: " + dropouts);
        assertTrue(afterRupture >= 1, "dropouts right after an unrepaired rupture: " + afterRupture);
    }

    /** The alliance the ending names is the one the hazard reads: weighted by each member's say. */
    @Test
    void theDecidingAllianceWeighsEachMemberBySay() throws Exception {
        Scenario s = ScenarioLoader.load("default").with("run.families", 120)
                .with("dynamics.start.decision_weight.adolescent", 0.0)
                .with("dynamics.start.decision_weight.child", 0.0);
        for (int k = 0; k < 120; k++) {
            Story story = Story.of(s.name(), s.model(), s.seed(), k);
            if (story.course().endReason() != EndReason.DROPOUT || story.sessions().isEmpty()
                    || story.course().familyType().equals("couple")) {
                continue;
            }
            SessionRecord last = story.sessions().get(story.sessions().size() - 1);
            double adults = last.members().stream().filter(m -> m.role().isAdult())
                    .mapToDouble(MemberSession::alliance).average().orElseThrow();
            double all = last.members().stream().mapToDouble(MemberSession::alliance).average().orElseThrow();
            if (String.format(java.util.Locale.ROOT, "%.2f", adults)
                    .equals(String.format(java.util.Locale.ROOT, "%.2f", all))) {
                continue;
            }
            assertTrue(story.text().contains(String.format(java.util.Locale.ROOT,
                    "(each weighted by their say in it) ended at %.2f", adults)), story.text());
            return;
        }
        assertEquals("a dropout whose adults' and members' alliance differ", "none found");
    }

    /**
     * The story's structure holds each session and each member's events as the records say, and
     * the text is its rendering: a blank line before each session and before the ending. Catches a
     * structure that drops or reorders a session, gives a rupture to the wrong member or misses a
     * repair, or a text that says something the structure does not hold.
     */
    @Test
    void theStructureHoldsEachSessionAndMemberAndTheTextIsItsRendering() throws Exception {
        Scenario s = ScenarioLoader.load("rupture-repair-resistance-as-information").with("run.families", 40);
        int ruptures = 0;
        for (int k = 0; k < 40; k++) {
            Story story = Story.of(s.name(), s.model(), s.seed(), k);
            Story.Telling t = story.telling();
            assertEquals(story.sessions().size(), t.sessions().size());
            StringBuilder text = new StringBuilder(t.header().text());
            for (int i = 0; i < t.sessions().size(); i++) {
                SessionRecord r = story.sessions().get(i);
                Story.Session told = t.sessions().get(i);
                assertEquals(r.session(), told.session());
                assertEquals(r.challenge(), told.challenge(), 0.0);
                assertEquals(r.members().size(), told.members().size());
                for (int j = 0; j < r.members().size(); j++) {
                    MemberSession m = r.members().get(j);
                    Story.Member e = told.members().get(j);
                    assertEquals(t.members().get(m.memberId()), e.name());
                    assertEquals(m.rupture(), e.rupture());
                    assertEquals(m.repaired(), e.repaired());
                    assertEquals(m.alliance(), e.alliance(), 0.0);
                    ruptures += m.rupture() ? 1 : 0;
                }
                text.append('\n').append(told.text());
            }
            assertEquals(story.course().endReason(), t.ending().reason());
            assertEquals(text.append('\n').append(t.ending().text()).append('\n').toString(), story.text());
            assertEquals(t.text(), story.text());
        }
        assertTrue(ruptures >= 5, "ruptures told: " + ruptures);
    }
}
