package org.alliancesim.scenario;

import java.util.List;
import java.util.Map;
import org.alliancesim.model.Doc;

/**
 * Each rule owns its coefficients: a family of rules ({@code rules.trust_update},
 * {@code rules.attendance}, ...) holds the rule's name and every coefficient of the part of the model
 * the rules swap, and a coefficient's {@link Doc#readBy} names the rules that read it. A value set for
 * a coefficient the chosen rule does not read would be silently ignored (a sweep over it would change
 * nothing), so files, {@code --set}, sweeps and fits that set one are refused, naming the rules that
 * read it. The coefficients that once lived elsewhere are refused at their old place with their new
 * one ({@link #MOVED}; docs/scenarios.md, "Rules"). Thread-safe.
 */
final class RuleCoefficients {

    /** Old paths of coefficients that moved to the rule that reads them, with their new paths. */
    static final Map<String, String> MOVED = Map.of(
            "dynamics.trust.gain_up", "rules.trust_update.gain_up",
            "dynamics.trust.gain_down", "rules.trust_update.gain_down",
            "dynamics.attendance.alliance", "rules.attendance.alliance",
            "dynamics.rupture.repair_overshoot", "rules.repair.repair_overshoot");

    private RuleCoefficients() {}

    /** Why a field at {@code path} (file names, dotted) is refused because it moved, or null. */
    static String moved(String path) {
        String to = MOVED.get(path);
        return to == null ? null : "moved to " + to + " (each rule owns its coefficients; docs/scenarios.md, \"Rules\")";
    }

    /**
     * Why the coefficient {@code field} (file name) of {@code family} is not read under its chosen rule,
     * or null when it is read (or {@code family} is not a family of rules).
     *
     * @param familyPath the family's path, for the message ({@code rules.attendance})
     */
    static String unread(Object family, String familyPath, String field) {
        if (family == null || !family.getClass().isRecord()) {
            return null;
        }
        RecordShape shape = RecordShape.of(family.getClass());
        if (shape.size() == 0 || !shape.component(0).getName().equals("rule") || !shape.component(0).getType().isEnum()) {
            return null;
        }
        int k = shape.indexOf(field);
        if (k < 0) {
            return null;
        }
        Doc d = shape.component(k).getAnnotation(Doc.class);
        List<String> readers = d == null ? List.of() : List.of(d.readBy());
        String rule = Names.of((Enum<?>) shape.value(family, 0));
        if (readers.isEmpty() || readers.contains(rule)) {
            return null;
        }
        return "the " + rule + " rule (" + familyPath + ".rule) does not read this coefficient, so its value would"
                + " be ignored; " + String.join(", ", readers) + (readers.size() == 1 ? " reads" : " read")
                + " it: choose " + (readers.size() == 1 ? "that rule" : "one of those rules") + " or leave it out";
    }

    /**
     * Why the concrete {@code path} is not read in {@code s}, or null: a path two levels below
     * {@code rules} ({@code rules.attendance.alliance}) whose family's rule does not read it.
     */
    static String unread(Scenario s, ParameterPath path) {
        List<Object> seg = path.segments();
        if (seg.size() != 3 || !"rules".equals(seg.get(0)) || !(seg.get(1) instanceof String familyName)) {
            return null;
        }
        Object family = ScenarioEdits.component(s.model().rules(), familyName);
        return unread(family, "rules." + familyName, (String) seg.get(2));
    }
}
