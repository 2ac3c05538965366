package org.alliancesim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.sweep.SweepMerge;
import org.alliancesim.analysis.sweep.SweepRunner;
import org.alliancesim.scenario.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim merge}: shards of one sweep into one folder. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Combine the shard folders of one sweep into one results folder.",
        description = {"Refuses shards of different sweep files or seeds, missing or duplicated shards, and"
                + " shards that did not finish. See docs/sweeps.md.", ""},
        footer = {"", "Exit codes: 0 merged, 3 merged but some points failed, 2 bad input, 1 internal error."})
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Shard folders (from sweep --shard K/N).")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Merged results folder.")
    Path out;

    @Option(names = "--force", description = "Replace the results in a non-empty --out folder.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        ObjectMapper json = new ObjectMapper();
        TreeMap<Integer, Path> byShard = new TreeMap<>();
        String hash = null;
        long seed = 0;
        int n = -1;
        JsonNode sweep = null;
        for (Path d : shards) {
            Path m = d.resolve("manifest.json");
            if (!Files.isRegularFile(m)) {
                throw new BadInputException(d + ": not a sweep folder (no manifest.json)");
            }
            JsonNode man = json.readTree(m.toFile());
            String[] kn = man.path("shard").asText().split("/");
            int k = Integer.parseInt(kn[0]);
            int thisN = Integer.parseInt(kn[1]);
            if (hash == null) {
                hash = man.path("sweep_sha256").asText();
                seed = man.path("seed").asLong();
                n = thisN;
                sweep = man.get("sweep");
            } else if (!hash.equals(man.path("sweep_sha256").asText()) || seed != man.path("seed").asLong()) {
                throw new BadInputException(d + ": a different sweep file or seed than " + shards.get(0)
                        + " (sweep " + SweepRunner.abbreviate(man.path("sweep_sha256").asText()) + " vs "
                        + SweepRunner.abbreviate(hash)
                        + ", seed " + man.path("seed").asLong() + " vs " + seed + ")");
            } else if (thisN != n) {
                throw new BadInputException(d + ": shard " + k + "/" + thisN + " of a split into " + thisN
                        + " parts, but " + shards.get(0) + " is of a split into " + n);
            }
            if (!man.path("complete").asBoolean()) {
                throw new BadInputException(d + ": shard " + k + "/" + n + " did not finish; run sweep --resume on it");
            }
            if (byShard.put(k, d) != null) {
                throw new BadInputException(d + ": shard " + k + "/" + n + " given twice");
            }
        }
        if (byShard.size() != n) {
            List<Integer> missing = new java.util.ArrayList<>();
            for (int k = 1; k <= n; k++) {
                if (!byShard.containsKey(k)) {
                    missing.add(k);
                }
            }
            throw new BadInputException("incomplete: shards " + missing + " of " + n + " are missing");
        }
        try {
            ResultsFolder.check(out, force);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        SweepSpec s = json.treeToValue(sweep, SweepSpec.class);
        String command = "alliancesim " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
        int failed = SweepMerge.merge(List.copyOf(byShard.values()), out, s, command, started);
        spec.commandLine().getOut().println("merged " + n + " shards into " + out
                + (failed > 0 ? " (" + failed + " points failed)" : ""));
        return failed > 0 ? AllianceSim.CHECKS_FAILED : AllianceSim.OK;
    }


}
