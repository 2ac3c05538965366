/**
 * The classroom web page, an adapter: a local Javalin server that turns HTTP parameters into
 * requests to the analysis use cases ({@code RunUseCase}, {@code CompareUseCase},
 * {@code StoryUseCase}) and their results into JSON and SVG. No statistics or domain rules live
 * here; it imports nothing of {@code analysis.experiment} or {@code analysis.charts}, and of
 * {@code analysis.story} only its records (ArchitectureTest).
 *
 * <p>Entry point: {@link org.alliancesim.analysis.classroom.ClassroomServer}. The only package that may
 * depend on Javalin and Jetty (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.analysis.classroom;
