/**
 * Measurement: instruments that observe the model's latent state with error, on a schedule, with
 * missing data where a study would have it (docs/measurement.md). SOFTA-o observer ratings
 * ({@link org.alliancesim.measurement.ObserverRatings}), SOFTA-s self-report items
 * ({@link org.alliancesim.measurement.SelfReport}) and a family-functioning outcome
 * ({@link org.alliancesim.measurement.OutcomeMeasure}) with the reliable change index
 * ({@link org.alliancesim.measurement.ReliableChange}).
 *
 * <p>Entry point: {@link org.alliancesim.measurement.Measurement}, which turns the records one
 * replication emits ({@link org.alliancesim.model.CourseListener}) into typed
 * {@link org.alliancesim.measurement.Measure} rows and per-family
 * {@link org.alliancesim.measurement.FamilyTruth}s. It reads only what the model emits and draws
 * from its own keyed random streams, so measuring never changes a course. Each instrument is a
 * settings record implementing {@link org.alliancesim.measurement.MeasuringInstrument}, registered
 * once in {@link org.alliancesim.measurement.MeasurementSpec#instruments()}; the
 * {@link org.alliancesim.measurement.Recorder} knows none of them.
 * May depend on: {@code org.alliancesim.model}, {@code org.alliancesim.engine} and Commons RNG; no
 * scenario files, analysis, I/O, Jackson or charts (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.measurement;
