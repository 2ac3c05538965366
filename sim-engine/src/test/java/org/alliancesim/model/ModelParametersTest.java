package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What {@link ModelParameters} and {@link FamilyType} refuse, with the field and the text of each refusal written out
 * (the scenario module's tests reach these through a file; these are the model's own), and that every {@code with...}
 * copy changes its one part and keeps the others.
 */
class ModelParametersTest {

    private static final ModelParameters P = ModelParameters.defaults();

    private static ParameterException refused(Executable e) {
        return assertThrows(ParameterException.class, e);
    }

    private static FamilyType family(String name, double share) {
        return new FamilyType(name, share, List.of(Role.PARENT, Role.CHILD), 1, Referral.VOLUNTARY, 0.4, false);
    }

    private static TherapistType therapist(String name, double share) {
        TherapistType t = P.therapists().get(0);
        return new TherapistType(name, share, t.experience(), t.warmth(), t.empathy(), t.genuineness(),
                t.consistency(), t.repairSkill(), t.balance(), t.policy(), t.challenge(), t.caseload(), t.spread());
    }

    @Test
    void theDefaultsAreTheDocumentedCaseload() {
        assertEquals(4, P.families().size());
        assertEquals(0.35, P.families().get(0).share());
        assertEquals(2, P.therapists().size());
        assertEquals(0.7, P.therapists().get(1).share());
        assertEquals(1000, P.run().families());
    }

    @Test
    void everyPartMustBeGiven() {
        assertEquals("run", refused(() -> P.withRun(null)).field());
        assertEquals("families", refused(() -> P.withFamilies(null)).field());
        assertEquals("therapists", refused(() -> P.withTherapists(null)).field());
        assertEquals("setting", refused(() -> P.withSetting(null)).field());
        assertEquals("clinic", refused(() -> P.withClinic(null)).field());
        assertEquals("dynamics", refused(() -> P.withDynamics(null)).field());
        assertEquals("rules", refused(() -> P.withRules(null)).field());
    }

    @Test
    void emptyMixturesAreRefusedByName() {
        ParameterException f = refused(() -> P.withFamilies(List.of()));
        assertEquals("families", f.field());
        assertEquals("families must be a list of at least one family type, was an empty list", f.getMessage());
        ParameterException t = refused(() -> P.withTherapists(List.of()));
        assertEquals("therapists", t.field());
        assertEquals("therapists must be a list of at least one therapist type, was an empty list", t.getMessage());
    }

    @Test
    void sharesMustSumToOneWithinTheTolerance() {
        // 0.6 + 0.5 = 1.1: the message rounds the sum to 9 decimals (1.1, not 1.1000000000000001).
        ParameterException f = refused(() -> P.withFamilies(List.of(family("a", 0.6), family("b", 0.5))));
        assertEquals("families", f.field());
        assertEquals("shares summing to 1.1", f.found());
        assertEquals("a mixture whose shares sum to 1", f.allowed());
        // Below 1 as well as above.
        assertEquals("shares summing to 0.9",
                refused(() -> P.withFamilies(List.of(family("a", 0.4), family("b", 0.5)))).found());
        // 1e-7 off is inside the 1e-6 tolerance; 1e-5 is not.
        assertEquals(2, P.withFamilies(List.of(family("a", 0.5), family("b", 0.5000001))).families().size());
        assertEquals("shares summing to 1.00001",
                refused(() -> P.withFamilies(List.of(family("a", 0.5), family("b", 0.50001)))).found());
        assertEquals("shares summing to 0.99999",
                refused(() -> P.withFamilies(List.of(family("a", 0.5), family("b", 0.49999)))).found());

        ParameterException t = refused(() -> P.withTherapists(List.of(therapist("a", 0.3), therapist("b", 0.3))));
        assertEquals("therapists", t.field());
        assertEquals("shares summing to 0.6", t.found());
        assertEquals(2, P.withTherapists(List.of(therapist("a", 0.5), therapist("b", 0.4999999))).therapists().size());
        assertEquals("shares summing to 1.00001",
                refused(() -> P.withTherapists(List.of(therapist("a", 0.5), therapist("b", 0.50001)))).found());
    }

    @Test
    void theMixturesAreCopiedSoTheCallerCannotChangeThem() {
        List<FamilyType> mine = new ArrayList<>(List.of(family("a", 1.0)));
        ModelParameters p = P.withFamilies(mine);
        mine.set(0, family("b", 1.0));
        assertEquals("a", p.families().get(0).name());
    }

    @Test
    void eachCopyChangesItsOnePart() {
        RunSpec run = new RunSpec(RunMode.COHORT, 7, 100, 5);
        ModelParameters r = P.withRun(run);
        assertSame(run, r.run());
        assertSame(P.dynamics(), r.dynamics());
        List<FamilyType> fs = List.of(family("only", 1.0));
        ModelParameters f = P.withFamilies(fs);
        assertEquals(fs, f.families());
        assertSame(P.run(), f.run());
        List<TherapistType> ts = List.of(therapist("only", 1.0));
        ModelParameters t = P.withTherapists(ts);
        assertEquals(ts, t.therapists());
        assertEquals(P.families(), t.families());
        Setting s = Setting.plainRoom();
        assertSame(s, P.withSetting(s).setting());
        ClinicSpec c = new ClinicSpec(3, 2, 0.1);
        ModelParameters cl = P.withClinic(c);
        assertSame(c, cl.clinic());
        assertSame(P.setting(), cl.setting());
        Dynamics d = Dynamics.defaults();
        ModelParameters dy = P.withDynamics(d);
        assertSame(d, dy.dynamics());
        assertSame(P.clinic(), dy.clinic());
        Rules ru = Rules.defaults();
        ModelParameters rr = P.withRules(ru);
        assertSame(ru, rr.rules());
        assertSame(P.therapists(), rr.therapists());
    }

    @Test
    void aFamilyTypeHasTwoToSixMembersWithoutGapsAndItsPatientAmongThem() {
        Role[] six = new Role[6];
        Arrays.fill(six, Role.CHILD);
        assertEquals(6, new FamilyType("six", 1, List.of(six), 5, Referral.VOLUNTARY, 0.4, false).size());
        Role[] seven = new Role[7];
        Arrays.fill(seven, Role.CHILD);
        ParameterException big = refused(
                () -> new FamilyType("seven", 1, List.of(seven), 0, Referral.VOLUNTARY, 0.4, false));
        assertEquals("roles must be a list of 2 to 6 members, was 7 members", big.getMessage());
        ParameterException one = refused(
                () -> new FamilyType("one", 1, List.of(Role.PARENT), -1, Referral.VOLUNTARY, 0.4, false));
        assertEquals("roles must be a list of 2 to 6 members, was 1 members", one.getMessage());
        List<Role> withGap = Arrays.asList(Role.PARENT, null, Role.CHILD);
        ParameterException gap = refused(() -> new FamilyType("gap", 1, withGap, -1, Referral.VOLUNTARY, 0.4, false));
        assertEquals("roles must be a list of roles without empty entries, was an empty entry", gap.getMessage());
        // The identified patient: -1 (none) to size - 1.
        assertEquals(-1, new FamilyType("x", 1, List.of(Role.PARENT, Role.CHILD), -1, Referral.VOLUNTARY, 0.4, false)
                .identifiedPatient());
        ParameterException ip = refused(
                () -> new FamilyType("x", 1, List.of(Role.PARENT, Role.CHILD), 2, Referral.VOLUNTARY, 0.4, false));
        assertEquals("identifiedPatient must be in [-1, 1], was 2", ip.getMessage());
    }
}
