package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;

/**
 * The scripts written.
 *
 * @param folder the folder, absolute: sweep.yaml and the scripts; shard-K and merged once the jobs run
 * @param scripts sweep.sbatch, merge.sbatch and submit.sh
 * @param submit the shell command that submits the array and the merge, the folder quoted
 */
public record SlurmResult(Path folder, List<Path> scripts, String submit) {}
