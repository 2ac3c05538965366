/**
 * The therapy agent model (docs/model.md, ODD): members, families, therapists, sessions and courses,
 * with its immutable parameter records ({@link org.alliancesim.model.ModelParameters},
 * {@link org.alliancesim.model.Dynamics}, {@link org.alliancesim.model.Rules}: which rule each
 * swappable mechanism follows) whose bounds are stated once, in {@link org.alliancesim.model.Doc},
 * and checked by {@link org.alliancesim.model.Bounds}.
 *
 * <p>Entry point: {@link org.alliancesim.model.Replication#run}, one replication streaming
 * {@link org.alliancesim.model.CourseRecord}s to a {@link org.alliancesim.model.CourseListener}.
 * May depend on: {@code org.alliancesim.engine} and Commons RNG; no scenario files, analysis, I/O,
 * Jackson or charts (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.model;
