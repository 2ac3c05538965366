package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads calibration targets files (scenarios/targets/*.yaml) with the same located errors as
 * scenario files. Built-in: {@code literature}, the targets of LITERATURE.md.
 */
public final class CalibrationSpecs {

    /** The built-in targets files. */
    public static final List<String> BUILTINS = List.of("literature");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CalibrationSpecs() {}

    /** The text of a built-in targets file. */
    public static String builtinText(String name) {
        try (InputStream in = CalibrationSpecs.class.getResourceAsStream("targets/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in targets missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads a built-in targets file by name or a file by path.
     *
     * @param statistics the statistics a target may name (metric keys)
     * @throws ScenarioException listing every problem, located
     */
    public static CalibrationSpec load(String nameOrPath, Set<String> statistics) throws ScenarioException {
        return load(nameOrPath, statistics, Set.of());
    }

    /**
     * Loads a built-in targets file by name or a file by path, where some statistics are computed on a
     * virtual sample and so need the source's sample size.
     *
     * @param statistics the statistics a target may name
     * @param sampled statistics (a subset of {@code statistics}) computed on a virtual study, which a
     *     target may name only with {@code n:} stated, from {@link StudySpec#MIN_FAMILIES} to
     *     {@link StudySpec#MAX_FAMILIES}
     * @throws ScenarioException listing every problem, located
     */
    public static CalibrationSpec load(String nameOrPath, Set<String> statistics, Set<String> sampled)
            throws ScenarioException {
        String label;
        String text;
        if (BUILTINS.contains(nameOrPath)) {
            label = "built-in:" + nameOrPath;
            text = builtinText(nameOrPath);
        } else {
            Path p = ExtendsResolver.path(nameOrPath);
            if (p == null || !Files.isRegularFile(p)) {
                throw new ScenarioException(List.of(new Problem(nameOrPath, 0, 0, "",
                        "no such file, and no built-in targets of that name; built-ins: " + String.join(", ", BUILTINS))));
            }
            label = nameOrPath;
            text = SourceText.read(p, nameOrPath);
        }
        return parse(label, text, statistics, sampled);
    }

    /**
     * Gives each parameter entry of {@code parameters} without a prior the uniform one, and each
     * prior the fields its distribution does not take as NaN (not given), so the binder sees every
     * field and the record says which are missing or extra ({@link CalibrationSpec.Prior}).
     */
    static void defaultPriors(JsonNode parameters) {
        if (!(parameters instanceof ArrayNode list)) {
            return;
        }
        for (JsonNode p : list) {
            if (p instanceof ObjectNode o) {
                SourceTree.defaultField(o, "prior", NODES.objectNode().put("distribution", "uniform"));
                if (o.get("prior") instanceof ObjectNode prior) {
                    SourceTree.defaultField(prior, "distribution", NODES.textNode("uniform"));
                    for (String f : new String[] {"mean", "sd", "lower", "upper"}) {
                        // Jackson writes a NaN double as the text "NaN": a spec written back (the
                        // hypotheses file slurm --compete copies) says "not given" that way.
                        if (prior.path(f).isTextual() && prior.get(f).asText().equals("NaN")) {
                            prior.remove(f);
                        }
                        SourceTree.defaultField(prior, f, NODES.numberNode(Double.NaN));
                    }
                }
            }
        }
    }

    /** Parses targets text (for tests and tools). */
    public static CalibrationSpec parse(String label, String text, Set<String> statistics) throws ScenarioException {
        return parse(label, text, statistics, Set.of());
    }

    /** Parses targets text (for tests and tools); {@code sampled} as for {@link #load(String, Set, Set)}. */
    public static CalibrationSpec parse(String label, String text, Set<String> statistics, Set<String> sampled)
            throws ScenarioException {
        SourceTree tree = SpecFiles.tree(label, text);
        ObjectNode root = tree.root;
        SourceTree.defaultField(root, "base", NODES.textNode("default"));
        SourceTree.defaultField(root, "parameters", NODES.arrayNode());
        SourceTree.defaultField(root, "anchors", NODES.arrayNode());
        SourceTree.defaultField(root, "replications", NODES.numberNode(4));
        SourceTree.defaultField(root, "families", NODES.numberNode(1000));
        SourceTree.defaultField(root, "seed", NODES.numberNode(Scenario.DEFAULT_SEED));
        SourceTree.defaultField(root, "max_evaluations", NODES.numberNode(150));
        Binder b = new Binder(tree.origins, Map.of());
        if (root.get("targets") instanceof ArrayNode targets) {
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i) instanceof ObjectNode o) {
                    // n: the source's sample size. Absent means not stated (0); a stated n below 2 is
                    // refused here, where "stated" is still visible, at the value's place in the file.
                    JsonNode n = o.get("n");
                    if (n == null) {
                        o.put("n", 0);
                    } else if (n.isNumber() && n.doubleValue() < 2) {
                        b.problem("targets[" + i + "].n", Binder.shown(new org.alliancesim.model.ParameterException(
                                "n", n.asText(), CalibrationSpec.N_ALLOWED)));
                        o.put("n", 0);
                    }
                    // A point estimate with a tolerance or a standard error becomes a range:
                    // target +- tolerance, or target +- 1.96 standard errors (a 95% interval).
                    JsonNode tol = o.remove("tolerance");
                    JsonNode se = o.remove("standard_error");
                    JsonNode half = tol != null ? tol : se;
                    if (half != null && o.path("target").isNumber() && half.isNumber() && !o.has("min") && !o.has("max")) {
                        double h = half.doubleValue() * (tol != null ? 1 : 1.96);
                        o.put("min", o.get("target").doubleValue() - h);
                        o.put("max", o.get("target").doubleValue() + h);
                    } else if (half != null) {
                        SourceTree.Origin at = tree.origins.getOrDefault("targets", new SourceTree.Origin(label, 0, 0));
                        throw new ScenarioException(List.of(new Problem(at.file(), at.line(), at.column(), "targets",
                                "tolerance or standard_error needs a numeric target and no min or max, found "
                                        + Binder.describe(half))));
                    }
                    if (!o.has("target") && o.path("min").isNumber() && o.path("max").isNumber()) {
                        o.put("target", (o.get("min").doubleValue() + o.get("max").doubleValue()) / 2);
                    }
                    SourceTree.defaultField(o, "source", NODES.textNode(""));
                }
            }
        }
        defaultPriors(root.get("parameters"));
        if (root.get("anchors") instanceof ArrayNode anchors) {
            for (JsonNode a : anchors) {
                if (a instanceof ObjectNode o) {
                    SourceTree.defaultField(o, "source", NODES.textNode(""));
                }
            }
        }
        CalibrationSpec spec = (CalibrationSpec) b.record(CalibrationSpec.class, root, "", List.of());
        if (spec != null) {
            for (int i = 0; i < spec.parameters().size(); i++) {
                try {
                    String why = ParameterPath.parse(spec.parameters().get(i).path()).notFittable();
                    if (why != null) {
                        b.problem("parameters[" + i + "].path", why);
                    }
                } catch (ScenarioException e) {
                    // an unknown path is reported against the base scenario when the calibration is set up
                }
            }
            Set<String> known = new TreeSet<>(statistics); // messages list them in one order, whatever the set
            for (int i = 0; i < spec.targets().size(); i++) {
                CalibrationSpec.Target t = spec.targets().get(i);
                String s = t.statistic();
                if (!SpecFiles.known(b, "targets[" + i + "].statistic", "statistic", s, known)) {
                    continue;
                }
                if (sampled.contains(s) && !(t.n() >= StudySpec.MIN_FAMILIES && t.n() <= StudySpec.MAX_FAMILIES)) {
                    String allowed = "from " + StudySpec.MIN_FAMILIES + " to " + StudySpec.MAX_FAMILIES;
                    b.problem("targets[" + i + "]" + (t.sized() ? ".n" : ".statistic"), s
                            + " is computed on a virtual study of the source's size: "
                            + (t.sized() ? "n must be " + allowed + ", was " + t.n() : "state it with n: (" + allowed + ")"));
                }
            }
        }
        if (!b.problems.isEmpty()) {
            throw new ScenarioException(new ArrayList<>(b.problems));
        }
        return spec;
    }
}
