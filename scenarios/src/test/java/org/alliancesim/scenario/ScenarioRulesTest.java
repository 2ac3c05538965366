package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.model.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code rules:} section of scenario files: rules chosen in a file, by {@code --set} or by a
 * typed edit reach the model; a file without it keeps the calibrated rules; an unknown rule or a
 * rule's parameter out of range is a located problem (file:line:column) naming what is allowed.
 */
class ScenarioRulesTest {

    @TempDir
    Path dir;

    private static final String FILE = """
            run: {families: 150}
            rules:
              trust_update: {rule: bayesian, prior_strength: 4}
              attendance: {rule: level_and_trend, trend_sessions: 4}
              repair: {rule: member_state, connection_weight: 2}
              contagion: {rule: decision_weight}
            """;

    private Scenario load(String text, List<String> sets) throws ScenarioException {
        return ScenarioLoader.loadText("rules.yaml", text, dir, sets);
    }

    private static List<CourseRecord> run(ModelParameters p) {
        List<CourseRecord> out = new ArrayList<>();
        Replication.run(p, RandomStreams.of(99), 0, new CourseListener() {
            @Override
            public void courseEnded(CourseRecord course) {
                out.add(course);
            }
        }, false);
        return out;
    }

    @Test
    void rulesWrittenInAFileReachTheModelAndChangeItsResults() throws ScenarioException {
        Scenario s = load(FILE, List.of());
        Rules d = Rules.defaults();
        Rules expected = new Rules(
                new Rules.TrustUpdate(Rules.TrustUpdate.Rule.BAYESIAN, d.trustUpdate().gainUp(),
                        d.trustUpdate().gainDown(), d.trustUpdate().gain(), 4.0,
                        d.trustUpdate().forgetting(), d.trustUpdate().limit(), d.trustUpdate().collapse()),
                new Rules.Attendance(Rules.Attendance.Rule.LEVEL_AND_TREND, d.attendance().alliance(), 4,
                        d.attendance().trendWeight()),
                new Rules.Repair(Rules.Repair.Rule.MEMBER_STATE, d.repair().repairOvershoot(), 2.0, d.repair().resilienceGain(),
                        d.repair().workShare(), d.repair().selectionWeight()),
                new Rules.Contagion(Rules.Contagion.Rule.DECISION_WEIGHT, d.contagion().weightExponent()));
        assertEquals(expected, s.model().rules());
        // Everything else is the default: the rules alone change the courses of the same families.
        ModelParameters defaults = s.model().withRules(Rules.defaults());
        assertEquals(ModelParameters.defaults().withRun(s.model().run()), defaults);
        assertNotEquals(run(defaults), run(s.model()));
    }

    @Test
    void aFileWithoutRulesKeepsTheCalibratedRules() throws ScenarioException {
        assertEquals(Rules.defaults(), load("run: {families: 150}\n", List.of()).model().rules());
        assertEquals(Rules.defaults(), ScenarioLoader.load("default").model().rules());
        assertEquals(Rules.Attendance.Rule.LEVEL, Rules.defaults().attendance().rule());
    }

    @Test
    void rulesAreOrdinaryFieldsForPathsEditsAndOverrides() throws ScenarioException {
        ParameterPath rule = ParameterPath.parse("rules.trust_update.rule");
        assertEquals(Rules.TrustUpdate.Rule.class, rule.type());
        assertEquals(double.class, ParameterPath.parse("rules.trust_update.prior_strength").type());
        assertEquals(int.class, ParameterPath.parse("rules.attendance.trend_sessions").type());
        Scenario base = load("run: {families: 150}\n", List.of());
        Scenario edited = base.with(rule, "betrayal_threshold").with("rules.trust_update.limit", 1.5);
        assertEquals(Rules.TrustUpdate.Rule.BETRAYAL_THRESHOLD, edited.model().rules().trustUpdate().rule());
        assertEquals(1.5, edited.valueAt(ParameterPath.parse("rules.trust_update.limit")));
        Scenario set = load("run: {families: 150}\n", List.of("rules.attendance.rule=trend",
                "rules.contagion.rule=decision_weight", "rules.contagion.weight_exponent=2"));
        assertEquals(Rules.Attendance.Rule.TREND, set.model().rules().attendance().rule());
        assertEquals(2.0, set.model().rules().contagion().weightExponent());
    }

    /**
     * A coefficient the chosen rule does not read is refused wherever it is set (file, --set, typed
     * edit), naming the rules that read it, and the level weight is honoured under the rules that
     * read it. Fails if any route lets an unread value through (silently ignored) or refuses one that
     * is read.
     */
    @Test
    void aCoefficientTheChosenRuleDoesNotReadIsRefusedEverywhere() throws ScenarioException {
        String why = "the trend rule (rules.attendance.rule) does not read this coefficient, so its value would be"
                + " ignored; level, level_and_trend read it: choose one of those rules or leave it out";
        ScenarioException file = assertThrows(ScenarioException.class,
                () -> load("rules:\n  attendance: {rule: trend, alliance: 0.9}\n", List.of()));
        assertEquals(List.of("rules.yaml:2:29: rules.attendance.alliance: " + why),
                file.problems().stream().map(Problem::toString).toList());
        ScenarioException set = assertThrows(ScenarioException.class, () -> load("run: {families: 150}\n",
                List.of("rules.attendance.rule=trend", "rules.attendance.alliance=0.9")));
        assertEquals("--set rules.attendance.alliance=0.9: rules.attendance.alliance: " + why, set.problems().get(0).toString());
        Scenario trend = load("rules:\n  attendance: {rule: trend, trend_weight: 3}\n", List.of());
        ScenarioException edit = assertThrows(ScenarioException.class,
                () -> trend.with("rules.attendance.alliance", 0.9));
        assertEquals("edit rules.attendance.alliance: rules.attendance.alliance: " + why,
                edit.problems().get(0).toString());
        assertEquals(why, ParameterPath.parse("rules.attendance.alliance").unreadIn(trend));
        // Read: honoured under level and level_and_trend, and the trend rule's own coefficient under trend.
        Scenario both = load("rules:\n  attendance: {rule: level_and_trend, alliance: 0.9}\n", List.of());
        assertEquals(0.9, both.model().rules().attendance().alliance());
        assertEquals(0.7, trend.with("rules.attendance.trend_weight", 0.7).model().rules().attendance().trendWeight());
        assertEquals(null, ParameterPath.parse("rules.attendance.alliance").unreadIn(both));
        // The same for a trust rule's gains.
        ScenarioException gains = assertThrows(ScenarioException.class, () -> load(
                "rules:\n  trust_update: {rule: bayesian, gain_down: 0.5}\n", List.of()));
        assertTrue(gains.problems().get(0).toString().startsWith("rules.yaml:2:34: rules.trust_update.gain_down: the"
                + " bayesian rule (rules.trust_update.rule) does not read this coefficient"), gains.getMessage());
    }

    /** A coefficient's old place in dynamics is refused with its new one, in a file and in a path. */
    @Test
    void aMovedCoefficientIsRefusedAtItsOldPlaceWithItsNewOne() {
        ScenarioException file = assertThrows(ScenarioException.class,
                () -> load("dynamics:\n  attendance: {alliance: 0.9}\n", List.of()));
        assertEquals(List.of("rules.yaml:2:16: dynamics.attendance.alliance: unknown field 'alliance': moved to"
                + " rules.attendance.alliance (each rule owns its coefficients; docs/scenarios.md, \"Rules\")"),
                file.problems().stream().map(Problem::toString).toList());
        for (String[] moved : new String[][] {{"dynamics.trust.gain_up", "rules.trust_update.gain_up"},
                {"dynamics.trust.gain_down", "rules.trust_update.gain_down"},
                {"dynamics.rupture.repair_overshoot", "rules.repair.repair_overshoot"}}) {
            ScenarioException path = assertThrows(ScenarioException.class, () -> ParameterPath.parse(moved[0]));
            assertTrue(path.problems().get(0).message().contains("moved to " + moved[1]), path.getMessage());
        }
    }

    @Test
    void anUnknownRuleIsLocatedAndTheAllowedNamesAreListed() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> load("rules:\n  trust_update: {rule: bayesain}\n", List.of()));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("rules.yaml:2:24: rules.trust_update.rule: found 'bayesain' (text); allowed: asymmetric_relaxation,"
                + " symmetric_relaxation, bayesian, betrayal_threshold (did you mean 'bayesian'?)",
                e.problems().get(0).toString());
        ScenarioException set = assertThrows(ScenarioException.class,
                () -> load("run: {families: 150}\n", List.of("rules.repair.rule=charm")));
        assertTrue(set.getMessage().contains("rules.repair.rule: found 'charm'; allowed: skill_and_overshoot, skill,"
                + " member_state, tested_trust, work_counted, selection_only"), set.getMessage());
    }

    @Test
    void aRulesParameterOutOfRangeOrMisspeltIsLocated() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("""
                rules:
                  trust_update:
                    rule: bayesian
                    prior_strength: 0
                  attendance: {trend_sessions: 11, trend_wieght: 1}
                """, List.of()));
        assertEquals(List.of(
                "rules.yaml:4:21: rules.trust_update.prior_strength: must be in (0.0, 100.0], was 0.0",
                "rules.yaml:5:32: rules.attendance.trend_sessions: must be in [1, 10], was 11",
                "rules.yaml:5:36: rules.attendance.trend_wieght: unknown field 'trend_wieght' (did you mean"
                        + " 'trend_weight'?); allowed here: rule, alliance, trend_sessions, trend_weight"),
                e.problems().stream().map(Problem::toString).sorted().toList(), e.getMessage());
    }

    /**
     * The competing repair accounts of issue 25 (docs/model.md 3.9) reach the model from a file,
     * from --set and from a typed edit, each with its parameter, and change the courses of the same
     * families; each parameter's bound is a located problem.
     */
    @Test
    void theRepairAccountsReachTheModelFromAFileASetAndAnEdit() throws ScenarioException {
        Scenario file = load("""
                run: {families: 150}
                rules:
                  repair: {rule: tested_trust, resilience_gain: 0.6}
                """, List.of());
        assertEquals(Rules.Repair.Rule.TESTED_TRUST, file.model().rules().repair().rule());
        assertEquals(0.6, file.model().rules().repair().resilienceGain());
        Scenario set = load("run: {families: 150}\n", List.of("rules.repair.rule=work_counted",
                "rules.repair.work_share=0.8"));
        assertEquals(Rules.Repair.Rule.WORK_COUNTED, set.model().rules().repair().rule());
        assertEquals(0.8, set.model().rules().repair().workShare());
        Scenario base = load("run: {families: 150}\n", List.of());
        Scenario edited = base.with(ParameterPath.parse("rules.repair.rule"), "selection_only")
                .with("rules.repair.selection_weight", 3.0);
        assertEquals(Rules.Repair.Rule.SELECTION_ONLY, edited.model().rules().repair().rule());
        assertEquals(3.0, edited.model().rules().repair().selectionWeight());
        List<CourseRecord> restoring = run(base.model());
        for (Scenario s : List.of(file, set, edited)) {
            assertNotEquals(restoring, run(s.model()), s.model().rules().repair().rule().toString());
        }
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> load("rules:\n  repair: {rule: work_counted, work_share: 1.5}\n", List.of()));
        assertEquals("rules.yaml:2:44: rules.repair.work_share: must be in [0.0, 1.0], was 1.5",
                e.problems().get(0).toString());
    }

    /** Therapists' skills are ordinary dynamics fields: a file, --set and a typed edit reach them. */
    @Test
    void therapistSkillsReachTheModel() throws ScenarioException {
        Scenario file = load("dynamics:\n  skills: {engagement_sd: 0.5, correlation: -0.2}\n", List.of());
        assertEquals(0.5, file.model().dynamics().skills().engagementSd());
        assertEquals(-0.2, file.model().dynamics().skills().correlation());
        Scenario set = load("run: {families: 150}\n", List.of("dynamics.skills.outcome_sd=0.7"));
        assertEquals(0.7, set.model().dynamics().skills().outcomeSd());
        Scenario edited = set.with("dynamics.skills.retention_sd", 0.2);
        assertEquals(0.2, edited.model().dynamics().skills().retentionSd());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> load("dynamics:\n  skills: {correlation: 1.5}\n", List.of()));
        assertTrue(e.getMessage().contains("dynamics.skills.correlation: must be in [-1.0, 1.0], was 1.5"),
                e.getMessage());
    }
}
