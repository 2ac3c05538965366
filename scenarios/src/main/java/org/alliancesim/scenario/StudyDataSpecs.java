package org.alliancesim.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a study folder's {@code study-data.yaml} ({@link StudyDataSpec}) with the same limits and
 * located errors (file:line:column and field) as every settings file. Fields left out take their
 * defaults, except {@code dropout_definition}, which the file must state; an unknown field is refused.
 */
public final class StudyDataSpecs {

    /** The file's name in a study folder. */
    public static final String FILE = "study-data.yaml";

    private StudyDataSpecs() {}

    /**
     * Loads {@code dir}/study-data.yaml.
     *
     * @throws ScenarioException listing every problem, located
     */
    public static StudyDataSpec load(Path dir) throws ScenarioException {
        Path file = dir.resolve(FILE);
        return parse(file.toString(), SpecFiles.read(file));
    }

    /** Parses the text of a study-data.yaml (for tests and tools). */
    public static StudyDataSpec parse(String label, String text) throws ScenarioException {
        SourceTree tree = SpecFiles.tree(label, text);
        StudyDataSpec d = new StudyDataSpec("observer", List.of(1), 1, 0.80, "outcome", 0.85, 0, 6, 0, "-", true,
                Scenario.DEFAULT_SEED);
        boolean stated = tree.root.has("dropout_definition");
        SpecFiles.defaults(tree.root, d);
        if (!stated) {
            tree.root.remove("dropout_definition");
        }
        return SpecFiles.bind(tree, StudyDataSpec.class, (spec, b) -> { });
    }
}
