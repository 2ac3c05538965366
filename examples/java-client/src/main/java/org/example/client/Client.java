package org.example.client;

import java.io.IOException;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.usecase.CompareRequest;
import org.alliancesim.analysis.usecase.CompareUseCase;
import org.alliancesim.analysis.usecase.RunRequest;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;

/** Runs a built-in scenario and compares it with an edited copy, through alliancesim's use cases. */
public final class Client {

    private Client() {}

    public static void main(String[] args) throws IOException, ScenarioException {
        // A built-in scenario, made smaller with a typed edit.
        Scenario referral = ScenarioLoader.load("involuntary-referral").with("run.families", 300);

        // Run it: ten replications on two threads; nothing is written (no output given).
        RunUseCase.Result run = RunUseCase.execute(RunRequest.of(referral).withReplications(10).withThreads(2));
        var dropout = run.summary(Metric.DROPOUT_SHARE);
        System.out.printf("run: dropout share %.3f [%.3f, %.3f] over %d replications%n",
                dropout.mean(), dropout.lower(), dropout.upper(), run.replications());

        // Compare with therapists who repair ruptures well, on the same simulated families.
        Scenario repairing = referral.with("therapists[0].repair_skill", 0.95);
        CompareUseCase.Result c = CompareUseCase.execute(CompareRequest.of(referral, repairing).withReplications(10)
                .withThreads(2));
        var d = c.difference(Metric.DROPOUT_SHARE);
        System.out.printf("compare: dropout difference (repairing - as is) %.3f [%.3f, %.3f]%n",
                d.difference(), d.lower(), d.upper());
    }
}
