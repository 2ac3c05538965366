package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.alliancesim.scenario.SweepSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged, edited or foreign manifest is refused with its file and field, in the library. */
class SweepManifestTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static SweepSpec spec;
    static Path finished;

    @BeforeAll
    static void finishedShard() throws Exception {
        spec = SweepTest.spec("design: random\npoints: 6\nreplications: 1\nfamilies: 30\nmetrics: [dropout_share]\n"
                + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n");
        finished = shared.resolve("shard-2");
        SweepRunner.run(Sweep.of(spec), finished, 1, false, 2, 3, "test", null);
    }

    Path edited(UnaryOperator<String> edit) throws Exception {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve("manifest.json"), edit.apply(Files.readString(finished.resolve("manifest.json"))));
        return copy;
    }

    static void refused(Path folder, String message) {
        SweepFolderException e = assertThrows(SweepFolderException.class, () -> SweepManifest.read(folder));
        assertEquals(folder.resolve("manifest.json"), e.file());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aFinishedShardReadsBack() throws Exception {
        SweepManifest m = SweepManifest.read(finished);
        assertEquals(spec, m.spec());
        assertEquals("2/3", m.shard());
        assertEquals(6, m.pointsTotal());
        assertEquals(2, m.shardPoints());
        assertTrue(m.complete());
        assertEquals(SweepIdentity.of(spec).sha256(), m.identity().sha256());
    }

    @Test
    void damagedOrEditedManifestsAreRefused() throws Exception {
        refused(dir, "manifest.json: missing: " + dir + " is not a sweep folder");
        refused(edited(t -> t.substring(0, t.length() / 2)), "not valid JSON (damaged?)");
        refused(edited(t -> ""), "expected a JSON object");
        refused(edited(t -> t.replace("\"base_scenario\" :", "\"other\" :")), "field base_scenario is missing");
        refused(edited(t -> t.replace("\"points_total\" : 6", "\"points_total\" : 9")),
                "points_total is 9, but the sweep in it has 6 points");
        refused(edited(t -> t.replace("\"shard\" : \"2/3\"", "\"shard\" : \"4/3\"")), "shard is '4/3'; expected K/N");
        refused(edited(t -> t.replace("\"shard\" : \"2/3\"", "\"shard\" : \"2/2\"")),
                "shard_points is 2, but shard 2/2 of 6 points has 3");
        refused(edited(t -> t.replace("\"complete\" : true", "\"complete\" : \"yes\"")), "complete is \"yes\"");
        refused(edited(t -> t.replace("\"points\" : 6", "\"points\" : 2000000")),
                "field sweep: not a valid sweep (points must be in [1, 1000000], was 2000000)");
        refused(edited(t -> t.replace("\"families\" : 30", "\"families\" : 31")),
                "sweep_sha256 or base_scenario_sha256 is not the hash");
        refused(edited(t -> t.replaceFirst("\"session_limit\" : (\\d+)", "\"session_limit\" : 99")),
                "sweep_sha256 or base_scenario_sha256 is not the hash");
    }
}
