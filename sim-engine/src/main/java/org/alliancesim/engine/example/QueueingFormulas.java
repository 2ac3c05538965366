package org.alliancesim.engine.example;

/**
 * Steady-state mean waits in queue from queueing theory, the reference values for verifying the
 * kernel. All rates are per day; all results are days. Each method requires a stable queue
 * (utilisation {@code < 1}).
 *
 * <p>Sources: Kleinrock, <i>Queueing Systems</i> Vol. 1 (1975), sections 3.2 (M/M/1), 3.5
 * (M/M/c, the Erlang C formula) and 5.7 (M/G/1, the Pollaczek-Khinchine mean value formula).
 */
public final class QueueingFormulas {

    private QueueingFormulas() {}

    /** M/M/1: Wq = rho / (mu - lambda), with rho = lambda / mu. */
    public static double mm1Wait(double lambda, double mu) {
        double rho = checkStable(lambda, mu, 1);
        return rho / (mu - lambda);
    }

    /**
     * The Erlang C formula: the probability that an arriving customer has to wait in an M/M/c
     * queue with offered load {@code a = lambda / mu} erlangs.
     *
     * <p>Computed through the Erlang B recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), then
     * C = B / (1 - rho (1 - B)); this is numerically stable for large c, unlike the factorial form.
     */
    public static double erlangC(int c, double a) {
        if (c < 1) {
            throw new IllegalArgumentException("c must be >= 1, was " + c);
        }
        double rho = a / c;
        if (!(a > 0) || !(rho < 1)) {
            throw new IllegalArgumentException("need 0 < a < c for a steady state, was a=" + a + ", c=" + c);
        }
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b / (1 - rho * (1 - b));
    }

    /** M/M/c: Wq = C(c, a) / (c mu - lambda). */
    public static double mmcWait(double lambda, double mu, int c) {
        checkStable(lambda, mu, c);
        return erlangC(c, lambda / mu) / (c * mu - lambda);
    }

    /**
     * M/D/1 by the Pollaczek-Khinchine formula Wq = lambda E[S^2] / (2 (1 - rho)); with constant
     * service S = 1/mu this is rho / (2 mu (1 - rho)).
     */
    public static double md1Wait(double lambda, double mu) {
        double rho = checkStable(lambda, mu, 1);
        return rho / (2 * mu * (1 - rho));
    }

    private static double checkStable(double lambda, double mu, int c) {
        if (!(lambda > 0) || !(mu > 0)) {
            throw new IllegalArgumentException("rates must be > 0, were lambda=" + lambda + ", mu=" + mu);
        }
        double rho = lambda / (c * mu);
        if (!(rho < 1)) {
            throw new IllegalArgumentException("utilisation must be < 1, was " + rho);
        }
        return rho;
    }
}
