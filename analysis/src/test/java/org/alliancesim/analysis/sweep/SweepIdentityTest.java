package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepIdentityTest {

    @TempDir
    Path dir;

    static String sweep(String base) {
        return "base: '" + base + "'\ndesign: random\npoints: 4\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n";
    }

    /** The base's content counts, including what it extends; how its path is spelled does not. */
    @Test
    void theBaseScenarioCountsByContentNotByPath() throws Exception {
        Path mid = dir.resolve("mid.yaml");
        Files.writeString(mid, "extends: novice-vs-noisy-family\nrun: {session_limit: 12}\n");
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "extends: mid.yaml\ndescription: a base for a sweep\n");
        SweepIdentity absolute = SweepIdentity.of(SweepTest.spec(sweep(base.toString())));
        String relative = Path.of("").toAbsolutePath().relativize(base).toString();
        SweepIdentity same = SweepIdentity.of(SweepTest.spec(sweep(relative)));
        assertEquals(absolute.sha256(), same.sha256(), "a relative and an absolute path to the same file");
        assertNull(absolute.difference(same));

        Files.writeString(mid, "extends: novice-vs-noisy-family\nrun: {session_limit: 14}\n");
        SweepIdentity edited = SweepIdentity.of(SweepTest.spec(sweep(base.toString())));
        assertNotEquals(absolute.sha256(), edited.sha256(), "a file the base extends was edited");
        assertNotEquals(absolute.baseSha256(), edited.baseSha256());
        assertEquals("base scenario " + base + ", run.session_limit: 12 vs 14", absolute.difference(edited));

        SweepIdentity otherSeed = SweepIdentity.of(SweepTest.spec(sweep(base.toString()) + "seed: 5\n"));
        assertEquals(edited.baseSha256(), otherSeed.baseSha256());
        assertEquals("seed: " + org.alliancesim.scenario.Scenario.DEFAULT_SEED + " vs 5", edited.difference(otherSeed));
    }
}
