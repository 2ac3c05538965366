package org.alliancesim.analysis.usecase;

import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.Scenario;

/**
 * Which family's course to tell: family {@code family} of replication 0 of the scenario with its
 * seed (the row {@code replication=0, family_id=family} of a run's families.csv).
 *
 * <p>From JShell: {@code StoryUseCase.execute(StoryRequest.of(scenario, 5)).text()}.
 *
 * @param scenario the resolved scenario, with the seed to use
 * @param family which family, from 0 to the scenario's families - 1
 * @param output where to write story.txt and the alliance chart, or null to write no files
 */
public record StoryRequest(Scenario scenario, int family, Output output) {

    /**
     * Validates the request.
     *
     * @throws ParameterException when the scenario has no such family
     */
    public StoryRequest {
        Requests.given("scenario", scenario);
        int families = scenario.model().run().families();
        if (family < 0 || family >= families) {
            throw new ParameterException("family", String.valueOf(family),
                    "from 0 to " + (families - 1) + " (the scenario has " + families + " families)");
        }
    }

    /** Family {@code family} of the scenario, no files. */
    public static StoryRequest of(Scenario scenario, int family) {
        return new StoryRequest(scenario, family, null);
    }

    public StoryRequest withOutput(Output folder) {
        return new StoryRequest(scenario, family, folder);
    }
}
