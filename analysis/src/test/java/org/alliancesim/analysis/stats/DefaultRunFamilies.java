package org.alliancesim.analysis.stats;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.analysis.usecase.RunRequest;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * families.csv of the default scenario as alliancesim writes it (the R checks of the mixed models read
 * the same file): each family's cluster (replication x 1000 + therapist id, the therapist of one
 * replication), dropout and improvement. Families without a therapist are left out.
 */
record DefaultRunFamilies(Path file, int[] cluster, boolean[] dropout, double[] improvement) {

    static DefaultRunFamilies write(Path dir, int replications, long seed) throws Exception {
        RunUseCase.execute(RunRequest.of(ScenarioLoader.load("default")).withReplications(replications).withSeed(seed)
                .withThreads(1).withOutput(Output.to(dir.resolve("run"))));
        Path file = dir.resolve("run/families.csv");
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                if (Integer.parseInt(row.get("therapist_id")) >= 0) {
                    rows.add(new String[] {row.get("replication"), row.get("therapist_id"), row.get("end_reason"),
                        row.get("improvement")});
                }
            }
        }
        int n = rows.size();
        int[] cluster = new int[n];
        boolean[] dropout = new boolean[n];
        double[] improvement = new double[n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            cluster[i] = Integer.parseInt(r[0]) * 1000 + Integer.parseInt(r[1]);
            dropout[i] = r[2].equals("dropout");
            improvement[i] = Double.parseDouble(r[3]);
        }
        return new DefaultRunFamilies(file, cluster, dropout, improvement);
    }

    /** R code that reads the file into {@code fam} with {@code cluster} and {@code dropout} columns. */
    String readInR() {
        return "fam <- read.csv('" + file + "')\n"
                + "fam <- subset(fam, therapist_id >= 0)\n"
                + "fam$cluster <- factor(fam$replication * 1000 + fam$therapist_id)\n"
                + "fam$dropout <- as.integer(fam$end_reason == 'dropout')\n"
                + "suppressMessages(library(lme4))\n";
    }
}
