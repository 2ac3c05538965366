package org.alliancesim.analysis.experiment;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;

/**
 * Kaplan-Meier retention over sessions attended, one curve per group of any grouping of the courses
 * (all families, referral, family type, ...): a dropout is an event at the sessions it attended, every
 * other course that started is censored there. A replication counts events and censored courses per
 * group and session in arrays; {@link #merge} adds them to the run's estimators. Courses that never
 * started, and those the grouping maps to null, are left out.
 */
public final class RetentionTally implements Tally<RetentionTally, RetentionTally.Curves> {

    /** The run's curves by group name, in the groups' sorted order. */
    public record Curves(Map<String, KaplanMeier> byGroup) {

        /** Copies the map (the estimators are the snapshot's own). */
        public Curves {
            byGroup = Collections.unmodifiableMap(new TreeMap<>(byGroup));
        }

        /** The curve of {@code group}, empty when no course of it started. */
        public KaplanMeier curve(String group) {
            KaplanMeier k = byGroup.get(group);
            return k == null ? new KaplanMeier() : k;
        }
    }

    private final int sessionLimit;
    private final Function<CourseRecord, String> grouping;
    /** This replication's counts: group -> [sessions attended][0 event, 1 censored]. */
    private final Map<String, long[][]> counts = new HashMap<>();
    /** The run's estimators (merged replications). */
    private final Map<String, KaplanMeier> curves = new TreeMap<>();

    private RetentionTally(int sessionLimit, Function<CourseRecord, String> grouping) {
        this.sessionLimit = sessionLimit;
        this.grouping = grouping;
    }

    /**
     * The kind of tally that groups courses by {@code grouping} (a group name per course; null leaves
     * the course out).
     */
    public static Tally.Kind<RetentionTally> by(String name, Function<CourseRecord, String> grouping) {
        return new Tally.Kind<>("retention by " + name, limit -> new RetentionTally(limit, grouping));
    }

    @Override
    public void courseEnded(CourseRecord c) {
        int attended = c.sessionsAttended();
        if (attended < 1) {
            return;
        }
        String group = grouping.apply(c);
        if (group == null) {
            return;
        }
        long[][] curve = counts.get(group);
        if (curve == null || attended >= curve.length) {
            curve = grow(curve, Math.max(sessionLimit + 1, attended + 1));
            counts.put(group, curve);
        }
        curve[attended][c.endReason() == EndReason.DROPOUT ? 0 : 1]++;
    }

    private static long[][] grow(long[][] curve, int sessions) {
        long[][] grown = curve == null ? new long[sessions][] : Arrays.copyOf(curve, sessions);
        for (int t = curve == null ? 0 : curve.length; t < sessions; t++) {
            grown[t] = new long[2];
        }
        return grown;
    }

    @Override
    public void merge(RetentionTally later) {
        for (Map.Entry<String, long[][]> e : later.counts.entrySet()) {
            KaplanMeier km = curves.computeIfAbsent(e.getKey(), k -> new KaplanMeier());
            long[][] c = e.getValue();
            for (int t = 1; t < c.length; t++) {
                km.add(t, true, c[t][0]);
                km.add(t, false, c[t][1]);
            }
        }
    }

    @Override
    public Curves snapshot() {
        Map<String, KaplanMeier> copy = new TreeMap<>();
        curves.forEach((group, km) -> {
            KaplanMeier k = new KaplanMeier();
            k.addAll(km);
            copy.put(group, k);
        });
        return new Curves(copy);
    }
}
