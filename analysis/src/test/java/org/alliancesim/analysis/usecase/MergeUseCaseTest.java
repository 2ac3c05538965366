package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.sweep.SweepFolderException;
import org.alliancesim.model.ParameterException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging through the API: shards are checked, then combined into what one process writes. */
class MergeUseCaseTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path a1;
    static Path a2;
    static Path b2;
    static Path whole;

    @BeforeAll
    static void shards() throws Exception {
        Path a = shared.resolve("a.yaml");
        Files.writeString(a, SweepUseCaseTest.SWEEP);
        Path b = shared.resolve("b.yaml");
        Files.writeString(b, SweepUseCaseTest.SWEEP.replace("points: 6", "points: 6\nseed: 99"));
        a1 = shared.resolve("a1");
        a2 = shared.resolve("a2");
        b2 = shared.resolve("b2");
        whole = shared.resolve("whole");
        SweepUseCase.execute(SweepUseCaseTest.request(a, a1).withShard(SweepRequest.Shard.parse("1/2")));
        SweepUseCase.execute(SweepUseCaseTest.request(a, a2).withShard(SweepRequest.Shard.parse("2/2")));
        SweepUseCase.execute(SweepUseCaseTest.request(b, b2).withShard(SweepRequest.Shard.parse("2/2")));
        SweepUseCase.execute(SweepUseCaseTest.request(a, whole));
    }

    static SweepFolderException refused(List<Path> shards, Path out) {
        SweepFolderException e = assertThrows(SweepFolderException.class,
                () -> MergeUseCase.execute(MergeRequest.of(shards, Output.to(out))));
        assertFalse(Files.exists(out), "nothing written");
        return e;
    }

    @Test
    void mismatchedIncompleteOrDuplicatedShardsAreRefused() {
        assertEquals(b2 + ": a different sweep than " + a1 + ": seed: 99 vs 20261125 (" + b2 + " vs " + a1 + ")",
                refused(List.of(a1, b2), dir.resolve("m1")).getMessage());
        assertTrue(refused(List.of(a1), dir.resolve("m2")).getMessage().endsWith("incomplete: shards [2] of 2 are missing"));
        assertTrue(refused(List.of(a1, a1), dir.resolve("m3")).getMessage().contains("shard 1/2 given twice"));
        assertThrows(ParameterException.class, () -> MergeRequest.of(List.of(), Output.to(dir.resolve("m4"))));
    }

    @Test
    void shardsMergeIntoWhatOneProcessWrites() throws Exception {
        Path out = dir.resolve("merged");
        MergeUseCase.Result r = MergeUseCase.execute(MergeRequest.of(List.of(a2, a1), Output.to(out)));
        assertEquals(new MergeUseCase.Result(out, 2, 0), r);
        for (String f : List.of("points.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        Files.writeString(dir.resolve("other"), "x");
        assertTrue(assertThrows(BadRequestException.class, () -> MergeUseCase.execute(
                MergeRequest.of(List.of(a1, a2), Output.to(dir)))).getMessage().contains("exists and is not empty"));
    }
}
