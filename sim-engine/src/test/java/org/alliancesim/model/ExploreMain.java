package org.alliancesim.model;

/** Scratch: prints the calibration statistics of the defaults. Not a test. */
final class ExploreMain {
    public static void main(String[] args) {
        ModelParameters p = ModelParameters.defaults();
        long t0 = System.nanoTime();
        CourseTally t = CourseTally.run(p, Long.parseLong(args.length > 0 ? args[0] : "1"), 20);
        long t1 = System.nanoTime();
        System.out.println(t.summary());
        System.out.printf("memberSessions=%d in %.3fs%n", t.memberSessions, (t1 - t0) / 1e9);
        for (Referral r : Referral.values()) {
            var drop = t.where(c -> c.referral() == r && c.endReason() == EndReason.DROPOUT);
            System.out.printf("%s early share %.3f%n", r, CourseTally.share(drop, c -> c.sessionsAttended() <= 2));
        }
    }
}
