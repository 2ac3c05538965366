package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.scenario.ScenarioSchema;

/** Writes the JSON Schema (draft 2020-12) of scenario files, for editors and validators. */
public final class SchemaUseCase {

    private SchemaUseCase() {}

    /**
     * Returns the schema and, when the request names a file, writes it there.
     *
     * @return the schema as JSON text
     * @throws BadRequestException if the file name is empty, names a folder, lies in a folder that
     *     does not exist, or cannot be created (nothing is written)
     * @throws IOException if writing fails after the file was created (no half-written file is left)
     */
    public static String execute(SchemaRequest request) throws IOException {
        String json = ScenarioSchema.json();
        Path out = request.file();
        if (out == null) {
            return json;
        }
        if (out.toString().isEmpty()) {
            throw new BadRequestException("--out is empty; give a file name");
        }
        if (Files.isDirectory(out)) {
            throw new BadRequestException("--out " + out + " is a folder; give a file name");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new BadRequestException("--out " + out + ": the folder " + parent + " does not exist");
        }
        AtomicFile file;
        try {
            file = AtomicFile.create(out);
        } catch (IOException e) {
            throw new BadRequestException("--out " + out + ": cannot write there (" + AtomicFile.reason(e) + ")");
        }
        try (file) {
            try (OutputStream o = file.stream()) {
                o.write(json.getBytes(StandardCharsets.UTF_8));
            }
            file.commit();
        }
        return json;
    }
}
