package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.model.ParameterException;

/**
 * Shard folders of one sweep to combine into one folder.
 *
 * <p>From JShell: {@code MergeUseCase.execute(MergeRequest.of(List.of(Path.of("s/shard-1"), Path.of("s/shard-2")),
 * Output.to(Path.of("s/merged"))))}.
 *
 * @param shards the shard folders (from a sweep with a shard K/N each), in any order
 * @param output the merged folder: new or empty unless {@code force}
 * @param arguments the invocation's arguments, recorded in the report (empty for a library call)
 */
public record MergeRequest(List<Path> shards, Output output, List<String> arguments) {

    /**
     * Validates the request.
     *
     * @throws ParameterException for no shard folders or no output
     */
    public MergeRequest {
        if (shards == null || shards.isEmpty()) {
            throw new ParameterException("shards", shards == null ? null : "none", "at least one shard folder");
        }
        shards = List.copyOf(shards);
        Requests.given("output", output);
        arguments = Requests.arguments(arguments);
    }

    public static MergeRequest of(List<Path> shards, Output output) {
        return new MergeRequest(shards, output, null);
    }

    public MergeRequest withArguments(List<String> invocation) {
        return new MergeRequest(shards, output, invocation);
    }
}
