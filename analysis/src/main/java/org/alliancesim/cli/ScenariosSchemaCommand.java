package org.alliancesim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.usecase.SchemaRequest;
import org.alliancesim.analysis.usecase.SchemaUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alliancesim scenarios schema}: the scenario JSON Schema to standard output or a file ({@link SchemaUseCase}). */
@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Write the JSON Schema (draft 2020-12) of scenario files.")
final class ScenariosSchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        String json = SchemaUseCase.execute(new SchemaRequest(out));
        if (out == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        }
        return AllianceSim.OK;
    }
}
