package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/** Therapists as individuals drawn from their type. */
class TherapistTest {

    @Test
    void qualitiesAreDrawnAroundTheTypeWithSdAboutTheSpread() {
        // 5000 therapists of one type (warmth 0.7, spread 0.1) from their own keyed streams: the
        // type's value is their median (logit-normal). Error budget: the standard error of the
        // median is about 0.0017, so the tolerance of 0.01 is 6 standard errors; the sd's relative
        // standard error is about 1%, the band about +-6%.
        TherapistType type = Variants.experienced();
        Dynamics d = Dynamics.defaults();
        RandomStreams streams = RandomStreams.of(20261201L);
        int n = 5000;
        double sum = 0;
        double sq = 0;
        double[] all = new double[n];
        for (int j = 0; j < n; j++) {
            Therapist t = new Therapist(j, type, d,
                    ZigguratSampler.NormalizedGaussian.of(streams.stream(0, j, "therapist")));
            assertTrue(t.warmth > 0 && t.warmth < 1 && t.repairSkill > 0 && t.repairSkill < 1);
            all[j] = t.warmth;
            sum += t.warmth;
            sq += t.warmth * t.warmth;
        }
        double mean = sum / n;
        double sd = Math.sqrt((sq - n * mean * mean) / (n - 1));
        java.util.Arrays.sort(all);
        double median = (all[n / 2 - 1] + all[n / 2]) / 2;
        System.out.printf("warmth of 5000 therapists of type 0.7, spread 0.1: median %.4f, mean %.4f, sd %.4f%n",
                median, mean, sd);
        assertEquals(0.7, median, 0.01);
        assertTrue(sd > 0.094 && sd < 0.106, "sd " + sd);
    }

    @Test
    void zeroSpreadAndQualitiesAtTheBoundsAreKept() {
        assertEquals(0.4, Therapist.individual(0.4, 0, 2.5));
        assertEquals(0.0, Therapist.individual(0.0, 0.3, 2.5));
        assertEquals(1.0, Therapist.individual(1.0, 0.3, -2.5));
        assertTrue(Therapist.individual(0.4, 0.1, 1) > 0.4 && Therapist.individual(0.4, 0.1, -1) < 0.4);
    }

    /**
     * Therapist effects emerge: with therapists of one type drawn with a spread, dropout varies
     * between therapists more than it does among identical therapists (the ANOVA intraclass
     * correlation of dropout within therapists' caseloads, 40 therapists of 100 families per
     * replication, paired over 12 replications; error budget in {@link Paired}).
     */
    @Test
    void therapistEffectsOnDropoutEmergeFromIndividualDifferences() {
        TherapistType alike = Variants.with(Variants.with(Variants.experienced(), "caseload", 100), "spread", 0.0);
        ModelParameters base = Variants.withSkills(Variants.base(4000), Variants.NO_SKILLS);
        ModelParameters identical = Variants.onlyTherapist(base, alike);
        ModelParameters individuals = Variants.onlyTherapist(base, Variants.with(alike, "spread", 0.25));
        Paired icc = Paired.of(identical, individuals, TherapistTest::dropoutIcc, 12, 909);
        System.out.println("ICC of dropout within therapists, identical -> individual therapists: " + icc);
        assertTrue(icc.positive(), icc.toString());
        assertTrue(Math.abs(icc.meanA) < 0.005, "identical therapists show no therapist effect: " + icc.meanA);
    }

    /** ANOVA estimate of the share of dropout variance between therapists (one replication). */
    static double dropoutIcc(CourseTally t) {
        Map<Integer, int[]> byTherapist = new HashMap<>();
        for (CourseRecord c : t.courses) {
            int[] a = byTherapist.computeIfAbsent(c.therapistId(), k -> new int[2]);
            a[0]++;
            a[1] += c.endReason() == EndReason.DROPOUT ? 1 : 0;
        }
        int k = byTherapist.size();
        double n = 0;
        double dropouts = 0;
        double sumSquares = 0;
        for (int[] a : byTherapist.values()) {
            n += a[0];
            dropouts += a[1];
            sumSquares += (double) a[0] * a[0];
        }
        double p = dropouts / n;
        double between = 0;
        double within = 0;
        for (int[] a : byTherapist.values()) {
            double pj = (double) a[1] / a[0];
            between += a[0] * (pj - p) * (pj - p);
            within += a[1] * (1 - pj);
        }
        double msb = between / (k - 1);
        double msw = within / (n - k);
        double n0 = (n - sumSquares / n) / (k - 1);
        return (msb - msw) / (msb + (n0 - 1) * msw);
    }

    /**
     * The two skills: a therapist's engagement work is engagementSd z_R; their focus is
     * exp(outcomeSd z_O) with z_O correlated with z_R by the correlation parameter; the retention
     * skill moves warmth and repair skill with z_R. 4000 therapists: the sample correlation's
     * standard error is about 0.016 (bounds at 5 se); the sd of log focus about 0.3 +- 0.004.
     * Fails if the skills are drawn from the quality normals, ignore their parameters, or the
     * correlation is applied with the wrong sign.
     */
    @Test
    void retentionAndOutcomeSkillsAreDrawnWithTheirCorrelation() {
        TherapistType type = Variants.experienced();
        for (double rho : new double[] {-0.6, 0.0, 0.6}) {
            Dynamics d = Variants.withSkills(Variants.base(10), new Dynamics.Skills(0.1, 2.0, 0.3, rho)).dynamics();
            int n = 4000;
            double[] engagement = new double[n];
            double[] logFocus = new double[n];
            double[] warmth = new double[n];
            RandomStreams streams = RandomStreams.of(77);
            for (int j = 0; j < n; j++) {
                Therapist th = new Therapist(j, type, d,
                        ZigguratSampler.NormalizedGaussian.of(streams.stream(0, j, "therapist")));
                engagement[j] = th.engagement;
                logFocus[j] = Math.log(th.focus);
                warmth[j] = th.warmth;
            }
            double r = correlation(engagement, logFocus);
            System.out.printf("skills correlation %.1f: sample %.3f, sd log focus %.3f, sd engagement %.3f%n", rho, r,
                    sd(logFocus), sd(engagement));
            assertEquals(rho, r, 0.08, "correlation of the skills");
            assertEquals(0.3, sd(logFocus), 0.02);
            assertEquals(2.0, sd(engagement), 0.12);
            // The retention skill also moves the relational qualities: warmth rises with it.
            assertTrue(correlation(engagement, warmth) > 0.5, "warmth follows the retention skill");
        }
        Therapist plain = new Therapist(0, type, Variants.withSkills(Variants.base(10), Variants.NO_SKILLS).dynamics(),
                ZigguratSampler.NormalizedGaussian.of(RandomStreams.of(77).stream(0, 0, "therapist")));
        assertEquals(0.0, plain.engagement);
        assertEquals(1.0, plain.focus);
    }

    private static double sd(double[] x) {
        double m = java.util.Arrays.stream(x).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }

    private static double correlation(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
        }
        return sxy / (x.length - 1) / (sd(x) * sd(y));
    }
}
