package org.alliancesim.model;

/**
 * What the dropout hazard reads of the deciding members' alliance: the attendance rule
 * ({@link Rules.Attendance}; docs/model.md, "Rules"). The hazard's log-odds are
 * intercept + barriers - {@link #allianceTerm} - purpose P + split spread + waiting; the rule
 * changes only the alliance term, and reads only the family's state (its deciding alliance now
 * and, for the trend rules, after its last sessions). {@link Replication} holds one instance for a
 * whole replication, chosen once by {@link #of}; what a rule remembers of a family lives in the
 * {@link Family}. No-shows read the alliance's level under every rule (docs/model.md 3.6).
 */
interface AttendanceRule {

    /**
     * The alliance's part of the hazard's log-odds, subtracted (higher means less dropout).
     *
     * @param f the family, after at least one attended session
     * @param deciding its deciding members' alliance now ({@link Family#decidingAlliance()})
     */
    double allianceTerm(Family f, double deciding);

    /** Before family {@code f}'s first session. */
    void courseStarted(Family f);

    /** After each of family {@code f}'s attended sessions ({@link Family#attended} already counts it). */
    void sessionAttended(Family f);

    /** The rule {@code r} names, with its coefficients. */
    static AttendanceRule of(Rules.Attendance r) {
        return switch (r.rule()) {
            case LEVEL -> new Level(r.alliance());
            case TREND -> new Trend(0, r.trendSessions(), r.trendWeight());
            case LEVEL_AND_TREND -> new Trend(r.alliance(), r.trendSessions(), r.trendWeight());
        };
    }

    /** alliance A: the deciding members' alliance now (Kazdin 1996: parents decide). The calibrated model's rule. */
    final class Level implements AttendanceRule {
        private final double weight;

        Level(double weight) {
            this.weight = weight;
        }

        @Override
        public double allianceTerm(Family f, double deciding) {
            return weight * deciding;
        }

        @Override
        public void courseStarted(Family f) {}

        @Override
        public void sessionAttended(Family f) {}
    }

    /**
     * levelWeight A + trendWeight (A_t - A_{t-k}) / k, A_t the deciding alliance after t sessions
     * (A_0 before the first) and k = min(trendSessions, t): the family reads where the alliance is
     * going over its last sessions, not (only) where it is (alliance trajectories: Kivlighan and
     * Shaughnessy 2000; Stiles et al. 2004). With levelWeight 0 this is the trend rule, otherwise
     * level and trend.
     */
    final class Trend implements AttendanceRule {
        private final double levelWeight;
        private final int window;
        private final double trendWeight;

        Trend(double levelWeight, int window, double trendWeight) {
            this.levelWeight = levelWeight;
            this.window = window;
            this.trendWeight = trendWeight;
        }

        @Override
        public double allianceTerm(Family f, double deciding) {
            return levelWeight * deciding + trendWeight * slope(f);
        }

        /** The deciding alliance's change per session over the last min(window, attended) sessions; 0 before any. */
        double slope(Family f) {
            double[] h = f.allianceHistory;
            int t = f.attended;
            if (h == null || t == 0) {
                return 0;
            }
            int k = Math.min(window, t);
            return (h[t % h.length] - h[(t - k) % h.length]) / k;
        }

        @Override
        public void courseStarted(Family f) {
            // One slot per session in the window, and one for where it began (a ring).
            f.allianceHistory = new double[window + 1];
            f.allianceHistory[0] = f.decidingAlliance();
        }

        @Override
        public void sessionAttended(Family f) {
            f.allianceHistory[f.attended % f.allianceHistory.length] = f.decidingAlliance();
        }
    }
}
