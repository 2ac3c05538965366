package org.alliancesim.scenario;

import java.nio.file.Path;

/**
 * Reads study design files ({@code study --design}, docs/studies.md) with the same limits and located
 * errors (file:line:column and field) as scenario, sweep and hypotheses files. Fields left out take
 * the values of {@link StudySpec#defaults()}; an unknown field is refused.
 */
public final class StudySpecs {

    private StudySpecs() {}

    /**
     * Loads a design file.
     *
     * @throws ScenarioException listing every problem, located
     */
    public static StudySpec load(Path file) throws ScenarioException {
        return parse(file.toString(), SpecFiles.read(file));
    }

    /** Parses design text (for tests and tools). */
    public static StudySpec parse(String label, String text) throws ScenarioException {
        SourceTree tree = SpecFiles.tree(label, text);
        SpecFiles.defaults(tree.root, StudySpec.defaults());
        return SpecFiles.bind(tree, StudySpec.class, (spec, b) -> { });
    }
}
