package org.alliancesim.analysis.usecase;

import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.Scenario;

/**
 * What to run: a scenario's replications, a fixed number or as many as a confidence interval needs.
 *
 * <p>From JShell: {@code RunUseCase.execute(RunRequest.of(scenario).withReplications(10).withThreads(2))}.
 *
 * @param scenario the resolved scenario; its seed, and its replications unless {@code ciWidth} is given
 * @param ciWidth null to run the scenario's replications; otherwise sequential stopping: batches of
 *     {@link RunUseCase#BATCH} replications until the dropout share's 95% CI is narrower than this
 *     (a share, {@code 0 < w < 1}), at most {@link RunUseCase#MAX_REPLICATIONS}
 * @param trajectories whether to write sessions.csv (one row per member per attended session); needs
 *     an output folder
 * @param execution threads, output folder (null: no files), progress and arguments ({@link Execution});
 *     progress is told after each replication
 * @param compress true: families.csv and sessions.csv gzip-compressed ({@code .csv.gz}); false: both plain;
 *     null: sessions.csv compressed when more than {@link #COMPRESS_SESSIONS_ABOVE_ROWS} rows are expected
 */
public record RunRequest(Scenario scenario, Double ciWidth, boolean trajectories, Execution execution, Boolean compress)
        implements Executed<RunRequest> {

    /**
     * Above this many expected rows sessions.csv is written gzip-compressed unless compression is
     * switched off (about 150 bytes a row: some 40 MB plain, a few MB compressed).
     */
    public static final long COMPRESS_SESSIONS_ABOVE_ROWS = 250_000;

    /** Members per family assumed by the estimate of sessions.csv rows. */
    static final int ESTIMATED_MEMBERS = 3;

    /**
     * Validates the request.
     *
     * @throws ParameterException for a missing scenario, a CI width outside (0, 1), threads below 1
     * @throws BadRequestException for trajectories without an output folder
     */
    public RunRequest {
        Requests.given("scenario", scenario);
        if (ciWidth != null && !(ciWidth > 0 && ciWidth < 1)) {
            throw new ParameterException("ciWidth", String.valueOf(ciWidth),
                    "in (0, 1) (a width of the dropout share's 95% CI)");
        }
        execution = execution == null ? Execution.DEFAULT : execution;
        if (trajectories && execution.output() == null) {
            throw new BadRequestException("trajectories are written to sessions.csv in the results folder; give an"
                    + " output folder or leave trajectories off");
        }
    }

    /** The scenario's replications on every core, no files, no progress. */
    public static RunRequest of(Scenario scenario) {
        return new RunRequest(scenario, null, false, Execution.DEFAULT, null);
    }

    /** A copy running {@code n} replications (1 to 100,000), not sequential stopping. */
    public RunRequest withReplications(int n) {
        return new RunRequest(scenario.withReplications(n), null, trajectories, execution,
                compress);
    }

    /** A copy with another master seed. */
    public RunRequest withSeed(long seed) {
        return new RunRequest(scenario.withSeed(seed), ciWidth, trajectories, execution,
                compress);
    }

    /** A copy that adds replications until the dropout share's 95% CI is narrower than {@code width}. */
    public RunRequest withCiWidth(double width) {
        return new RunRequest(scenario, width, trajectories, execution,
                compress);
    }

    /** A copy that also writes sessions.csv (set an output first). */
    public RunRequest withTrajectories(boolean write) {
        return new RunRequest(scenario, ciWidth, write, execution,
                compress);
    }

    /**
     * A copy that writes families.csv and sessions.csv gzip-compressed ({@code .csv.gz}) when
     * {@code gzip}, or both plain; without this call sessions.csv is compressed when
     * {@link #expectedSessionRows()} is above {@link #COMPRESS_SESSIONS_ABOVE_ROWS}.
     */
    public RunRequest withCompress(boolean gzip) {
        return new RunRequest(scenario, ciWidth, trajectories, execution, gzip);
    }

    /**
     * An up-front estimate of sessions.csv's rows: replications x families x 3 members x half the
     * session limit (the scenario's replications also under sequential stopping).
     */
    public long expectedSessionRows() {
        var run = scenario.model().run();
        return (long) scenario.replications() * run.families() * ESTIMATED_MEMBERS * Math.max(1, run.sessionLimit() / 2);
    }

    /** Whether families.csv is written compressed (only when asked). */
    public boolean compressFamilies() {
        return Boolean.TRUE.equals(compress);
    }

    /** Whether sessions.csv, if written, is compressed: as asked, else when it is expected to be large. */
    public boolean compressSessions() {
        return compress != null ? compress : expectedSessionRows() > COMPRESS_SESSIONS_ABOVE_ROWS;
    }

    @Override
    public RunRequest withExecution(Execution how) {
        return new RunRequest(scenario, ciWidth, trajectories, how, compress);
    }
}
