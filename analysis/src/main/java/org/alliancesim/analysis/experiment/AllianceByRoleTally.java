package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.experiment.ExperimentResult.Series;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;

/**
 * Member alliance after each session, by role and over all members (needs session detail): a
 * replication sums it per session and role; {@link #merge} keeps each replication's means, and the
 * snapshot is their mean over replications with a 95% interval.
 */
public final class AllianceByRoleTally implements Tally<AllianceByRoleTally, AllianceByRoleTally.Values> {

    /** The kind of this tally. */
    public static final Tally.Kind<AllianceByRoleTally> KIND = new Tally.Kind<>("alliance by role",
            AllianceByRoleTally::new);

    private static final Role[] ROLES = Role.values();

    /**
     * The run's series.
     *
     * @param byRole one series per role somebody had, named as the CSVs write the role ({@code other_adult})
     * @param allMembers every member together (weighted by members), unnamed ({@link #allMembers(String)})
     */
    public record Values(List<Series> byRole, Series allMembers) {

        public Values {
            byRole = List.copyOf(byRole);
        }

        /** The all-members series under {@code name}. */
        public Series allMembers(String name) {
            return new Series(name, allMembers.sessions(), allMembers.mean(), allMembers.lower(), allMembers.upper());
        }
    }

    private final int sessionLimit;
    /** [session][role ordinal]: sum and count of member alliance after the session. */
    private final double[][] sum;
    private final long[][] count;
    private final PerSession merged;

    private AllianceByRoleTally(int sessionLimit) {
        this.sessionLimit = sessionLimit;
        this.sum = new double[sessionLimit + 1][ROLES.length];
        this.count = new long[sessionLimit + 1][ROLES.length];
        this.merged = new PerSession(sessionLimit);
    }

    @Override
    public void courseEnded(org.alliancesim.model.CourseRecord course) {
        // Per session only.
    }

    @Override
    public void sessionAttended(SessionRecord s) {
        int t = s.session();
        for (MemberSession m : s.members()) {
            sum[t][m.role().ordinal()] += m.alliance();
            count[t][m.role().ordinal()]++;
        }
    }

    @Override
    public void merge(AllianceByRoleTally later) {
        // [role 0..k-1, then all members][session]
        double[][] v = new double[ROLES.length + 1][sessionLimit + 1];
        for (int t = 0; t <= sessionLimit; t++) {
            double all = 0;
            long n = 0;
            for (int k = 0; k < ROLES.length; k++) {
                v[k][t] = PerSession.mean(later.sum[t][k], later.count[t][k]);
                all += later.sum[t][k];
                n += later.count[t][k];
            }
            v[ROLES.length][t] = PerSession.mean(all, n);
        }
        merged.add(v);
    }

    @Override
    public Values snapshot() {
        List<Series> byRole = new ArrayList<>();
        for (Role role : ROLES) {
            Series s = merged.series(role.name().toLowerCase(Locale.ROOT), role.ordinal());
            if (s.sessions().length > 0) {
                byRole.add(s);
            }
        }
        return new Values(byRole, merged.series("", ROLES.length));
    }
}
