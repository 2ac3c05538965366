package org.alliancesim.analysis.usecase;

import java.nio.file.Path;

/**
 * Where to write the JSON Schema of scenario files.
 *
 * @param file the file to write (replaced atomically; a link there is replaced, not followed), or
 *     null to write nothing and only return the schema
 */
public record SchemaRequest(Path file) {

    /** The schema as text, no file. */
    public static SchemaRequest text() {
        return new SchemaRequest(null);
    }
}
