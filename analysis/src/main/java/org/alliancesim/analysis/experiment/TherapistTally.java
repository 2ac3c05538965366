package org.alliancesim.analysis.experiment;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.TherapistProfile;

/**
 * One replication's courses summed per therapist, in memory proportional to the therapists (not the
 * families): families, dropouts, improvement (sum and sum of squares), and, among the families who did
 * not drop out, how many ended without reliable improvement. Filled on the replication's worker
 * thread; the rows of therapists.csv and the therapist statistics of the validation set
 * ({@code analysis.validation}) read it afterwards.
 *
 * <p>A {@link Tally}: {@link #merge} adds a later replication's therapists as further therapists
 * (numbered on after this tally's: each replication draws its own therapists), so a merged tally
 * holds every therapist of the run, a cluster each; {@link #snapshot} lists them. Not thread-safe:
 * one per replication ({@link MetricsTally} keeps one for the therapist share of dropout).
 */
public final class TherapistTally implements Tally<TherapistTally, List<TherapistTally.Therapist>> {

    /** The kind of this tally. */
    public static final Tally.Kind<TherapistTally> KIND = new Tally.Kind<>("therapists", limit -> new TherapistTally());

    /**
     * One therapist's courses.
     *
     * @param id the therapist's number in the tally (in a merged tally, numbered on across replications)
     * @param type the therapist's type, or null when no course of theirs was heard
     * @param families families the therapist treated
     * @param dropouts of those, the families who dropped out
     * @param stayers the families who did not drop out
     * @param stayersUnimproved of the stayers, those who ended without reliable improvement
     * @param improvementSum sum of the families' improvement
     * @param improvementSquares sum of its squares
     * @param profile the qualities drawn for the therapist, or null when none were heard
     */
    public record Therapist(int id, String type, int families, int dropouts, int stayers, int stayersUnimproved,
            double improvementSum, double improvementSquares, TherapistProfile profile) {}

    /** therapists.csv header: the counts, then the qualities drawn for the therapist (docs/outputs.md). */
    public static final String HEADER =
            "replication,therapist_id,therapist_type,families,dropouts,dropout_share,mean_improvement,"
                    + "warmth,empathy,genuineness,consistency,repair_skill,balance,engagement,focus\n";

    /** Each therapist's drawn qualities, by id (null where not heard: written as empty cells). */
    private TherapistProfile[] drawn = new TherapistProfile[16];

    private String[] type = new String[16];
    private int[] families = new int[16];
    private int[] dropouts = new int[16];
    private int[] stayers = new int[16];
    private int[] stayersUnimproved = new int[16];
    private double[] improvement = new double[16];
    private double[] improvementSquares = new double[16];
    private int size;

    /** Counts one ended course ({@link #add}). */
    @Override
    public void courseEnded(CourseRecord c) {
        add(c);
    }

    /** Records the qualities drawn for a therapist ({@link #drawn}). */
    @Override
    public void therapistDrawn(TherapistProfile t) {
        drawn(t);
    }

    /** Counts one course; courses never assigned a therapist (id -1) are left out. */
    public void add(CourseRecord c) {
        int t = c.therapistId();
        if (t < 0) {
            return;
        }
        if (t >= type.length) {
            grow(Math.max(t + 1, 2 * type.length));
        }
        size = Math.max(size, t + 1);
        type[t] = c.therapistType();
        families[t]++;
        boolean dropout = c.endReason() == EndReason.DROPOUT;
        dropouts[t] += dropout ? 1 : 0;
        if (!dropout) {
            stayers[t]++;
            stayersUnimproved[t] += c.reliableImprovement() ? 0 : 1;
        }
        improvement[t] += c.improvement();
        improvementSquares[t] += c.improvement() * c.improvement();
    }

    /** Records the qualities drawn for a therapist (heard before any of their courses ends). */
    public void drawn(TherapistProfile t) {
        int id = t.therapistId();
        if (id >= drawn.length) {
            drawn = Arrays.copyOf(drawn, Math.max(id + 1, 2 * drawn.length));
        }
        drawn[id] = t;
    }

    /** The qualities drawn for {@code therapist}, or null when none were heard. */
    public TherapistProfile profile(int therapist) {
        return therapist < drawn.length ? drawn[therapist] : null;
    }

    /**
     * One past the highest therapist id seen (ids without families have 0 families); in a merged
     * tally, every therapist of the replications merged, those drawn without a course too.
     */
    public int therapists() {
        return size;
    }

    public int families(int therapist) {
        return families[therapist];
    }

    public int dropouts(int therapist) {
        return dropouts[therapist];
    }

    /** Families of the therapist who did not drop out (completed, or censored at the horizon). */
    public int stayers(int therapist) {
        return stayers[therapist];
    }

    /** Of {@link #stayers(int)}, those who ended without reliable improvement. */
    public int stayersUnimproved(int therapist) {
        return stayersUnimproved[therapist];
    }

    /** Sum of the therapist's families' improvement. */
    public double improvementSum(int therapist) {
        return improvement[therapist];
    }

    /** Sum of the squares of the therapist's families' improvement. */
    public double improvementSquares(int therapist) {
        return improvementSquares[therapist];
    }

    /**
     * Adds a later replication's therapists after this tally's: its therapist {@code t} becomes
     * therapist {@code therapists() + t} here, with their courses and drawn qualities.
     */
    @Override
    public void merge(TherapistTally later) {
        int offset = extent();
        int count = later.extent();
        int total = offset + count;
        if (total > type.length) {
            grow(total);
        }
        if (total > drawn.length) {
            drawn = Arrays.copyOf(drawn, total);
        }
        System.arraycopy(later.drawn, 0, drawn, offset, Math.min(count, later.drawn.length));
        System.arraycopy(later.type, 0, type, offset, Math.min(count, later.type.length));
        System.arraycopy(later.families, 0, families, offset, Math.min(count, later.families.length));
        System.arraycopy(later.dropouts, 0, dropouts, offset, Math.min(count, later.dropouts.length));
        System.arraycopy(later.stayers, 0, stayers, offset, Math.min(count, later.stayers.length));
        System.arraycopy(later.stayersUnimproved, 0, stayersUnimproved, offset,
                Math.min(count, later.stayersUnimproved.length));
        System.arraycopy(later.improvement, 0, improvement, offset, Math.min(count, later.improvement.length));
        System.arraycopy(later.improvementSquares, 0, improvementSquares, offset,
                Math.min(count, later.improvementSquares.length));
        size = total;
    }

    /** One past the highest therapist heard of: with a course, or drawn though no course of theirs ended. */
    private int extent() {
        for (int t = drawn.length - 1; t >= size; t--) {
            if (drawn[t] != null) {
                return t + 1;
            }
        }
        return size;
    }

    /** Every therapist counted, by number (those without families too, with 0 families). */
    @Override
    public List<Therapist> snapshot() {
        List<Therapist> out = new ArrayList<>(size);
        for (int t = 0; t < size; t++) {
            out.add(new Therapist(t, type[t], families[t], dropouts[t], stayers[t], stayersUnimproved[t], improvement[t],
                    improvementSquares[t], profile(t)));
        }
        return List.copyOf(out);
    }

    /** Writes one therapists.csv row per therapist with at least one family, in id order (no header). */
    public void write(Writer w, int replication) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < size; t++) {
            if (families[t] == 0) {
                continue;
            }
            sb.append(replication).append(',').append(t).append(',').append(Csv.text(type[t])).append(',')
                    .append(families[t]).append(',').append(dropouts[t]).append(',');
            Csv.append(sb, (double) dropouts[t] / families[t]).append(',');
            Csv.append(sb, improvement[t] / families[t]);
            TherapistProfile q = profile(t);
            if (q == null) {
                sb.append(",,,,,,,,");
            } else {
                for (double x : new double[] {q.warmth(), q.empathy(), q.genuineness(), q.consistency(),
                    q.repairSkill(), q.balance(), q.engagement(), q.focus()}) {
                    Csv.append(sb.append(','), x);
                }
            }
            sb.append('\n');
        }
        w.append(sb);
    }

    private void grow(int c) {
        type = Arrays.copyOf(type, c);
        families = Arrays.copyOf(families, c);
        dropouts = Arrays.copyOf(dropouts, c);
        stayers = Arrays.copyOf(stayers, c);
        stayersUnimproved = Arrays.copyOf(stayersUnimproved, c);
        improvement = Arrays.copyOf(improvement, c);
        improvementSquares = Arrays.copyOf(improvementSquares, c);
    }
}
