/**
 * A narrated course of one family, session by session, for teaching: what each member felt and
 * why, from the model's own session records. {@code Story.telling()} gives the story's structure as
 * records ({@code Telling}: a {@code Header}, each {@code Session} with each {@code Member}'s
 * discomfort, rupture and repair, an {@code Ending}), and its text is their rendering; adapters
 * lay a story out from these records (the classroom may use nothing else of this package).
 *
 * <p>Entry point: {@link org.alliancesim.analysis.story.Story}. May depend on: the model, scenarios,
 * charts; not on the adapters.
 */
package org.alliancesim.analysis.story;
