package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import org.alliancesim.analysis.inference.AbcSmc;

/**
 * What a step of a Slurm ABC-SMC run did.
 *
 * @param generation the generation the step worked on
 * @param shard the shard an array task wrote (or found complete), or null for the reduce step
 * @param state after the reduce step, the run's state (its stop reason set when the run ended); null for a task
 * @param result when the reduce step ended the run, its result (the files are in the run's output); else null
 */
public record AbcStepResult(int generation, Path shard, AbcSmc.State state, AbcSmcResult result) {}
