package org.alliancesim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one shape of every settings file's loader (sweep, study, hypotheses, lesson, targets and
 * validation files): read the file with the text limits ({@link SourceText}), parse it to a tree
 * whose every value knows its file, line and column ({@link SourceTree}), let the loader fill its
 * defaults, bind the tree to the file's record ({@link Binder}) with the loader's own checks, and
 * report every problem together, located. Each loader states only its defaults and checks.
 */
final class SpecFiles {

    /** A loader's checks of a record that bound cleanly: problems go to the binder (located there). */
    @FunctionalInterface
    interface Checks<T> {
        void check(T spec, Binder b) throws ScenarioException;
    }

    private SpecFiles() {}

    /**
     * The text of {@code file}.
     *
     * @throws ScenarioException "no such file" when it is not a regular file, or the reading limits' refusal
     */
    static String read(Path file) throws ScenarioException {
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "no such file")));
        }
        return SourceText.read(file, file.toString());
    }

    /** Gives {@code root} each field of {@code defaults} it leaves out, in file layout. */
    static void defaults(com.fasterxml.jackson.databind.node.ObjectNode root, Record defaults) {
        for (java.lang.reflect.RecordComponent c : defaults.getClass().getRecordComponents()) {
            try {
                SourceTree.defaultField(root, Names.snake(c.getName()), TreeCodec.tree(c.getAccessor().invoke(defaults)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("reading " + c.getName(), e);
            }
        }
    }

    /** The located tree of {@code text}, read as JSON when {@code label} ends in .json, else as YAML. */
    static SourceTree tree(String label, String text) throws ScenarioException {
        return SourceTree.parse(label, text, label.endsWith(".json"));
    }

    /**
     * Whether {@code found} is one of {@code known}; if not, records the problem every file gives for
     * an unknown name: {@code unknown WHAT 'found' (did you mean 'x'?); allowed: a, b, c}.
     */
    static boolean known(Binder b, String path, String what, String found, java.util.Collection<String> known) {
        if (known.contains(found)) {
            return true;
        }
        b.problem(path, "unknown " + what + " '" + Problem.excerpt(found) + "'" + Names.didYouMean(found, known)
                + "; allowed: " + String.join(", ", known));
        return false;
    }

    /**
     * Binds {@code tree} (its defaults filled) to {@code type}, runs {@code checks} on the record, and
     * returns it, or throws every problem found.
     *
     * @param checks run only when the record bound (it may still have problems of its own fields)
     */
    static <T> T bind(SourceTree tree, Class<T> type, Checks<T> checks) throws ScenarioException {
        Binder b = new Binder(tree.origins, Map.of());
        T spec = type.cast(b.record(type, tree.root, "", List.of()));
        if (spec != null) {
            checks.check(spec, b);
        }
        if (!b.problems.isEmpty()) {
            throw new ScenarioException(new ArrayList<>(b.problems));
        }
        return spec;
    }
}
