package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each rule owns its coefficients, and {@link Doc#readBy} says truly which rules read each one: the
 * scenario layer refuses a coefficient the chosen rule does not read on the strength of this list,
 * so a wrong list would either refuse a value the model uses or let one be silently ignored. For
 * every family of {@link Rules}, every rule and every coefficient, the coefficient is moved a quarter
 * of the way to its upper bound and the records of one run (an observed room with escalating
 * challenge, so ruptures, repairs and breaches happen) are hashed: the hash must change exactly
 * when the rule is in the coefficient's {@code readBy}. Deterministic (fixed seed); fails if a rule
 * reads a coefficient its list leaves out, or a list names a rule that ignores it.
 */
class RuleCoefficientsTest {

    private static final long SEED = 20261207L;

    private static final ModelParameters ROOM = Variants.onlyTherapist(Variants.observed(Variants.base(300), false),
            Variants.withChallenge(Variants.experienced(), ChallengePolicy.ESCALATING, 0.8));

    @Test
    void everyCoefficientIsReadByExactlyTheRulesItsDocNames() throws Exception {
        int checked = 0;
        checked += family(Rules.TrustUpdate.defaults(), Rules.TrustUpdate.Rule.values(), Rules::withTrustUpdate);
        checked += family(Rules.Attendance.defaults(), Rules.Attendance.Rule.values(), Rules::withAttendance);
        checked += family(Rules.Repair.defaults(), Rules.Repair.Rule.values(), Rules::withRepair);
        checked += family(Rules.Contagion.defaults(), Rules.Contagion.Rule.values(), Rules::withContagion);
        // 4 x 7 + 3 x 3 + 6 x 5 + 2 x 1 (rule, coefficient) pairs when this was written.
        assertEquals(69, checked, "pairs checked");
    }

    @Test
    void readByNamesOnlyRulesOfItsOwnFamily() {
        for (RecordComponent family : Rules.class.getRecordComponents()) {
            Class<?> type = family.getType();
            Set<String> rules = Arrays.stream(type.getRecordComponents()[0].getType().getEnumConstants())
                    .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            for (RecordComponent c : type.getRecordComponents()) {
                Doc d = c.getAnnotation(Doc.class);
                for (String r : d.readBy()) {
                    assertTrue(rules.contains(r), type.getSimpleName() + "." + c.getName() + " names " + r);
                }
                assertFalse(c.getName().equals("rule") && d.readBy().length > 0, "the rule itself is read by every rule");
            }
        }
    }

    private static <R extends Record> int family(R defaults, Enum<?>[] rules, BiFunction<Rules, R, Rules> with)
            throws Exception {
        int pairs = 0;
        for (Enum<?> rule : rules) {
            R base = Variants.with(defaults, "rule", rule);
            String before = DefaultRulesPinTest.fingerprint(ROOM.withRules(with.apply(ROOM.rules(), base)), SEED, 1);
            for (RecordComponent c : coefficients(defaults)) {
                Doc d = c.getAnnotation(Doc.class);
                List<String> readers = List.of(d.readBy());
                boolean reads = readers.isEmpty() || readers.contains(rule.name().toLowerCase(Locale.ROOT));
                Object moved = moved(c, c.getAccessor().invoke(base), d);
                R changed = Variants.with(base, c.getName(), moved);
                String after = DefaultRulesPinTest.fingerprint(ROOM.withRules(with.apply(ROOM.rules(), changed)), SEED, 1);
                String what = defaults.getClass().getSimpleName() + "." + c.getName() + " under " + rule;
                if (reads) {
                    assertNotEquals(before, after, what + " is listed as read but changes nothing");
                } else {
                    assertEquals(before, after, what + " is not listed as read but changes the run");
                }
                pairs++;
            }
        }
        return pairs;
    }

    private static List<RecordComponent> coefficients(Record r) {
        List<RecordComponent> out = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (!c.getName().equals("rule")) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A quarter of the way from {@code v} to the upper bound, or to the lower one when {@code v} is
     * at the upper (whole numbers: at least one more).
     */
    private static Object moved(RecordComponent c, Object v, Doc d) {
        if (c.getType() == int.class) {
            int x = (Integer) v;
            return Math.max(x + 1, (int) Math.round(x + 0.25 * (d.max() - x)));
        }
        double x = (Double) v;
        return x + 0.25 * ((x < d.max() ? d.max() : d.min()) - x);
    }
}
