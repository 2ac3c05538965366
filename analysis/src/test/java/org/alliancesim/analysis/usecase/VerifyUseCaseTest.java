package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.alliancesim.analysis.verify.KernelVerification.Row;
import org.alliancesim.cli.AllianceSimAccess;
import org.alliancesim.model.ParameterException;
import org.junit.jupiter.api.Test;

class VerifyUseCaseTest {

    @Test
    void refusesPlansThatCannotGiveAnInterval() {
        VerifyRequest r = VerifyRequest.standard();
        assertEquals("replications must be at least 2, was 1",
                assertThrows(ParameterException.class, () -> r.withReplications(1)).getMessage());
        assertEquals("customers must be at least 1, was 0",
                assertThrows(ParameterException.class, () -> r.withCustomers(0)).getMessage());
        assertEquals("warmup must be at least 0, was -1",
                assertThrows(ParameterException.class, () -> r.withWarmup(-1)).getMessage());
        assertEquals("threads must be at least 1, was 0",
                assertThrows(ParameterException.class, () -> r.withThreads(0)).getMessage());
    }

    /** A small plan (5 x 20,000 customers per queue, the standard seed): every row passes, as the command line says. */
    @Test
    void rowsAreWhatTheCommandLinePrintsForAnyThreadCount() {
        VerifyRequest small = VerifyRequest.standard().withReplications(5).withCustomers(20_000).withWarmup(1_000);
        VerifyUseCase.Result one = VerifyUseCase.execute(small.withThreads(1));
        VerifyUseCase.Result two = VerifyUseCase.execute(small.withThreads(2));
        assertEquals(one.rows(), two.rows());
        assertTrue(one.passed(), one.rows().toString());
        assertEquals(5, one.rows().size());
        AllianceSimAccess.Printed cli = AllianceSimAccess.printed("verify", "--reps", "5", "--customers", "20000",
                "--warmup", "1000", "--threads", "2");
        assertEquals(0, cli.code(), cli.err());
        for (Row row : one.rows()) {
            String simulated = String.format(Locale.ROOT, "%.4f  [%.4f, %.4f]", row.ci95().mean(), row.ci95().lower(),
                    row.ci95().upper());
            assertTrue(cli.out().lines().anyMatch(l -> l.startsWith(row.check().model() + " ") && l.contains(simulated)),
                    simulated + " in\n" + cli.out());
        }
    }
}
