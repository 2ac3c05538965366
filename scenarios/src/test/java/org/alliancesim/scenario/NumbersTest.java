package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Numbers are read one way everywhere (issue 22, item 5): plain decimal in scenario files (also under
 * {@code %YAML 1.2}), {@code --set}, sweep, hypotheses and targets files; a fraction is never rounded
 * into a whole-number field; run settings cannot be swept, edited or fitted (items 6 and 16).
 */
class NumbersTest {

    private static final Set<String> METRICS = Set.of("dropout_share");

    private static String problems(ThrowingRunnable r) {
        ScenarioException e = assertThrows(ScenarioException.class, r::run);
        return e.getMessage();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void theDecimalRuleByHand() {
        for (String ok : new String[] {"0", "50", "-3", "+4", "0.5", ".5", "5.", "-0.25", "1e-3", "2E+4", "400.0"}) {
            assertTrue(Numbers.isDecimal(ok), ok);
        }
        for (String bad : new String[] {"050", "010", "0_5", "1_000", "0x10", "0o17", "0b11", "1:30", ".inf", "-.inf",
                ".nan", "NaN", "Infinity", "1.5d", "1f", "", " 5", "5 ", "\u0665", "00.5", "--1", "1e", "e3", "."}) {
            assertFalse(Numbers.isDecimal(bad), bad);
        }
        assertEquals(50L, Numbers.parse("50"));
        assertEquals(0.5, Numbers.parse(".5"));
        assertEquals(new java.math.BigInteger("99999999999999999999"), Numbers.parse("99999999999999999999"));
        assertEquals(1000, Numbers.wholeNumber("--reps", "1e3", 1, 100_000));
        assertTrue(assertThrows(NumberFormatException.class, () -> Numbers.wholeNumber("--reps", "2.5", 1, 9))
                .getMessage().contains("fraction '2.5'"));
        assertTrue(assertThrows(NumberFormatException.class, () -> Numbers.wholeNumber("--reps", "050", 1, 99))
                .getMessage().contains("found '050'"));
    }

    @Test
    void aLeadingZeroInAFileIsRefusedNotReadAsOctal() {
        for (String header : new String[] {"", "%YAML 1.2\n---\n"}) {
            String m = problems(() -> ScenarioLoader.loadText("f.yaml", header + "extends: default\nrun:\n  families: 010\n",
                    Path.of("."), List.of()));
            int line = header.isEmpty() ? 3 : 5;
            assertTrue(m.contains("f.yaml:" + line + ":13: run.families: found '010'; numbers are written in plain"
                    + " decimal"), m);
        }
        String u = problems(() -> ScenarioLoader.loadText("f.yaml", "extends: default\ntherapists:\n  - warmth: 0_5\n",
                Path.of("."), List.of()));
        assertTrue(u.contains("found '0_5'"), u);
        String h = problems(() -> ScenarioLoader.loadText("f.yaml", "extends: default\nseed: 0x7fffffffffffffff\n",
                Path.of("."), List.of()));
        assertTrue(h.contains("f.yaml:2:7: seed: found '0x7fffffffffffffff'"), "as written, not 9223372036854775807: " + h);
    }

    @Test
    void setValuesAreReadTheSameWay() throws Exception {
        assertTrue(problems(() -> ScenarioLoader.load("default", List.of("run.families=050")))
                .contains("--set run.families=050: found '050'; numbers are written in plain decimal"));
        assertTrue(problems(() -> ScenarioLoader.load("default", List.of("seed=0x7fffffffffffffff")))
                .contains("found '0x7fffffffffffffff'"));
        assertTrue(problems(() -> ScenarioLoader.load("default", List.of("therapists[0].warmth=0_5")))
                .contains("found '0_5'"));
        String f = problems(() -> ScenarioLoader.load("default", List.of("run.families=2.5")));
        assertTrue(f.contains("--set run.families=2.5") && f.contains("whole number") && f.contains("2.5"), f);
        assertEquals(50, ScenarioLoader.load("default", List.of("run.families=50")).model().run().families());
    }

    @Test
    void aSweepCannotRoundAFractionIntoAWholeNumberField() {
        String v = problems(() -> SweepSpecs.parse("s.yaml", "parameters:\n  - path: run.session_limit\n"
                + "    values: [4, 2.5]\n", METRICS));
        assertTrue(v.contains("s.yaml:3:17: parameters[0].values[1]: run.session_limit takes whole numbers; found the"
                + " fraction 2.5"), v);
        String m = problems(() -> SweepSpecs.parse("s.yaml", "design: random\nparameters:\n"
                + "  - {path: run.session_limit, min: 4.5, max: 12}\n", METRICS));
        assertTrue(m.contains("parameters[0].min: run.session_limit takes whole numbers; found the fraction 4.5"), m);
        String g = problems(() -> SweepSpecs.parse("s.yaml", "parameters:\n"
                + "  - {path: run.session_limit, min: 4, max: 12, steps: 4}\n", METRICS));
        assertTrue(g.contains("parameters[0].steps:"), g);
        assertTrue(g.contains("s.yaml:2:"), "located: " + g);
    }

    @Test
    void aWholeNumberGridThatLandsOnWholeNumbersIsKept() throws Exception {
        SweepSpec s = SweepSpecs.parse("s.yaml", "metrics: [dropout_share]\nparameters:\n  - {path: run.session_limit, min: 4, max: 12, steps: 5}\n"
                + "  - {path: run.families, values: [100, 200]}\n", METRICS);
        assertEquals(2, s.parameters().size());
    }

    @Test
    void seedAndReplicationsAreNotSweepParameters() {
        for (String p : new String[] {"seed", "replications"}) {
            String m = problems(() -> SweepSpecs.parse("s.yaml", "parameters:\n  - {path: " + p + ", values: [1, 2]}\n",
                    METRICS));
            assertTrue(m.contains("s.yaml:2:") && m.contains("parameters[0].path: " + p + " cannot be a sweep"
                    + " parameter: every point runs with the sweep's own '" + p + ":'"), m);
        }
    }

    @Test
    void aVariantCannotEditOrFitTheRunSettings() {
        for (String p : new String[] {"seed", "replications", "run.families"}) {
            String m = problems(() -> HypothesesSpecs.parse("h.yaml", "variants:\n  - name: a\n    edits: {" + p
                    + ": 3}\n"));
            assertTrue(m.contains("h.yaml:3:") && m.contains(p + " is set for every run of every variant by this"
                    + " file's own"), m);
        }
        String seed = problems(() -> HypothesesSpecs.parse("h.yaml", "variants:\n  - name: a\n"
                + "    fit: [{path: seed, min: 1, max: 9}]\n"));
        assertTrue(seed.contains("h.yaml:3:") && seed.contains("variants[0].fit[0].path: seed is set for every run"), seed);
        String whole = problems(() -> HypothesesSpecs.parse("h.yaml", "variants:\n  - name: a\n"
                + "    fit: [{path: run.session_limit, min: 4, max: 20}]\n"));
        assertTrue(whole.contains("h.yaml:3:") && whole.contains("run.session_limit takes whole numbers, and a fit"
                + " moves values continuously"), whole);
    }

    @Test
    void aTargetsFileCannotFitAWholeNumberFieldOrTheSeed() {
        for (String p : new String[] {"seed", "run.session_limit"}) {
            String m = problems(() -> CalibrationSpecs.parse("t.yaml", "targets:\n"
                    + "  - {statistic: dropout_share, min: 0.3, max: 0.4}\n"
                    + "parameters:\n  - {path: " + p + ", min: 4, max: 20}\n", METRICS));
            assertTrue(m.contains("t.yaml:4:") && m.contains("parameters[0].path: " + p), m);
        }
    }

    @Test
    void aComplexKeyGetsAPlainMessage() {
        for (String key : new String[] {"[a, b]", "{a: 1}"}) {
            String m = problems(() -> ScenarioLoader.loadText("f.yaml", "extends: default\n? " + key + "\n: 1\n",
                    Path.of("."), List.of()));
            assertTrue(m.contains("f.yaml:2:") && m.contains("a key must be a field name"), m);
            assertFalse(m.contains("snakeyaml") || m.contains("Event"), m);
        }
    }

    @Test
    void fittablePathsAreFractionFields() throws Exception {
        assertNull(ParameterPath.parse("dynamics.attendance.intercept").notFittable());
        assertTrue(ParameterPath.parse("seed").isRunSetting());
        assertFalse(ParameterPath.parse("run.families").isRunSetting());
    }
}
