package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * Reads study design files ({@code study --design}, docs/studies.md) with the same limits and located
 * errors (file:line:column and field) as scenario, sweep and hypotheses files. Fields left out take
 * the values of {@link StudySpec#defaults()}; an unknown field is refused.
 */
public final class StudySpecs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        ObjectNode root = tree.root;
        StudySpec d = StudySpec.defaults();
        SourceTree.defaultField(root, "families", NODES.numberNode(d.families()));
        SourceTree.defaultField(root, "therapists", NODES.numberNode(d.therapists()));
        SourceTree.defaultField(root, "early_session", NODES.numberNode(d.earlySession()));
        SourceTree.defaultField(root, "alpha", NODES.numberNode(d.alpha()));
        SourceTree.defaultField(root, "seed", NODES.numberNode(d.seed()));
        return SpecFiles.bind(tree, StudySpec.class, (spec, b) -> { });
    }
}
