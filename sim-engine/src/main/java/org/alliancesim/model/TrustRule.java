package org.alliancesim.model;

/**
 * How a held session's experience moves a member's SOFTA dimensions: the trust update rule
 * ({@link Rules.TrustUpdate}; docs/model.md, "Rules"). {@link Session} holds one instance for a
 * whole replication, chosen once by {@link #of}; instances keep no state of their own (what a
 * rule remembers about a member lives in the {@link Member}) and draw no random numbers.
 *
 * <p>{@link Session} asks each member's three dimensions in the order connection, safety,
 * engagement, then calls {@link #sessionEnded} once for the member, whether the session was held
 * or ruptured. A rupture then applies the same rules to every trust rule: the member ends at the
 * lower of where they were and where the held session would have taken them, and an unrepaired
 * rupture costs more (docs/model.md 3.4).
 */
interface TrustRule {

    /**
     * Where a dimension at {@code current} goes when member {@code m}'s session is held.
     *
     * @param m the member, with their state before the session
     * @param current the dimension before the session, -3..+3
     * @param experience the session's experience on that dimension (docs/model.md 3.3; any finite number)
     * @param discomfort the member's discomfort this session (>= 0)
     * @return the dimension after a held session, -3..+3
     */
    double held(Member m, double current, double experience, double discomfort);

    /** After each of member {@code m}'s attended sessions, held or not: what the rule counts. */
    void sessionEnded(Member m);

    /** The rule {@code r} names, with its coefficients. */
    static TrustRule of(Rules.TrustUpdate r) {
        return switch (r.rule()) {
            case ASYMMETRIC_RELAXATION -> new AsymmetricRelaxation(r.gainUp(), r.gainDown());
            case SYMMETRIC_RELAXATION -> new SymmetricRelaxation(r.gain());
            case BAYESIAN -> new BetaReputation(r.priorStrength(), r.forgetting());
            case BETRAYAL_THRESHOLD -> new BetrayalThreshold(new AsymmetricRelaxation(r.gainUp(), r.gainDown()),
                    r.limit(), r.collapse());
        };
    }

    /**
     * Trust relaxes toward experience, T += g (E - T), with a larger rate downward: trust is lost
     * faster than it is gained (biased trust dynamics, Hoogendoorn, Jaffry, van Maanen and Treur;
     * asymmetry, Slovic 1993). The calibrated model's rule.
     */
    final class AsymmetricRelaxation implements TrustRule {
        private final double up;
        private final double down;

        AsymmetricRelaxation(double up, double down) {
            this.up = up;
            this.down = down;
        }

        @Override
        public double held(Member m, double current, double experience, double discomfort) {
            double g = experience > current ? up : down;
            return Member.clamp(current + g * (experience - current));
        }

        @Override
        public void sessionEnded(Member m) {}
    }

    /**
     * Trust relaxes toward experience at one rate both ways, T += g (E - T): experience-based
     * trust without a negativity bias (Jonker and Treur 1999).
     */
    final class SymmetricRelaxation implements TrustRule {
        private final double gain;

        SymmetricRelaxation(double gain) {
            this.gain = gain;
        }

        @Override
        public double held(Member m, double current, double experience, double discomfort) {
            return Member.clamp(current + gain * (experience - current));
        }

        @Override
        public void sessionEnded(Member m) {}
    }

    /**
     * The beta reputation system (Jøsang and Ismail 2002): each session is one unit of evidence,
     * split into supportive r += e and uncomfortable s += 1 - e by the experience e = (E + 3) / 6 on
     * the 0..1 scale, and trust is the expectation r / (r + s) mapped back onto -3..+3. The
     * starting alliance is the prior, worth {@code priorStrength} sessions; older evidence is
     * discounted by {@code forgetting} per session. Since r + s grows by one each session, the
     * expectation moves by (e - T) / (forgetting n + 1), n the evidence so far: relaxation whose
     * rate falls as evidence accumulates, so trust settles.
     */
    final class BetaReputation implements TrustRule {
        private final double priorStrength;
        private final double forgetting;

        BetaReputation(double priorStrength, double forgetting) {
            this.priorStrength = priorStrength;
            this.forgetting = forgetting;
        }

        @Override
        public double held(Member m, double current, double experience, double discomfort) {
            // The evidence lies on the scale (a session is at most wholly supportive).
            double evidence = Member.clamp(experience);
            double n = priorStrength * m.trustPriorWeight + m.trustEvidence;
            return Member.clamp(current + (evidence - current) / (forgetting * n + 1));
        }

        @Override
        public void sessionEnded(Member m) {
            m.trustPriorWeight *= forgetting;
            m.trustEvidence = forgetting * m.trustEvidence + 1;
        }
    }

    /**
     * Asymmetric relaxation, except that a session whose discomfort exceeds {@code limit} is a
     * breach: trust collapses, every dimension falling at least {@code collapse} of the way to -3
     * in that one session, however strong the alliance was (psychological contract breach:
     * Robinson and Rousseau 1994; Robinson 1996).
     */
    final class BetrayalThreshold implements TrustRule {
        private final AsymmetricRelaxation relaxation;
        private final double limit;
        private final double collapse;

        BetrayalThreshold(AsymmetricRelaxation relaxation, double limit, double collapse) {
            this.relaxation = relaxation;
            this.limit = limit;
            this.collapse = collapse;
        }

        @Override
        public double held(Member m, double current, double experience, double discomfort) {
            double x = relaxation.held(m, current, experience, discomfort);
            if (discomfort > limit) {
                x = Math.min(x, current - collapse * (current - Member.MIN_ALLIANCE));
            }
            return x;
        }

        @Override
        public void sessionEnded(Member m) {}
    }
}
