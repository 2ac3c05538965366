package org.alliancesim.scenario;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The input limits of scenario, sweep and targets files, stated once, and the reading of such files
 * within them (docs/scenarios.md, "Limits"; docs/security.md, "Scenario files").
 *
 * <p>A file is checked on its byte count before any YAML or JSON reader sees it, and read through
 * a bound, so a file that is (or grows) larger is refused without being parsed: SnakeYAML takes
 * time that grows with the square of a long line's length (a scalar, or even a comment). The parsers are configured from the
 * same numbers: SnakeYAML's code point limit and Jackson's document, string and nesting limits.
 *
 * <p>Thread-safe: stateless; the factories it builds are thread-safe.
 */
final class SourceText {

    /** The largest file read as a scenario, sweep or targets file: 1 MiB (the built-ins are under 4 KiB). */
    static final int MAX_BYTES = 1 << 20;

    /** The deepest nesting of mappings and lists (a scenario needs 4: dynamics.start.role_offset.parent). */
    static final int MAX_DEPTH = 16;

    /** {@link #MAX_BYTES} as messages and docs state it. */
    static final String LIMIT = MAX_BYTES + " bytes (" + (MAX_BYTES >> 20) + " MiB)";

    private SourceText() {}

    /**
     * A YAML factory with the limits set: code points and document length up to {@link #MAX_BYTES},
     * nesting one level beyond {@link #MAX_DEPTH} (so that {@link SourceTree} reports the excess with
     * its position before the parser stops), aliases for collections 0 (Jackson's streaming parser does
     * not expand aliases anyway; {@link SourceTree} refuses them). Duplicate keys stay allowed here:
     * {@link SourceTree} reports each duplicate with its field path.
     */
    static YAMLFactoryBuilder yamlBuilder() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        // The builder does not start from YAMLFactory's defaults: an empty value must read as empty (null).
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints())
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL);
    }

    /** Jackson's limits for the scenario parsers (YAML and JSON alike). */
    static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxDocumentLength(MAX_BYTES)
                .maxStringLength(MAX_BYTES)
                .maxNestingDepth(MAX_DEPTH + 1)
                .build();
    }

    /**
     * The problem with text of {@code length} characters or bytes from {@code file}, or null when it is
     * within {@link #MAX_BYTES}.
     */
    static Problem tooLarge(String file, long length, String unit) {
        if (length <= MAX_BYTES) {
            return null;
        }
        return new Problem(file, 0, 0, "", "is " + length + " " + unit + ", more than the " + LIMIT
                + " a scenario, sweep or targets file may have; nothing of it was read as YAML");
    }

    /**
     * Reads a file as strict UTF-8 text, refusing it before parsing when it is larger than
     * {@link #MAX_BYTES} (by its size, and by counting while reading, for files whose size is not
     * known in advance, such as those under /proc).
     *
     * @param file the file to read
     * @param label how the file is named in problems
     * @throws ScenarioException when the file is too large, unreadable, or not UTF-8 text
     */
    static String read(Path file, String label) throws ScenarioException {
        try {
            Problem size = tooLarge(label, Files.size(file), "bytes");
            if (size != null) {
                throw new ScenarioException(List.of(size));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new ScenarioException(List.of(new Problem(label, 0, 0, "", "is more than the " + LIMIT
                        + " a scenario, sweep or targets file may have; nothing of it was read as YAML")));
            }
            return decode(bytes);
        } catch (CharacterCodingException e) {
            throw new ScenarioException(List.of(new Problem(label, 0, 0, "", "cannot read: not UTF-8 text")));
        } catch (AccessDeniedException e) {
            throw new ScenarioException(List.of(new Problem(label, 0, 0, "", "cannot read: permission denied")));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(label, 0, 0, "", "cannot read: " + e.getMessage())));
        }
    }

    /** Strict UTF-8: a file that is not text gets a clear problem instead of replacement characters. */
    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
