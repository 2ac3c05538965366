package org.alliancesim.analysis.usecase;

import java.nio.file.Path;

/**
 * What a merge wrote.
 *
 * @param folder the merged folder: what the sweep run in one process writes, byte for byte
 * @param shards the shard folders merged
 * @param failed points whose combination the model refused
 */
public record MergeResult(Path folder, int shards, int failed) {}
