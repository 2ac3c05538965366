package org.alliancesim.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.alliancesim.model.ClinicSpec;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.RunMode;
import org.alliancesim.model.RunSpec;
import org.junit.jupiter.api.Test;

/** What a study's data set looks like: schedule, missing data, follow-up, own random streams. */
class MeasurementTest {

    private static final ModelParameters MODEL = MeasuredData.model(300);

    private static Measurement.Result measure(MeasurementSpec spec) {
        return Measurement.of(spec, MeasuredData.SEED).measure(MODEL, 0);
    }

    private static MeasurementSpec spec(double nonresponse, FollowUp followUp) {
        MeasurementSpec d = MeasurementSpec.defaults();
        return new MeasurementSpec(true, d.softaO(), d.softaS(), d.outcome(), d.schedule(), nonresponse, followUp);
    }

    private static Map<Integer, Double> outcome(Measurement.Result r, String scale) {
        return r.measures().stream().filter(m -> m.instrument() == Instrument.OUTCOME && m.scale().equals(scale))
                .collect(Collectors.toMap(Measure::familyId, Measure::score));
    }

    @Test
    void dropoutsHaveNoEndMeasureAndCompletersDo() {
        Measurement.Result r = measure(spec(0, FollowUp.defaults()));
        Map<Integer, Double> end = outcome(r, "end");
        Map<Integer, Double> rci = outcome(r, "rci");
        int dropouts = 0;
        for (FamilyTruth t : r.families()) {
            if (!t.started()) {
                assertFalse(end.containsKey(t.familyId()), "a family that never started has no rows");
                continue;
            }
            boolean completed = t.endReason().isCompletion();
            assertEquals(completed, Double.isFinite(end.get(t.familyId())), t.toString());
            assertEquals(completed, Double.isFinite(rci.get(t.familyId())), t.toString());
            dropouts += t.dropout() ? 1 : 0;
        }
        assertTrue(dropouts > 50, "the default has dropouts: " + dropouts);
        assertTrue(outcome(r, "follow_up").isEmpty(), "no follow-up unless configured");
    }

    /**
     * A family that never started (it left the waitlist of an over-full clinic) is measured not at all: no
     * baseline, no rating, no end. The cohort above has no such family, so this clinic (12 referrals a week
     * for 3 therapists, as ReplicationTest's waitlist) makes them. Catches a recorder that measures a course
     * of 0 sessions ({@code sessionsAttended() > 0} as {@code >= 0}: the outcome's baseline and end rows appear).
     */
    @Test
    void familiesThatNeverStartedHaveNoRowsAtAll() {
        ModelParameters clinic = ModelParameters.defaults().withRun(new RunSpec(RunMode.CLINIC, 300, 730, 20))
                .withClinic(new ClinicSpec(12, 3, 0.05));
        Measurement.Result r = Measurement.of(spec(0, FollowUp.defaults()), MeasuredData.SEED).measure(clinic, 0);
        java.util.Set<Integer> measured = r.measures().stream().map(Measure::familyId).collect(Collectors.toSet());
        int never = 0;
        for (FamilyTruth t : r.families()) {
            if (t.started()) {
                assertTrue(measured.contains(t.familyId()), "a family that started is measured: " + t);
            } else {
                never++;
                assertFalse(measured.contains(t.familyId()), "a family that never started has no rows: " + t);
            }
        }
        assertTrue(never > 20, "the waitlist leaves families that never start: " + never);
    }

    /**
     * With the observers rating session 3 only and no outcome in treatment, a family that leaves after one or
     * two sessions has no session the recorder keeps: it gets its outcome baseline (and no rating), and the
     * recorder does not trip over the missing list of kept sessions (made to read it anyway, it throws).
     */
    @Test
    void aFamilyThatLeftBeforeItsFirstRatedSessionHasItsBaselineAndNoRating() {
        MeasurementSpec d = MeasurementSpec.defaults();
        MeasurementSpec late = new MeasurementSpec(true, d.softaO(), d.softaS(), d.outcome(),
                new Schedule(List.of(3), List.of(3), 0), 0, FollowUp.defaults());
        Measurement.Result r = Measurement.of(late, MeasuredData.SEED).measure(MODEL, 0);
        Map<Integer, Double> baseline = outcome(r, "baseline");
        java.util.Set<Integer> rated = r.measures().stream().filter(m -> m.instrument() == Instrument.SOFTA_O)
                .map(Measure::familyId).collect(Collectors.toSet());
        int early = 0;
        for (FamilyTruth t : r.families()) {
            if (t.started() && t.sessionsAttended() < 3) {
                early++;
                assertTrue(baseline.containsKey(t.familyId()), "baseline of " + t);
                assertFalse(rated.contains(t.familyId()), "no rating of " + t);
            }
        }
        assertTrue(early > 20, "families that left before session 3: " + early);
    }

    @Test
    void aFollowUpMeasuresEveryoneWhoStartedDropoutsToo() {
        Measurement.Result r = measure(spec(0, new FollowUp(12, 0)));
        Map<Integer, Double> followUp = outcome(r, "follow_up");
        Map<Integer, Double> baseline = outcome(r, "baseline");
        long dropouts = r.families().stream().filter(FamilyTruth::dropout).count();
        for (FamilyTruth t : r.families()) {
            if (t.started()) {
                assertTrue(Double.isFinite(followUp.get(t.familyId())), t.toString());
                assertEquals(ReliableChange.index(baseline.get(t.familyId()), followUp.get(t.familyId()), 0.7, 0.85),
                        outcome(r, "rci_follow_up").get(t.familyId()), 1e-12);
            }
        }
        assertTrue(dropouts > 50);
        // Half the follow-up questionnaires come back: 95% of binomial(n, .5) within 2 sd.
        Measurement.Result half = measure(spec(0, new FollowUp(12, 0.5)));
        long n = outcome(half, "follow_up").size();
        long missing = outcome(half, "follow_up").values().stream().filter(v -> Double.isNaN(v)).count();
        assertEquals(n / 2.0, missing, 3 * Math.sqrt(n / 4.0), missing + " of " + n);
    }

    @Test
    void theChangeIndexIsComputedFromTheObservedScores() {
        Measurement.Result r = measure(spec(0, FollowUp.defaults()));
        Map<Integer, Double> baseline = outcome(r, "baseline");
        Map<Integer, Double> end = outcome(r, "end");
        Map<Integer, Double> rci = outcome(r, "rci");
        int checked = 0;
        for (Map.Entry<Integer, Double> e : rci.entrySet()) {
            if (Double.isFinite(e.getValue())) {
                double b = baseline.get(e.getKey());
                double x = end.get(e.getKey());
                assertEquals((x - b) / (Math.sqrt(2) * 0.7 * Math.sqrt(1 - 0.85)), e.getValue(), 1e-12);
                checked++;
            }
        }
        assertTrue(checked > 100);
    }

    /** At baseline the observed score's squared correlation with its truth is r_xx (.85); n about 290, tolerance .05 (4 sd). */
    @Test
    void theOutcomesReliabilityHoldsAtBaseline() {
        Measurement.Result r = measure(spec(0, FollowUp.defaults()));
        Map<Integer, Double> baseline = outcome(r, "baseline");
        Map<String, Double> observed = new java.util.HashMap<>();
        Map<String, Double> truth = new java.util.HashMap<>();
        for (FamilyTruth t : r.families()) {
            if (t.started()) {
                observed.put("" + t.familyId(), baseline.get(t.familyId()));
                truth.put("" + t.familyId(), t.functioningBaseline());
            }
        }
        double rr = MeasuredData.pearson(observed, truth)[0];
        assertEquals(0.85, rr * rr, 0.05);
    }

    @Test
    void onlyScheduledSessionsAreRated() {
        Measurement.Result r = measure(spec(0, FollowUp.defaults()));
        assertEquals(List.of(1, 3), r.measures().stream().filter(m -> m.instrument() == Instrument.SOFTA_O)
                .map(Measure::session).distinct().sorted().toList());
        assertTrue(r.measures().stream().filter(m -> m.scale().equals("session")).allMatch(m -> m.session() % 4 == 0));
    }

    /** 2% item non-response: about 2% of SOFTA-s items are empty (n about 12,000; 4 sd about .5%). */
    @Test
    void itemNonResponseLeavesItemsEmpty() {
        Measurement.Result r = measure(spec(0.02, FollowUp.defaults()));
        Predicate<Measure> item = m -> m.instrument() == Instrument.SOFTA_S && m.scale().matches(".*_\\d");
        long items = r.measures().stream().filter(item).count();
        long missing = r.measures().stream().filter(item).filter(Measure::missing).count();
        assertEquals(0.02, missing / (double) items, 0.005, missing + " of " + items);
        assertTrue(r.measures().stream().filter(m -> m.instrument() == Instrument.SOFTA_O).noneMatch(Measure::missing),
                "video ratings have no non-response");
    }

    @Test
    void eachInstrumentDrawsFromItsOwnStreams() {
        MeasurementSpec d = spec(0.02, FollowUp.defaults());
        Measurement.Result base = measure(d);
        assertEquals(base, measure(d), "same seed, same scores");
        // A third rater and another outcome reliability change neither rater 1, nor the SOFTA-s, nor the baseline truth.
        ObserverRatings o = d.softaO();
        MeasurementSpec other = new MeasurementSpec(true, new ObserverRatings(3, o.engagement(), o.connection(),
                o.safety(), o.sharedPurpose(), o.leniencySd()), d.softaS(), new OutcomeMeasure(0.6, 3, 0.7, 0.75),
                d.schedule(), d.nonresponse(), d.followUp());
        Measurement.Result changed = measure(other);
        Predicate<Measure> raterOne = m -> m.instrument() == Instrument.SOFTA_O && m.rater() == 1;
        Predicate<Measure> self = m -> m.instrument() == Instrument.SOFTA_S;
        assertEquals(base.measures().stream().filter(raterOne).toList(),
                changed.measures().stream().filter(raterOne).toList());
        assertEquals(base.measures().stream().filter(self).toList(), changed.measures().stream().filter(self).toList());
        assertTrue(changed.measures().stream().anyMatch(m -> m.rater() == 3));
        assertEquals(base.families().stream().map(FamilyTruth::improvement).toList(),
                changed.families().stream().map(FamilyTruth::improvement).toList(), "the model is not touched");
        assertNotEquals(base.measures(), Measurement.of(d, MeasuredData.SEED).measure(MODEL, 1).measures());
    }

    /**
     * Without the raters' own rows a family's list is the full list with those rows left out, the rest
     * the same to the bit and in the same order, and the truths the same; on a copy with another seed
     * too. Two raters of the three a session can have, with leniency, the outcome every 4 sessions, the
     * SOFTA-s and a follow-up, so every kind of row is in. Would fail if the lean mode skipped a rater's
     * draws (its own, or the unused third rater's, which would move every later draw), dropped or
     * reordered the consensus, SOFTA-s or outcome rows, kept a rater's row, or lost the mode in
     * {@link Measurement#withSeed}.
     */
    @Test
    void withoutRaterRowsTheRestIsTheSameToTheBit() {
        MeasurementSpec d = spec(0.02, new FollowUp(12, 0.1));
        ObserverRatings o = d.softaO();
        MeasurementSpec lenient = new MeasurementSpec(true, new ObserverRatings(2, o.engagement(), o.connection(),
                o.safety(), o.sharedPurpose(), 0.4), d.softaS(), d.outcome(), d.schedule(), d.nonresponse(),
                d.followUp());
        Measurement.Result full = Measurement.of(lenient, MeasuredData.SEED).measure(MODEL, 2);
        Measurement lean = Measurement.of(lenient, 1).withoutRaterRows().withSeed(MeasuredData.SEED);
        assertFalse(lean.raterRows());
        assertTrue(Measurement.of(lenient, 1).raterRows());
        Measurement.Result r = lean.measure(MODEL, 2);
        assertEquals(full.families(), r.families());
        assertEquals(full.measures().stream().filter(m -> m.rater() == Measure.NONE).toList(), r.measures());
        assertTrue(full.measures().stream().anyMatch(m -> m.rater() == 2), "the full list has the raters' rows");
        for (Instrument i : List.of(Instrument.SOFTA_O, Instrument.SOFTA_S, Instrument.OUTCOME)) {
            assertTrue(r.measures().stream().anyMatch(m -> m.instrument() == i), i + " rows are kept");
        }
        assertTrue(r.measures().stream().anyMatch(m -> "follow_up".equals(m.scale())));
    }

    /**
     * A recorder with a {@link Measurement.Scored} hands over, one call per row and in the rows' order,
     * exactly the rows the plain recorder makes (their fields, the family's taken from the truth that
     * follows), makes none itself (the sink's list is empty) and hands the same truths; with and
     * without the raters' rows. Would fail if a score were passed with another field than its row's,
     * out of order, twice or not at all, or if passing them moved a draw.
     */
    @Test
    void scoresOneByOneAreTheRowsInOrder() {
        MeasurementSpec d = spec(0.02, new FollowUp(12, 0.1));
        for (boolean raterRows : new boolean[] {true, false}) {
            Measurement m = raterRows ? Measurement.of(d, MeasuredData.SEED)
                    : Measurement.of(d, MeasuredData.SEED).withoutRaterRows();
            Measurement.Result rows = m.measure(MODEL, 1);
            List<FamilyTruth> truths = new java.util.ArrayList<>();
            List<Measure> scores = new java.util.ArrayList<>();
            List<Measure> family = new java.util.ArrayList<>();
            Recorder r = m.recorder(1, (member, role, session, instrument, scale, rater, score) -> family.add(
                    new Measure(-9, -9, -9, member, role, session, instrument, scale, rater, score)), (t, none) -> {
                        assertEquals(List.of(), none);
                        truths.add(t);
                        for (Measure x : family) { // the family's fields from its truth
                            scores.add(new Measure(t.replication(), t.familyId(), t.therapistId(), x.memberId(),
                                    x.role(), x.session(), x.instrument(), x.scale(), x.rater(), x.score()));
                        }
                        family.clear();
                    });
            org.alliancesim.model.Replication.run(MODEL, org.alliancesim.engine.RandomStreams.of(MeasuredData.SEED), 1,
                    r, true);
            assertEquals(rows.families(), truths);
            assertEquals(rows.measures(), scores);
            assertTrue(scores.size() > 1000);
        }
    }

    @Test
    void leniencyIsAConstantPerRaterAndReplication() {
        MeasurementSpec d = spec(0, FollowUp.defaults());
        ObserverRatings o = d.softaO();
        MeasurementSpec lenient = new MeasurementSpec(true, new ObserverRatings(3, o.engagement(), o.connection(),
                o.safety(), o.sharedPurpose(), 0.4), d.softaS(), d.outcome(), d.schedule(), 0, d.followUp());
        ObserverRatings.Rating a = (ObserverRatings.Rating) Measurement.of(lenient, MeasuredData.SEED)
                .recorder(0, (t, m) -> { }).scoring(0);
        ObserverRatings.Rating b = (ObserverRatings.Rating) Measurement.of(lenient, MeasuredData.SEED)
                .recorder(0, (t, m) -> { }).scoring(0);
        assertEquals(a.leniency(2), b.leniency(2));
        assertNotEquals(a.leniency(0), a.leniency(1));
        // Rater means differ by their leniencies (sd 0.4), blurred by rounding and clamping at the ends.
        Measurement.Result r = measure(lenient);
        double[] mean = new double[3];
        for (int j = 1; j <= 3; j++) {
            int rater = j;
            mean[j - 1] = r.measures().stream().filter(m -> m.instrument() == Instrument.SOFTA_O && m.rater() == rater)
                    .mapToDouble(Measure::score).average().orElseThrow();
        }
        for (int j = 1; j < 3; j++) {
            double off = Math.abs((mean[j] - mean[0]) - (a.leniency(j) - a.leniency(0)));
            assertTrue(off < 0.1, "rater " + (j + 1) + "'s mean follows its leniency " + a.leniency(j) + ": "
                    + java.util.Arrays.toString(mean));
        }
    }

    @Test
    void theConsensusIsTheRoundedMeanHalvesAwayFromZero() {
        assertEquals(2, ObserverRatings.consensus(1.5));
        assertEquals(-2, ObserverRatings.consensus(-1.5));
        assertEquals(1, ObserverRatings.consensus(4 / 3.0));
        assertEquals(0, ObserverRatings.consensus(-1 / 3.0));
        assertEquals(3, ObserverRatings.softaPoint(3.7));
        assertEquals(-3, ObserverRatings.softaPoint(-9));
        assertEquals(16, SelfReport.subscale(12, 3), "one item missing: prorated");
        assertTrue(Double.isNaN(SelfReport.subscale(8, 2)), "two missing: no score");
    }

    @Test
    void aFamilysTruthIsWhatTheModelReported() {
        Measurement.Result r = measure(spec(0, FollowUp.defaults()));
        for (FamilyTruth t : r.families()) {
            if (t.started()) {
                assertEquals(t.functioningBaseline() - 0.75 * t.improvement(), t.functioningEnd(), 1e-12);
            } else {
                assertTrue(Double.isNaN(t.functioningBaseline()));
            }
            assertEquals(t.endReason() == EndReason.DROPOUT, t.dropout());
        }
        assertEquals(300, r.families().size());
    }
}
