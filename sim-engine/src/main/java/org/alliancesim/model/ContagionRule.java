package org.alliancesim.model;

/**
 * How members' SOFTA dimensions pull on each other after a session: the contagion rule
 * ({@link Rules.Contagion}; docs/model.md, "Rules"). Updates are simultaneous (every member moves
 * from the others' values before anyone moved). {@link Session} holds one instance for a whole
 * replication, chosen once by {@link #of}; an instance is used by one thread at a time.
 */
interface ContagionRule {

    /** Moves each member's engagement, connection and safety toward the others', keeping them on -3..+3. */
    void influence(Member[] ms);

    /** The rule {@code r} names, with its parameter and the model's contagion rate. */
    static ContagionRule of(Rules.Contagion r, Dynamics.Contagion c) {
        return switch (r.rule()) {
            case AVERAGING -> new Averaging(c.rate());
            case DECISION_WEIGHT -> new DecisionWeight(c.rate(), r.weightExponent());
        };
    }

    /**
     * x_i += rate (mean_{j != i} x_j - x_i): each member moves toward the other members' mean
     * (Gottman, Murray et al. 2002: inertia plus influence; Pinsof's other-therapist alliance).
     * The calibrated model's rule.
     */
    final class Averaging implements ContagionRule {
        private final double rate;

        Averaging(double rate) {
            this.rate = rate;
        }

        @Override
        public void influence(Member[] ms) {
            int n = ms.length;
            if (n < 2 || rate == 0) {
                return;
            }
            double se = 0;
            double sc = 0;
            double ss = 0;
            for (Member m : ms) {
                se += m.engagement;
                sc += m.connection;
                ss += m.safety;
            }
            double others = 1.0 / (n - 1);
            for (Member m : ms) {
                double e = m.engagement;
                double c = m.connection;
                double s = m.safety;
                m.engagement = Member.clamp(e + rate * ((se - e) * others - e));
                m.connection = Member.clamp(c + rate * ((sc - c) * others - c));
                m.safety = Member.clamp(s + rate * ((ss - s) * others - s));
            }
        }
    }

    /**
     * x_i += rate (sum_{j != i} v_j x_j / sum_{j != i} v_j - x_i), v_j = w_j^exponent with w_j the
     * member's decision weight: those who decide for the family also carry its view of the
     * therapist (weighted averaging of influence, DeGroot 1974; power as influence, French 1956;
     * parents decide, Kazdin 1996). A member whose others all have no weight is not moved.
     * Exponent 0 gives the averaging rule.
     */
    final class DecisionWeight implements ContagionRule {
        private final double rate;
        private final double exponent;
        /** Each member's influence this session (one replication, one thread). */
        private final double[] influence = new double[FamilyType.MAX_SIZE];

        DecisionWeight(double rate, double exponent) {
            this.rate = rate;
            this.exponent = exponent;
        }

        @Override
        public void influence(Member[] ms) {
            int n = ms.length;
            if (n < 2 || rate == 0) {
                return;
            }
            double v = 0;
            double se = 0;
            double sc = 0;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                Member m = ms[i];
                double w = Math.pow(m.decisionWeight, exponent);
                influence[i] = w;
                v += w;
                se += w * m.engagement;
                sc += w * m.connection;
                ss += w * m.safety;
            }
            for (int i = 0; i < n; i++) {
                Member m = ms[i];
                double w = influence[i];
                double others = v - w;
                if (!(others > 0)) {
                    continue;
                }
                double e = m.engagement;
                double c = m.connection;
                double s = m.safety;
                m.engagement = Member.clamp(e + rate * ((se - w * e) / others - e));
                m.connection = Member.clamp(c + rate * ((sc - w * c) / others - c));
                m.safety = Member.clamp(s + rate * ((ss - w * s) / others - s));
            }
        }
    }
}
