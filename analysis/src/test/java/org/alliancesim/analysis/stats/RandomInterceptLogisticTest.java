package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.alliancesim.analysis.ExternalProgram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomInterceptLogisticTest {

    /** Eight clusters as (observations, successes): the data set of the R checks below, 89 observations. */
    static final int[][] COUNTS = {{10, 1}, {12, 3}, {8, 2}, {15, 9}, {10, 5}, {9, 0}, {11, 4}, {14, 7}};

    static int[] cluster() {
        int total = 0;
        for (int[] c : COUNTS) {
            total += c[0];
        }
        int[] cluster = new int[total];
        int i = 0;
        for (int k = 0; k < COUNTS.length; k++) {
            for (int j = 0; j < COUNTS[k][0]; j++) {
                cluster[i++] = k + 1;
            }
        }
        return cluster;
    }

    static boolean[] outcome() {
        boolean[] y = new boolean[cluster().length];
        int i = 0;
        for (int[] c : COUNTS) {
            for (int j = 0; j < c[0]; j++) {
                y[i++] = j < c[1];
            }
        }
        return y;
    }

    /**
     * Laplace (nAGQ = 1), R 4.2.2, lme4 1.1.31: {@code f <- glmer(y ~ 1 + (1 | cluster), family =
     * binomial, data = d, control = glmerControl(tolPwrss = 1e-13)); fixef(f); getME(f, "theta");
     * -2 * logLik(f)}. With glmer's default tolPwrss = 1e-7 its conditional modes stop early and its
     * Laplace deviance is 6.5e-5 higher at the same parameters (112.644845922 against 112.644780749);
     * with the tighter tolerance lme4's deviance function and this class's agree to 1e-9 (and an
     * independent Laplace written in R with {@code optimize} per cluster gives 112.644780746). The
     * profile bound: {@code confint(f, parm = ".sig01", method = "profile")} with the default control,
     * [0, 1.834053] (lme4 interpolates its profile with a spline; tolerance 1e-4). A Laplace
     * approximation without the 1/2 log(1 + var_u n p (1 - p)) term, or the curvature at u = 0 instead
     * of the mode, misses sd_u by more than 0.01.
     */
    @Test
    void laplaceMatchesGlmer() {
        RandomInterceptLogistic.Fit f = RandomInterceptLogistic.fit(cluster(), outcome());
        assertEquals(1, f.nAGQ());
        assertEquals(112.644780749432, f.deviance(), 1e-8);
        assertEquals(0.696986894467, f.sdU().value(), 1e-4);
        assertEquals(-0.774536196394, f.intercept(), 1e-5);
        assertEquals(0.696986894467 * 0.696986894467, f.varU(), 2e-4);
        assertEquals(0.0, f.sdU().lower());
        assertEquals(1.834053, f.sdU().upper(), 1e-4);
        double v = f.varU();
        assertEquals(v / (v + Math.PI * Math.PI / 3), f.icc().value(), 1e-15);
        assertEquals(0.0, f.icc().lower());
        assertEquals(1.834053 * 1.834053 / (1.834053 * 1.834053 + Math.PI * Math.PI / 3), f.icc().upper(), 1e-4);
        assertEquals(8, f.clusters());
        assertEquals(89, f.observations());
    }

    /**
     * Adaptive quadrature, R: {@code dev <- glmer(..., nAGQ = q, devFunOnly = TRUE, control =
     * glmerControl(tolPwrss = 1e-13)); nlminb(c(.7, -.77), dev, lower = c(0, -Inf), control =
     * list(rel.tol = 1e-15))} (sd_u, b0, deviance), and {@code glmer(..., nAGQ = 5)} with the same
     * control: SE of b0 0.3658404, profile interval of sd_u [0, 1.879728]. (With glmer's default
     * tolPwrss the nAGQ = 5 deviance is 7e-8 lower, its modes not quite converged.) The nAGQ = 25
     * deviance equals a brute-force integral ({@code integrate} over u per cluster, rel.tol 1e-13) at its
     * optimum, 112.555833001. Quadrature weights used without the e^(x^2) factor, or nodes not scaled by
     * sqrt(2) tau, miss the deviance by more than 0.01.
     */
    @Test
    void adaptiveQuadratureMatchesGlmerAndABruteForceIntegral() {
        RandomInterceptLogistic.Fit f5 = RandomInterceptLogistic.fit(cluster(), outcome(), 5);
        assertEquals(112.556170031770, f5.deviance(), 1e-8);
        assertEquals(0.714786119495, f5.sdU().value(), 1e-4);
        assertEquals(-0.777846268368, f5.intercept(), 1e-5);
        assertEquals(0.3658404, f5.interceptSe(), 1e-5);
        assertEquals(1.879728, f5.sdU().upper(), 1e-4);
        RandomInterceptLogistic.Fit f25 = RandomInterceptLogistic.fit(cluster(), outcome(), 25);
        assertEquals(112.5558330012, f25.deviance(), 1e-8);
        assertEquals(0.7149785294, f25.sdU().value(), 1e-4);
        assertEquals(-0.7779072296, f25.intercept(), 1e-5);
    }

    /**
     * Every cluster has the same share (3 of 10): the maximum-likelihood var_u is 0 (glmer: a singular
     * fit), the ICC is 0 and its interval starts at 0; b0 is the pooled logit, log(3/7), and its SE that
     * of a binomial proportion on the logit scale, 1 / sqrt(N p (1 - p)) = 1 / sqrt(60 x .21), by hand.
     */
    @Test
    void equalSharesGiveTheBoundaryZero() {
        int[] trials = {10, 10, 10, 10, 10, 10};
        int[] successes = {3, 3, 3, 3, 3, 3};
        RandomInterceptLogistic.Fit f = RandomInterceptLogistic.fitCounts(trials, successes, 1);
        assertEquals(0.0, f.varU());
        assertEquals(0.0, f.icc().value());
        assertEquals(0.0, f.icc().lower());
        assertTrue(f.icc().upper() > 0 && f.icc().upper() < 0.5, "upper " + f.icc().upper());
        assertEquals(Math.log(3.0 / 7), f.intercept(), 1e-12);
        assertEquals(1 / Math.sqrt(60 * 0.21), f.interceptSe(), 1e-4);
        assertEquals(0.0, RandomInterceptLogistic.iccEstimate(trials, successes, 1));
    }

    @Test
    void countsGiveTheSameFitAsObservationsAndThePointEstimateAgrees() {
        int[] trials = new int[COUNTS.length];
        int[] successes = new int[COUNTS.length];
        for (int k = 0; k < COUNTS.length; k++) {
            trials[k] = COUNTS[k][0];
            successes[k] = COUNTS[k][1];
        }
        RandomInterceptLogistic.Fit a = RandomInterceptLogistic.fit(cluster(), outcome(), 5);
        RandomInterceptLogistic.Fit b = RandomInterceptLogistic.fitCounts(trials, successes, 5);
        assertEquals(a, b);
        assertEquals(a.icc().value(), RandomInterceptLogistic.iccEstimate(trials, successes, 5), 1e-12);
    }

    @Test
    void refusesWhatCannotBeFittedWithAClearMessage() {
        var one = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLogistic.fit(new int[] {4, 4, 4}, new boolean[] {true, false, true}));
        assertTrue(one.getMessage().contains("at least 2 clusters, had 1"), one.getMessage());
        var zeros = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLogistic.fit(new int[] {1, 1, 2, 2}, new boolean[4]));
        assertTrue(zeros.getMessage().contains("needs both values") && zeros.getMessage().contains("were 0"),
                zeros.getMessage());
        var ones = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLogistic.fitCounts(new int[] {3, 2}, new int[] {3, 2}, 1));
        assertTrue(ones.getMessage().contains("were 1"), ones.getMessage());
        var q = assertThrows(IllegalArgumentException.class, () -> RandomInterceptLogistic.fit(cluster(), outcome(), 26));
        assertTrue(q.getMessage().contains("nAGQ must be 1 (Laplace) to 25, was 26"), q.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomInterceptLogistic.fit(cluster(), outcome(), 0));
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLogistic.fit(new int[] {1, 2}, new boolean[3]));
        assertEquals("need one cluster per outcome, had 2 clusters and 3 outcomes", lengths.getMessage());
        var countLengths = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLogistic.fitCounts(new int[] {3, 2}, new int[] {1}, 1));
        assertTrue(countLengths.getMessage().contains("had 2 trial counts and 1 success counts"),
                countLengths.getMessage());
        for (int q0 : new int[] {0, 26}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> RandomInterceptLogistic.fitCounts(new int[] {3, 2}, new int[] {1, 1}, q0));
            assertEquals("nAGQ must be 1 (Laplace) to 25, was " + q0, e.getMessage());
            var f = assertThrows(IllegalArgumentException.class,
                    () -> RandomInterceptLogistic.iccEstimate(new int[] {3, 2}, new int[] {1, 1}, q0));
            assertEquals(e.getMessage(), f.getMessage());
        }
        var counts = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLogistic.fitCounts(new int[] {3, 2}, new int[] {4, 1}, 1));
        assertTrue(counts.getMessage().contains("cluster 0 has 4 successes in 3 trials"), counts.getMessage());
    }

    /**
     * Unequal clusters (2 to 60 trials) with shares from 0 to 0.9 and sd_u above 1, where the mode search
     * per cluster starts far from its end (a Newton step with a wrong curvature there does not reach it).
     * R 4.2.2, lme4: {@code n <- c(2, 3,
     * 40, 50, 5, 60, 4, 30); s <- c(0, 1, 30, 45, 0, 20, 1, 25); d <- data.frame(c = factor(1:8), s = s,
     * f = n - s); m <- glmer(cbind(s, f) ~ 1 + (1 | c), data = d, family = binomial, control =
     * glmerControl(tolPwrss = 1e-13)); fixef(m); sqrt(vcov(m)[1, 1]); attr(VarCorr(m)$c, "stddev");
     * -2 * logLik(m)}: -0.1091179902, 0.6902479034, 1.5752285993, 42.0219460459; the deviance of the
     * 0/1 observations adds {@code 2 * sum(lchoose(n, s))}: 212.9185373334.
     */
    @Test
    void unequalClustersWithALargeSdMatchGlmer() {
        RandomInterceptLogistic.Fit f = RandomInterceptLogistic.fitCounts(new int[] {2, 3, 40, 50, 5, 60, 4, 30},
                new int[] {0, 1, 30, 45, 0, 20, 1, 25}, 1);
        assertEquals(212.9185373334, f.deviance(), 1e-6);
        assertEquals(1.5752285993, f.sdU().value(), 1e-4);
        assertEquals(-0.1091179902, f.intercept(), 1e-4);
        assertEquals(0.6902479034, f.interceptSe(), 1e-4);
    }

    /** Clusters with no observations are left out, not counted as clusters. */
    @Test
    void emptyClustersDoNotCount() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLogistic.fitCounts(new int[] {5, 0, 0}, new int[] {2, 0, 0}, 1));
        assertTrue(e.getMessage().contains("had 1"), e.getMessage());
        assertEquals(8, RandomInterceptLogistic.fitCounts(new int[] {10, 0, 12, 8, 15, 10, 9, 11, 14},
                new int[] {1, 0, 3, 2, 9, 5, 0, 4, 7}, 1).clusters());
    }

    /** The latent-scale ICC of sd_u = pi / sqrt(3) (var_u equal to the logistic variance) is one half. */
    @Test
    void latentIccByHand() {
        assertEquals(0.5, RandomInterceptLogistic.icc(Math.PI / Math.sqrt(3)), 1e-15);
        assertEquals(0.0, RandomInterceptLogistic.icc(0));
        assertEquals(1.0, RandomInterceptLogistic.icc(Double.POSITIVE_INFINITY));
    }

    /**
     * The check of issue 25 against lme4 on the file alliancesim writes: the default scenario's
     * families.csv (2 replications x 1000 families, seed 1; 92 therapists of a replication as clusters),
     * dropout ~ 1 + (1 | cluster) by R's {@code glmer(family = binomial)} with nAGQ = 1 (Laplace) and
     * nAGQ = 5, with {@code glmerControl(tolPwrss = 1e-13)} (glmer's default 1e-7 stops its conditional
     * modes early and moves the Laplace deviance by up to 3e-4; at 1e-10 it is still 3e-7 to 2e-6 above
     * an exact Laplace, which a per-cluster {@code optimize} in R reproduces to 1e-8; the default fit's
     * numbers are printed too), and {@code confint(method = "profile")} for sd_u at nAGQ = 1.
     * Tolerances: lme4's deviance function at the Java estimate equals the Java deviance to 1e-5, and
     * glmer's optimum is no lower (its optimiser stops up to 1e-4 above; measured 2e-6), sd_u 1e-4, b0 1e-5, SE of b0 1e-3 relative (both take it from a numerical Hessian), the latent ICC
     * 1e-5, the profile bounds of sd_u 1e-3 (lme4 interpolates its profile with a spline). Then the
     * same check with the Java sd_u moved by 1e-3 must fail. Needs Rscript with lme4 (r-cran-lme4).
     */
    @Test
    @Tag("r")
    void glmerOnFamiliesCsvAgrees(@TempDir Path dir) throws Exception {
        DefaultRunFamilies fam = DefaultRunFamilies.write(dir, 2, 1);
        RandomInterceptLogistic.Fit laplace = RandomInterceptLogistic.fit(fam.cluster(), fam.dropout(), 1);
        RandomInterceptLogistic.Fit agq = RandomInterceptLogistic.fit(fam.cluster(), fam.dropout(), 5);
        ExternalProgram.Result same = glmerCheck(dir, fam, laplace, agq, 0);
        assertEquals(0, same.exitCode(), same.output());
        ExternalProgram.Result moved = glmerCheck(dir, fam, laplace, agq, 1e-3);
        assertNotEquals(0, moved.exitCode(), "R accepted an sd_u off by 1e-3: " + moved.output());
        assertTrue(moved.output().contains("is not TRUE"), moved.output());
    }

    private static ExternalProgram.Result glmerCheck(Path dir, DefaultRunFamilies fam, RandomInterceptLogistic.Fit laplace,
            RandomInterceptLogistic.Fit agq, double shift) throws Exception {
        Path java = dir.resolve("java-glmer.csv");
        StringBuilder csv = new StringBuilder("nagq,b0,se,sd,deviance,icc,sd_lower,sd_upper\n");
        for (RandomInterceptLogistic.Fit f : new RandomInterceptLogistic.Fit[] {laplace, agq}) {
            csv.append(String.format(Locale.ROOT, "%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g%n", f.nAGQ(), f.intercept(),
                    f.interceptSe(), f.sdU().value() + shift, f.deviance(), f.icc().value(), f.sdU().lower(),
                    f.sdU().upper()));
        }
        Files.writeString(java, csv);
        String script = fam.readInR()
                + "j <- read.csv('" + java + "')\n"
                + "ctl <- glmerControl(tolPwrss = 1e-13)\n"
                + "for (i in 1:2) {\n"
                + "  f <- glmer(dropout ~ 1 + (1 | cluster), family = binomial, data = fam, nAGQ = j$nagq[i], control = ctl)\n"
                + "  plain <- glmer(dropout ~ 1 + (1 | cluster), family = binomial, data = fam, nAGQ = j$nagq[i])\n"
                + "  sd <- sqrt(as.numeric(VarCorr(f)$cluster))\n"
                + "  dev <- -2 * as.numeric(logLik(f))\n"
                + "  se <- sqrt(vcov(f)[1, 1])\n"
                + "  icc <- sd^2 / (sd^2 + pi^2 / 3)\n"
                + "  cat(sprintf('nAGQ %d: R sd_u %.7f b0 %.7f se %.7f deviance %.6f icc %.6f (default control: sd_u %.7f deviance %.6f);"
                + " Java sd_u %.7f b0 %.7f se %.7f deviance %.6f icc %.6f; %d clusters\\n', j$nagq[i], sd, fixef(f), se, dev, icc,"
                + " sqrt(as.numeric(VarCorr(plain)$cluster)), -2 * as.numeric(logLik(plain)), j$sd[i], j$b0[i], j$se[i],"
                + " j$deviance[i], j$icc[i], nlevels(fam$cluster)))\n"
                + "  devfun <- glmer(dropout ~ 1 + (1 | cluster), family = binomial, data = fam, nAGQ = j$nagq[i], control = ctl,"
                + " devFunOnly = TRUE)\n"
                + "  at <- devfun(c(j$sd[i], j$b0[i]))\n"
                + "  cat(sprintf('  lme4 deviance at the Java estimate %.8f, Java %.8f\\n', at, j$deviance[i]))\n"
                + "  stopifnot(abs(at - j$deviance[i]) < 1e-5, dev - j$deviance[i] > -1e-6, dev - j$deviance[i] < 1e-4,"
                + " abs(sd - j$sd[i]) < 1e-4, abs(fixef(f) - j$b0[i]) < 1e-5,"
                + " abs(se / j$se[i] - 1) < 1e-3, abs(icc - j$icc[i]) < 1e-5)\n"
                + "  if (i == 1) {\n"
                + "    ci <- confint(f, parm = '.sig01', method = 'profile', quiet = TRUE)\n"
                + "    cat(sprintf('profile interval of sd_u: R [%.5f, %.5f], Java [%.5f, %.5f]\\n', ci[1], ci[2], j$sd_lower[1], j$sd_upper[1]))\n"
                + "    stopifnot(abs(ci[1] - j$sd_lower[1]) < 1e-3, abs(ci[2] - j$sd_upper[1]) < 1e-3)\n"
                + "  }\n"
                + "}\n";
        return ExternalProgram.rscript(dir, "glmer-check.R", script, "R glmer check (sd_u shifted by " + shift + ")");
    }
}
