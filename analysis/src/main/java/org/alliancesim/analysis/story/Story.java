package org.alliancesim.analysis.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Referral;
import org.alliancesim.model.Replication;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The course of one family, told session by session for teaching: who felt what, the challenge,
 * each member's alliance before and after, ruptures and repairs, and why the course ended.
 *
 * <p>The family is family {@code k} of replication 0 of the scenario with its seed: the same family
 * that row {@code replication=0, family_id=k} of a {@code run}'s families.csv describes.
 */
public final class Story {

    private final String scenario;
    private final CourseRecord course;
    private final List<SessionRecord> sessions;
    private final ModelParameters model;

    private Story(String scenario, ModelParameters model, CourseRecord course, List<SessionRecord> sessions) {
        this.scenario = scenario;
        this.model = model;
        this.course = course;
        this.sessions = sessions;
    }

    /**
     * Simulates replication 0 and keeps family {@code family}'s course.
     *
     * @throws IllegalArgumentException if there is no such family
     */
    public static Story of(String scenario, ModelParameters model, long seed, int family) {
        List<SessionRecord> sessions = new ArrayList<>();
        CourseRecord[] course = new CourseRecord[1];
        Replication.run(model, RandomStreams.of(seed), 0, new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {
                if (c.familyId() == family) {
                    course[0] = c;
                }
            }

            @Override
            public void sessionAttended(SessionRecord s) {
                if (s.familyId() == family) {
                    sessions.add(s);
                }
            }
        }, true);
        if (course[0] == null) {
            throw new IllegalArgumentException("no family " + family + " in replication 0 (it has families 0 to "
                    + (model.run().families() - 1) + ")");
        }
        return new Story(scenario, model, course[0], List.copyOf(sessions));
    }

    /**
     * The story of a course already run (the classroom's practice screen steps it with
     * {@code CourseStepper}): its course record and its sessions, in order.
     */
    public static Story of(String scenario, ModelParameters model, CourseRecord course, List<SessionRecord> sessions) {
        return new Story(scenario, model, course, List.copyOf(sessions));
    }

    public CourseRecord course() {
        return course;
    }

    public List<SessionRecord> sessions() {
        return sessions;
    }

    /** A readable name for each member: "Parent A", "the adolescent (identified patient)", ... */
    public List<String> memberNames() {
        return memberNames(model.families().stream().filter(t -> t.name().equals(course.familyType())).findFirst()
                .orElseThrow().roles());
    }

    /** A readable name for each member of a family with these roles, in order ("Parent A", "Adolescent", ...). */
    public static List<String> memberNames(List<Role> roles) {
        List<String> names = new ArrayList<>();
        int[] seen = new int[Role.values().length];
        long[] total = new long[Role.values().length];
        roles.forEach(r -> total[r.ordinal()]++);
        for (int i = 0; i < roles.size(); i++) {
            Role r = roles.get(i);
            int k = seen[r.ordinal()]++;
            String base = switch (r) {
                case PARENT -> "Parent";
                case ADOLESCENT -> "Adolescent";
                case CHILD -> "Child";
                case OTHER_ADULT -> "Partner";
            };
            names.add(total[r.ordinal()] > 1 ? base + " " + (char) ('A' + k) : base);
        }
        return names;
    }

    /**
     * The story's structure: the family and its therapist, each session (the therapist's support
     * and challenge, and what happened to each member), and how the course ended; {@link #text()}
     * is its rendering.
     *
     * @param header the family and the therapist
     * @param sessions the sessions attended, in order
     * @param ending why the course ended
     * @param members each member's readable name, in member order
     */
    public record Telling(Header header, List<Session> sessions, Ending ending, List<String> members) {

        /** Copies the lists. */
        public Telling {
            sessions = List.copyOf(sessions);
            members = List.copyOf(members);
        }

        /** The narrative, as plain text lines: the header, a blank line before each session and before the ending. */
        public String text() {
            StringBuilder sb = new StringBuilder(header.text());
            for (Session s : sessions) {
                sb.append('\n').append(s.text());
            }
            return sb.append('\n').append(ending.text()).append('\n').toString();
        }
    }

    /**
     * Who the family and the therapist are.
     *
     * @param familyId the family's number in replication 0
     * @param scenario the scenario's name
     * @param familyType the family's type
     * @param size the number of members
     * @param involuntary whether the family was referred against its wishes
     * @param conflict family conflict at intake, 0..1
     * @param prepared whether the family was prepared for the setting
     * @param therapistId the therapist's number
     * @param therapistType the therapist's type
     * @param experience the therapist's experience, in words ("none" if not given)
     * @param waitDays days waited for a first session
     */
    public record Header(int familyId, String scenario, String familyType, int size, boolean involuntary,
            double conflict, boolean prepared, int therapistId, String therapistType, String experience,
            double waitDays) {

        /** The header's line, and a line on the wait when it was longer than half a day. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            line(sb, "Family %d of scenario '%s' (%s): %d members, %s referral, conflict %.2f%s; therapist %d (type '%s', %s).",
                    familyId, scenario, familyType, size, involuntary ? "an involuntary" : "a voluntary", conflict,
                    prepared ? ", prepared for the setting" : "", therapistId, therapistType, experience);
            if (waitDays > 0.5) {
                line(sb, "They waited %.0f days for a first session.", waitDays);
            }
            return sb.toString();
        }
    }

    /**
     * One session attended.
     *
     * @param session the session's number, from 1
     * @param day the day it took place
     * @param support the therapist's support, 0..1
     * @param challenge the challenge, 0..2
     * @param novelty how much the observation setting still unsettled the family
     * @param members what each member felt, in member order
     * @param sharedPurpose the family's shared purpose after it, -3..3
     * @param split the spread of the members' alliances after it
     * @param improvement improvement so far
     */
    public record Session(int session, double day, double support, double challenge, double novelty,
            List<Member> members, double sharedPurpose, double split, double improvement) {

        /** Copies the list. */
        public Session {
            members = List.copyOf(members);
        }

        /** The session's line, a line for each member and one for the family. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            line(sb, "Session %d (day %.0f): the therapist's support was %s (%.2f) and the challenge %s (%.2f)%s.",
                    session, day, supportWord(support), support, challengeWord(challenge), challenge,
                    novelty > 0.05 ? String.format(Locale.ROOT,
                            "; the observation setting still unsettled them (novelty %.2f)", novelty) : "");
            for (Member m : members) {
                sb.append(m.text());
            }
            line(sb, "  Family: shared purpose %.2f, split between members %.2f, improvement so far %.2f.",
                    sharedPurpose, split, improvement);
            return sb.toString();
        }
    }

    /**
     * What happened to one member in a session: the discomfort felt against what their alliance
     * could hold, a rupture and whether it was repaired, and their alliance before and after.
     *
     * @param name the member's readable name
     * @param identifiedPatient whether the member is the identified patient
     * @param discomfort the discomfort felt
     * @param capacity the discomfort their alliance could hold
     * @param rupture whether the discomfort broke the alliance (a rupture)
     * @param repaired whether the therapist repaired the rupture
     * @param allianceBefore the member's alliance before the session
     * @param alliance the member's alliance after it
     */
    public record Member(String name, boolean identifiedPatient, double discomfort, double capacity, boolean rupture,
            boolean repaired, double allianceBefore, double alliance) {

        /** Whether the discomfort, held, became therapeutic work (more than 0.5) rather than a supportive session. */
        public boolean work() {
            return discomfort > 0.5;
        }

        /** The member's line. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            String who = name + (identifiedPatient ? " (identified patient)" : "");
            if (!rupture) {
                line(sb, "  %s felt %s discomfort (%.2f, could hold %.2f): %s; alliance %.2f -> %.2f.", who,
                        discomfortWord(discomfort), discomfort, capacity,
                        work() ? "it became therapeutic work" : "a supportive session", allianceBefore, alliance);
            } else if (repaired) {
                line(sb, "  %s felt %.2f of discomfort, more than their alliance could hold (%.2f): a rupture."
                        + " The therapist repaired it, and the resistance became information: alliance %.2f -> %.2f.",
                        who, discomfort, capacity, allianceBefore, alliance);
            } else {
                line(sb, "  %s felt %.2f of discomfort, more than their alliance could hold (%.2f): a rupture that"
                        + " was not repaired. Trust fell: alliance %.2f -> %.2f.", who, discomfort, capacity,
                        allianceBefore, alliance);
            }
            return sb.toString();
        }
    }

    /**
     * How the course ended.
     *
     * @param reason why
     * @param endSession the session the course ended at (for a dropout: the one the family did not come to)
     * @param improvement improvement at the end
     * @param reliable whether the improvement was reliable
     * @param noShows sessions missed by not coming
     * @param waitDays days waited for a first session
     * @param endDay the day the course ended
     * @param sessionsAttended sessions attended
     * @param weighedOn for a dropout, what weighed on the family's decision (empty: nothing stood out)
     */
    public record Ending(EndReason reason, int endSession, double improvement, boolean reliable, int noShows,
            double waitDays, double endDay, int sessionsAttended, List<String> weighedOn) {

        /** Copies the list. */
        public Ending {
            weighedOn = List.copyOf(weighedOn);
        }

        /** The ending's paragraph (one line, no line break). */
        public String text() {
            String missed = noShows > 0 ? String.format(Locale.ROOT, " They missed %d session%s along the way.",
                    noShows, noShows == 1 ? "" : "s") : "";
            return switch (reason) {
                case GOALS_MET -> String.format(Locale.ROOT, "The course ended after session %d: the family felt good"
                        + " enough (improvement %.2f reached their own goal) and stopped, goals met.%s", endSession,
                        improvement, missed);
                case SESSION_LIMIT -> String.format(Locale.ROOT, "The course ended at the session limit (%d sessions),"
                        + " improvement %.2f%s.%s", endSession, improvement,
                        reliable ? ", a reliable improvement" : ", short of reliable improvement", missed);
                case DROPOUT -> String.format(Locale.ROOT, "The family did not come back for session %d: a dropout."
                        + " %s%s", endSession, weighedOn.isEmpty() ? "Nothing in the family's state stood out: the"
                        + " dropout hazard is never zero, and the family's practical barriers (distance, schedules),"
                        + " which this story does not show, weigh on it too."
                        : "What weighed on it: " + String.join("; ", weighedOn) + ".", missed);
                case WAITLIST_DROPOUT -> String.format(Locale.ROOT, "The family gave up on the waitlist after %.0f days,"
                        + " before any session.", waitDays);
                case CENSORED -> String.format(Locale.ROOT, "The simulation's horizon came first (day %.0f), after %d"
                        + " sessions.", endDay, sessionsAttended);
            };
        }
    }

    /** The story's structure (its text is {@link Telling#text()}). */
    public Telling telling() {
        List<String> names = memberNames();
        CourseRecord c = course;
        Header header = new Header(c.familyId(), scenario, c.familyType(), c.size(), c.referral() == Referral.INVOLUNTARY,
                c.conflict(), c.prepared(), c.therapistId(), c.therapistType(), lower(c.therapistExperience()),
                c.waitDays());
        List<Session> told = new ArrayList<>();
        for (SessionRecord s : sessions) {
            List<Member> members = new ArrayList<>();
            for (MemberSession m : s.members()) {
                members.add(new Member(names.get(m.memberId()), m.identifiedPatient(), m.discomfort(), m.capacity(),
                        m.rupture(), m.repaired(), m.allianceBefore(), m.alliance()));
            }
            told.add(new Session(s.session(), s.day(), s.support(), s.challenge(), s.novelty(), members,
                    s.sharedPurpose(), s.split(), s.improvement()));
        }
        Ending ending = new Ending(c.endReason(), c.endSession(), c.improvement(), c.reliableImprovement(), c.noShows(),
                c.waitDays(), c.endDay(), c.sessionsAttended(),
                c.endReason() == EndReason.DROPOUT ? dropoutReasons() : List.of());
        return new Telling(header, told, ending, names);
    }

    /** The narrative, as plain text lines: {@link #telling()} rendered. */
    public String text() {
        return telling().text();
    }

    /**
     * What weighed on the family's decision not to come. Under the model a dropout has no direct
     * cause: the hazard reads only the family's state (the decision-weighted alliance, shared
     * purpose, split, practical barriers and the days waited), so every reason named here is a
     * state, or a situation that reached the hazard through the state it changed.
     */
    private List<String> dropoutReasons() {
        List<String> why = new ArrayList<>();
        SessionRecord last = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
        if (last != null) {
            why.add(String.format(Locale.ROOT, "the alliance of those who decide whether the family comes"
                    + " (each weighted by their say in it) ended at %.2f", decidingAlliance(last)));
            if (last.members().stream().anyMatch(m -> m.rupture() && !m.repaired())) {
                why.add("trust had fallen after an unrepaired rupture in the last session");
            }
            if (last.sharedPurpose() < 0) {
                why.add(String.format(Locale.ROOT, "the family's shared sense of purpose was low (%.2f)",
                        last.sharedPurpose()));
            }
            if (last.split() > 1) {
                why.add(String.format(Locale.ROOT, "the family was split (spread %.2f)", last.split()));
            }
        }
        if (course.waitDays() > 30) {
            why.add(String.format(Locale.ROOT, "they had waited %.0f days for a first session", course.waitDays()));
        }
        if (course.referral() == Referral.INVOLUNTARY && course.endSession() <= 4) {
            why.add("they had been sent involuntarily, so they began with less trust and less shared purpose");
        }
        if (course.therapistExperience() != null && course.therapistExperience().name().equals("NOVICE")
                && course.conflict() > 0.6) {
            why.add("a novice therapist was facing a high-conflict family, which costs support and repairs");
        }
        return why;
    }

    /** The members' alliance weighted by their say in attendance, as the dropout hazard reads it. */
    private double decidingAlliance(SessionRecord s) {
        double weighted = 0;
        double weights = 0;
        for (MemberSession m : s.members()) {
            double w = model.dynamics().start().decisionWeight().of(m.role());
            weighted += w * m.alliance();
            weights += w;
        }
        return weights > 0 ? weighted / weights
                : s.members().stream().mapToDouble(MemberSession::alliance).average().orElse(Double.NaN);
    }

    /** The members' alliance over sessions. */
    public JFreeChart chart() {
        return chart(Integer.MAX_VALUE);
    }

    /** The members' alliance over the sessions up to {@code upto} (for stepping through a course). */
    public JFreeChart chart(int upto) {
        List<String> names = memberNames();
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < course.size(); i++) {
            XYSeries s = new XYSeries(names.get(i));
            for (SessionRecord r : sessions) {
                if (r.session() > upto) {
                    break;
                }
                MemberSession m = r.members().get(i);
                if (r.session() == 1) {
                    s.add(0, m.allianceBefore());
                }
                s.add(r.session(), m.alliance());
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        NumberAxis x = new NumberAxis("session (0 = before the first)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0, Math.max(1, sessions.isEmpty() ? 1 : sessions.get(sessions.size() - 1).session()));
        NumberAxis y = new NumberAxis("alliance (SOFTA, -3 to +3)");
        y.setRange(-3, 3);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        String title = "Family " + course.familyId() + ": alliance of each member";
        String subtitle = scenario + ", " + course.familyType() + "; ended: " + lower(course.endReason())
                + " at session " + course.endSession();
        return Charts.styled(title, subtitle, plot, course.size());
    }

    private static void line(StringBuilder sb, String fmt, Object... args) {
        sb.append(String.format(Locale.ROOT, fmt, args)).append('\n');
    }

    private static String lower(Enum<?> e) {
        return e == null ? "none" : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String supportWord(double s) {
        return s >= 0.75 ? "warm" : s >= 0.55 ? "steady" : s >= 0.4 ? "uneven" : "cool";
    }

    private static String challengeWord(double c) {
        return c >= 1.0 ? "high" : c >= 0.5 ? "moderate" : c > 0.1 ? "gentle" : "none";
    }

    private static String discomfortWord(double d) {
        return d >= 1.5 ? "strong" : d >= 0.9 ? "real" : d >= 0.4 ? "some" : "little";
    }

}
