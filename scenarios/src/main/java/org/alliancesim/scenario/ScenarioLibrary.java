package org.alliancesim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in scenarios: their names, their text (resources under {@code library/}, from the
 * source folder {@code scenarios/library/}) and their parsed trees, plus the defaults every
 * scenario starts from.
 *
 * <p>Built-ins never change, so each is parsed once and its tree shared; callers only read shared
 * trees and copy what they keep ({@link TreeMerge} does). A built-in that does not parse is a
 * packaging error, reported as an {@link IllegalStateException}. Thread-safe.
 */
final class ScenarioLibrary {

    /** Built-in scenario names, in the order {@code scenarios list} shows them. */
    static final List<String> NAMES = List.of(
            "default",
            "trust-from-consistency",
            "healthy-alliance-productive-discomfort",
            "fragile-alliance-same-challenge",
            "split-alliance-identified-patient",
            "novice-vs-noisy-family",
            "involuntary-referral",
            "unprepared-for-observation",
            "prepared-for-observation",
            "rupture-repair-resistance-as-information",
            "clinic-waitlist");

    /** How problems and origins name the built-in defaults. */
    static final String DEFAULTS_LABEL = "built-in defaults";

    private static final ConcurrentHashMap<String, SourceTree> TREES = new ConcurrentHashMap<>();
    private static volatile SourceTree defaults;

    private ScenarioLibrary() {}

    /** Whether {@code name} is a built-in scenario. */
    static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /** How problems name the built-in {@code name}: {@code built-in:NAME}. */
    static String label(String name) {
        return "built-in:" + name;
    }

    /**
     * The text of a built-in scenario file.
     *
     * @throws IllegalStateException when {@code name} is not a built-in or its file is missing from the jar
     */
    static String text(String name) {
        if (!contains(name)) {
            throw new IllegalStateException("not a built-in scenario: " + name);
        }
        String resource = "library/" + name + ".yaml";
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in scenario " + name, e);
        }
    }

    /** The built-in {@code name} parsed, once per JVM; shared, so callers must not change it. */
    static SourceTree tree(String name) {
        return TREES.computeIfAbsent(name, n -> {
            try {
                return SourceTree.parse(label(n), text(n), false);
            } catch (ScenarioException e) {
                throw new IllegalStateException("built-in scenario " + n + " is invalid: " + e.getMessage(), e);
            }
        });
    }

    /**
     * What a file that says nothing means ({@link TreeCodec#defaults()}), as a tree whose every
     * value comes from {@link #DEFAULTS_LABEL}; computed once and shared, so callers copy it.
     */
    static SourceTree defaults() {
        SourceTree d = defaults;
        if (d == null) {
            d = SourceTree.synthetic(DEFAULTS_LABEL, TreeCodec.defaults());
            defaults = d;
        }
        return d;
    }
}
