/**
 * A narrated course of one family, session by session, for teaching: what each member felt and
 * why, from the model's own session records.
 *
 * <p>Entry point: {@link org.alliancesim.analysis.story.Story}. May depend on: the model, scenarios,
 * charts; not on the adapters.
 */
package org.alliancesim.analysis.story;
