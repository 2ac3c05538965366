package org.alliancesim.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.alliancesim.analysis.ExternalProgram;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.analysis.usecase.StudyRequest;
import org.alliancesim.analysis.usecase.StudyUseCase;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's analyses against a reference: R's glm on the study.csv alliancesim wrote. */
class StudyAnalysisTest {

    /**
     * The reference check of issue 14 for the study: {@code study default} (200 families, seed
     * 20261125) writes study.csv and summary.json; R's {@code glm(dropout ~ alliance_observed,
     * family = binomial)} on study.csv, among completers and dropouts with an early alliance, gives the
     * odds ratio per SD, its Wald interval and p-value that summary.json reports, to 1e-6 (the
     * difference is printed); an odds ratio moved by 1e-5 makes R's check fail. Needs Rscript.
     */
    @Test
    @Tag("r")
    void glmOnStudyCsvAgreesToOneMillionth(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("study");
        StudyUseCase.execute(StudyRequest.of(ScenarioLoader.load("default")).withThreads(1)
                .withOutput(Output.to(out)));
        JsonNode or = null;
        for (JsonNode n : new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("statistics")) {
            if (n.get("statistic").asText().equals("or_dropout")) {
                or = n;
            }
        }
        ExternalProgram.Result same = glmCheck(dir, out, or, 0);
        assertEquals(0, same.exitCode(), same.output());
        ExternalProgram.Result moved = glmCheck(dir, out, or, 1e-5);
        assertNotEquals(0, moved.exitCode(), "R accepted an odds ratio off by 1e-5: " + moved.output());
        assertTrue(moved.output().contains("d < 1e-06 is not TRUE"), moved.output());
    }

    private static ExternalProgram.Result glmCheck(Path dir, Path out, JsonNode or, double shift) throws Exception {
        Path java = dir.resolve("java.csv");
        Files.writeString(java, String.format(Locale.ROOT, "estimate,lower,upper,p,n%n%.17g,%.17g,%.17g,%.17g,%d%n",
                or.get("estimate").asDouble() + shift, or.get("lower").asDouble(), or.get("upper").asDouble(),
                or.get("p_value").asDouble(), or.get("n").asInt()));
        String script = "s <- read.csv('" + out.resolve("study.csv") + "')\n"
                + "s <- subset(s, end_reason %in% c('goals_met', 'session_limit', 'dropout') & !is.na(alliance_observed))\n"
                + "f <- glm(dropout ~ alliance_observed, family = binomial, data = s,"
                + " control = glm.control(epsilon = 1e-14, maxit = 100))\n"
                + "b <- coef(summary(f))[2, 1]; se <- coef(summary(f))[2, 2]; sdx <- sd(s$alliance_observed)\n"
                + "r <- c(exp(b * sdx), exp((b - qnorm(0.975) * se) * sdx), exp((b + qnorm(0.975) * se) * sdx),"
                + " coef(summary(f))[2, 4])\n"
                + "j <- read.csv('" + java + "')\n"
                + "stopifnot(j$n == nrow(s))\n"
                + "d <- max(abs(r - c(j$estimate, j$lower, j$upper, j$p)))\n"
                + "cat(sprintf('largest difference %.3g; odds ratio per SD %.6f; n = %d\\n', d, r[1], nrow(s)))\n"
                + "stopifnot(d < 1e-6)\n";
        Path file = dir.resolve("glm-study.R");
        Files.writeString(file, script);
        ExternalProgram.Result r = ExternalProgram.run(dir, "Rscript", file.toString());
        System.out.println("R glm check of study.csv (odds ratio shifted by " + shift + "): " + r.output().trim());
        return r;
    }
}
