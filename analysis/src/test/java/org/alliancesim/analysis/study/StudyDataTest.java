package org.alliancesim.analysis.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study folder read back gives the summaries of the virtual study it was written from: the reader
 * and the model side meet in the same rows ({@link VirtualStudy#row}) and the same summaries
 * ({@link DataSummaries}). Fails if the reader drops or misreads families, end reasons, therapists,
 * members or scores, or if the writer writes what the reader does not read.
 */
class StudyDataTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenStudyReadBackHasTheSummariesOfItsSample() throws Exception {
        String yaml = Files.readString(Path.of("..", "scenarios", "data", "example", "study-data.yaml"));
        Path study = dir.resolve("study");
        VirtualStudy.Sample drawn = StudyDataWriter.write(ScenarioLoader.load("default"), yaml, 120, 12, 77L, "ZZ1",
                study);
        StudyData data = StudyData.read(study);
        assertEquals(120, data.families());
        assertEquals(12, data.therapists());
        assertEquals(drawn.families().size(), data.sample().families().size(), "the families that started");
        List<String> names = DataSummaries.names(data);
        assertEquals(List.of("dropout_share", "mean_sessions", "early_dropout_share", "d_dropout",
                "icc_therapist_dropout", "outcome_change"), names);
        double[] model = DataSummaries.of(drawn, names);
        double[] read = DataSummaries.of(data.sample(), names);
        // Counts are exact; scores are written to 4 decimals, so the statistics of scores agree to about 1e-4.
        assertArrayEquals(new double[] {model[0], model[1], model[2], model[4]},
                new double[] {read[0], read[1], read[2], read[4]}, 1e-12);
        assertEquals(model[3], read[3], 1e-3, "d_dropout");
        assertEquals(model[5], read[5], 1e-3, "outcome_change");
        assertTrue(Double.isFinite(read[3]) && read[3] != 0, "d_dropout computed");
        // The model's measurement of the data: the data's own baseline scale and missingness.
        assertEquals(1, data.measurement().softaO().raters());
        assertEquals(List.of(1, 3), data.measurement().schedule().softaOSessions());
        assertTrue(data.measurement().nonresponse() > 0 && data.measurement().nonresponse() < 0.1,
                "the share of missing baseline scores: " + data.measurement().nonresponse());
    }
}
