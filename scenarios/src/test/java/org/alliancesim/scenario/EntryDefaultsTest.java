package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancesim.model.FamilyType;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Referral;
import org.alliancesim.model.Role;
import org.alliancesim.model.RoleValues;
import org.alliancesim.model.RunSpec;
import org.alliancesim.model.TherapistType;
import org.junit.jupiter.api.Test;

class EntryDefaultsTest {

    private final List<Problem> problems = new ArrayList<>();

    /** The merged tree of {@code yaml} with entry defaults filled. */
    private ObjectNode filled(String yaml) throws ScenarioException {
        TreeMerge m = TreeMerge.of(List.of(SourceTree.parse("f.yaml", yaml, false)), "f");
        EntryDefaults.fill(m.root, m.origins, problems);
        return m.root;
    }

    @Test
    void aFamilyEntryTakesTheDefaultFamilyAndDerivesTheRest() throws ScenarioException {
        ObjectNode root = filled("families:\n  - {conflict: 0.9}\n");
        ObjectNode f = (ObjectNode) root.get("families").get(0);
        assertEquals("family-1", f.get("name").asText());
        assertEquals(1.0, f.get("share").doubleValue(), "the only entry");
        assertEquals(0.9, f.get("conflict").doubleValue(), "given, kept");
        assertEquals(TreeCodec.tree(EntryDefaults.FAMILY.roles()), f.get("roles"));
        assertEquals("voluntary", f.get("referral").asText());
        assertFalse(f.get("prepared").booleanValue());
        assertEquals(2, f.get("identified_patient").intValue(), "the adolescent");
        assertTrue(problems.isEmpty(), problems.toString());
        ObjectNode two = filled("families:\n  - {share: 0.5, roles: [other_adult, Child]}\n  - {share: 0.5, size: 2}\n");
        assertFalse(two.get("families").get(0).has("share") && two.get("families").get(0).get("share").doubleValue() == 1);
        assertEquals(1, two.at("/families/0/identified_patient").intValue());
        assertEquals("family-2", two.at("/families/1/name").asText());
        assertEquals(TreeCodec.tree(List.of(Role.PARENT, Role.ADOLESCENT)), two.at("/families/1/roles"));
        assertFalse(two.get("families").get(1).has("size"), "size is a file shorthand, gone once read");
    }

    @Test
    void aMixtureEntryGetsNoShare() throws ScenarioException {
        ObjectNode root = filled("families:\n  - {conflict: 0.9}\n  - {conflict: 0.1}\ntherapists:\n  - {}\n  - {}\n");
        assertFalse(root.at("/families/1").has("share"));
        assertFalse(root.at("/therapists/0").has("share"));
    }

    @Test
    void rolesOfEachSizeAndTheirIdentifiedPatient() {
        assertEquals(List.of(Role.PARENT, Role.ADOLESCENT), EntryDefaults.rolesOfSize(2));
        assertEquals(List.of(Role.PARENT, Role.PARENT, Role.ADOLESCENT, Role.CHILD, Role.CHILD, Role.CHILD),
                EntryDefaults.rolesOfSize(6));
        assertEquals(-1, EntryDefaults.identifiedPatient(TreeCodec.tree(List.of(Role.PARENT, Role.OTHER_ADULT))));
        assertEquals(2, EntryDefaults.identifiedPatient(TreeCodec.tree(List.of(Role.PARENT, Role.PARENT, Role.CHILD))));
        assertEquals(-1, EntryDefaults.identifiedPatient(null));
    }

    @Test
    void aSizeOutOfRangeOrDisagreeingWithRolesIsLocated() throws ScenarioException {
        filled("families:\n  - {size: 7}\n  - {size: 2, roles: [parent, parent, child]}\n");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("f.yaml:2:12: families[0].size: expected a whole number from 2 to 6, found 7 (number)",
                problems.get(0).toString());
        assertEquals("families[1].size", problems.get(1).path());
        assertEquals(3, problems.get(1).line());
    }

    @Test
    void aTherapistEntryTakesTheExperiencedTherapist() throws ScenarioException {
        ObjectNode t = (ObjectNode) filled("therapists:\n  - {warmth: 0.2}\n").get("therapists").get(0);
        ObjectNode model = (ObjectNode) TreeCodec.tree(EntryDefaults.THERAPIST);
        model.put("name", "therapist-1");
        model.put("share", 1.0);
        model.put("warmth", 0.2);
        assertEquals(model, t);
        assertEquals("experienced", EntryDefaults.THERAPIST.name());
        assertTrue(ModelParameters.defaults().therapists().contains(EntryDefaults.THERAPIST));
    }

    @Test
    void fallbacksAreTheEntryDefaultsAndTheDefaultsOwnRecords() {
        Map<Class<?>, Object> f = EntryDefaults.fallbacks();
        assertSame(EntryDefaults.FAMILY, f.get(FamilyType.class));
        assertSame(EntryDefaults.THERAPIST, f.get(TherapistType.class));
        assertEquals(ModelParameters.defaults().run(), f.get(RunSpec.class));
        assertEquals(ModelParameters.defaults().dynamics().start().roleOffset(), f.get(RoleValues.class));
        // A fallback identified patient must suit whatever roles the entry has.
        assertEquals(-1, EntryDefaults.FAMILY.identifiedPatient());
        assertEquals(Referral.VOLUNTARY, EntryDefaults.FAMILY.referral());
    }

    @Test
    void aRefusedValueStillLetsTheRestOfItsRecordBeChecked() {
        // Two refusals in one family, and two in one set of role values: each is reported.
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.loadText("f.yaml", "families:\n  - {conflict: 1.7, roles: [parent, child],"
                        + " identified_patient: 4}\ndynamics:\n  start:\n    role_offset: {parent: 1.0e309, child: -1.0e309}\n",
                        Path.of("."), List.of()));
        List<String> paths = e.problems().stream().map(Problem::path).toList();
        assertTrue(paths.containsAll(List.of("families[0].identified_patient", "families[0].conflict",
                "dynamics.start.role_offset.parent", "dynamics.start.role_offset.child")), e.getMessage());
    }

    @Test
    void docsStateTheEntryDefaults() throws IOException {
        String docs = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/scenarios.md"));
        String families = docs.lines().filter(l -> l.startsWith("| `families` |")).findFirst().orElseThrow();
        FamilyType f = EntryDefaults.FAMILY;
        for (String s : List.of("roles: " + f.roles().stream().map(Names::of).toList().toString().replace(",", ","),
                "referral: " + Names.of(f.referral()), "conflict: " + f.conflict(), "prepared: " + f.prepared())) {
            assertTrue(families.contains("`" + s + "`"), "docs/scenarios.md states " + s + ": " + families);
        }
        String therapists = docs.lines().filter(l -> l.startsWith("| `therapists` |")).findFirst().orElseThrow();
        TherapistType t = EntryDefaults.THERAPIST;
        for (String s : List.of("experience: " + Names.of(t.experience()), "warmth/empathy/genuineness " + t.warmth(),
                "consistency " + t.consistency(), "repair_skill " + t.repairSkill(), "balance " + t.balance(),
                "policy " + Names.of(t.policy()), "challenge " + t.challenge(), "caseload " + t.caseload())) {
            assertTrue(therapists.contains(s), "docs/scenarios.md states " + s + ": " + therapists);
        }
        assertEquals(t.warmth(), t.empathy());
        assertEquals(t.warmth(), t.genuineness());
    }
}
