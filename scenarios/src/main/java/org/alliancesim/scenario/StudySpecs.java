package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "no such file")));
        }
        return parse(file.toString(), SourceText.read(file, file.toString()));
    }

    /** Parses design text (for tests and tools). */
    public static StudySpec parse(String label, String text) throws ScenarioException {
        SourceTree tree = SourceTree.parse(label, text, label.endsWith(".json"));
        ObjectNode root = tree.root;
        StudySpec d = StudySpec.defaults();
        SourceTree.defaultField(root, "families", NODES.numberNode(d.families()));
        SourceTree.defaultField(root, "therapists", NODES.numberNode(d.therapists()));
        SourceTree.defaultField(root, "early_session", NODES.numberNode(d.earlySession()));
        SourceTree.defaultField(root, "alpha", NODES.numberNode(d.alpha()));
        SourceTree.defaultField(root, "seed", NODES.numberNode(d.seed()));
        Binder b = new Binder(tree.origins, Map.of());
        StudySpec spec = (StudySpec) b.record(StudySpec.class, root, "", List.of());
        if (!b.problems.isEmpty()) {
            throw new ScenarioException(new ArrayList<>(b.problems));
        }
        return spec;
    }
}
