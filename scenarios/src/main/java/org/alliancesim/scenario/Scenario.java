package org.alliancesim.scenario;

import java.util.List;
import java.util.regex.Pattern;
import org.alliancesim.measurement.MeasurementSpec;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.ParameterException;

/**
 * A resolved scenario: the model's parameters and how to run them.
 *
 * @param name the scenario's name (a built-in's name, or the file's name without extension): it
 *     names the results folder, so it is 1 to {@link #MAX_NAME_LENGTH} letters, digits, '.', '_'
 *     or '-', starts with a letter or digit, and has no ".." ({@link #NAME})
 * @param description one line saying what the scenario shows
 * @param seed master seed of the random streams
 * @param replications independent replications to run, 1..100,000
 * @param model the model's parameters
 * @param measurement the instruments that observe the model (docs/measurement.md);
 *     {@link MeasurementSpec#defaults()} when a file has no {@code measurement:} section
 */
public record Scenario(
        @Doc("the scenario's name; defaults to the file name") String name,
        @Doc("one line saying what the scenario shows") String description,
        @Doc("master seed of the random streams (any integer)") long seed,
        @Doc(value = "independent replications to run", min = 1, max = 100_000) int replications,
        ModelParameters model,
        @Doc("instruments that observe the model: SOFTA-o, SOFTA-s, an outcome, their schedule and missing data (docs/measurement.md)") MeasurementSpec measurement) {

    /** Validates the experiment fields (the model validates itself). */
    public Scenario {
        if (name == null || !NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH || name.contains("..")) {
            throw new ParameterException("name", name == null ? null : "'" + Problem.excerpt(name) + "'", "1 to "
                    + MAX_NAME_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or digit, without"
                    + " '..' (it names the results folder)");
        }
        if (description == null) {
            throw new ParameterException("description", null, "given");
        }
        Bounds.checkAll(Scenario.class, name, description, seed, replications, model, measurement);
        if (model == null) {
            throw new ParameterException("model", null, "given");
        }
        if (measurement == null) {
            throw new ParameterException("measurement", null, "given");
        }
    }

    /** A scenario with the default measurement (not enabled). */
    public Scenario(String name, String description, long seed, int replications, ModelParameters model) {
        this(name, description, seed, replications, model, MeasurementSpec.defaults());
    }

    /** What a name may be (with at most {@link #MAX_NAME_LENGTH} characters and no ".."). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The longest name: two of them and a time stamp make a folder name well within 255 bytes. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Default seed when a file gives none. */
    public static final long DEFAULT_SEED = 20261125L;
    /** Default replications when a file gives none. */
    public static final int DEFAULT_REPLICATIONS = 20;

    /** A copy with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, replications, model, measurement);
    }

    /** A copy with another number of replications. */
    public Scenario withReplications(int newReplications) {
        return new Scenario(name, description, seed, newReplications, model, measurement);
    }

    /** A copy whose measurement is enabled or not ({@code run --measure}). */
    public Scenario withMeasurementEnabled(boolean on) {
        return new Scenario(name, description, seed, replications, model, measurement.withEnabled(on));
    }

    /**
     * A copy with one field set, checked as a file's value would be (the records' constructors).
     *
     * @param path the field, parsed once with {@link ParameterPath#parse}
     * @param value a Java value of the field's kind (see {@link ScenarioEdits}): a Number, Boolean,
     *     String (also for enum fields), enum constant, or List of those
     * @throws ScenarioException when the index does not exist or the value is not allowed; its
     *     problem names the field's path and what is allowed
     */
    public Scenario with(ParameterPath path, Object value) throws ScenarioException {
        return ScenarioEdits.with(this, java.util.Collections.singletonMap(path, value), "edit " + path);
    }

    /**
     * A copy with several fields set together: each record on the edited paths is rebuilt once, so
     * edits valid only jointly (mixture shares that must sum to 1) can be made. Iteration order is the
     * order applied; a later edit of the same field wins.
     *
     * @param source where the edits came from, for messages (for example "--set" or "sweep point 12")
     * @throws ScenarioException when an index does not exist or a value is not allowed
     */
    public Scenario with(java.util.Map<ParameterPath, ?> edits, String source) throws ScenarioException {
        return ScenarioEdits.with(this, edits, source);
    }

    /** {@link #with(ParameterPath, Object)} with the path given as text. */
    public Scenario with(String path, Object value) throws ScenarioException {
        return with(ParameterPath.parse(path), value);
    }

    /**
     * The value at {@code path} in this scenario (a boxed number, Boolean, String, enum, record or
     * List). For a path with a wildcard, the value every entry holds.
     *
     * @throws ScenarioException when an index does not exist, a wildcard matches no entry, or the
     *     entries a wildcard covers hold different values (read them with {@link #valuesAt})
     */
    public Object valueAt(ParameterPath path) throws ScenarioException {
        List<Object> values = valuesAt(path);
        for (int k = 1; k < values.size(); k++) {
            if (!values.get(k).equals(values.get(0))) {
                throw new ScenarioException(List.of(new Problem("parameter path '" + path + "'", 0, 0,
                        path.toString(), "the entries hold different values (" + shown(values.get(0)) + " and "
                                + shown(values.get(k)) + "), so '" + path + "' has no single value")));
            }
        }
        return values.get(0);
    }

    private static String shown(Object v) {
        return v instanceof Enum<?> e ? Names.of(e) : String.valueOf(v);
    }

    /**
     * The values at {@code path}: one for a concrete path, one per entry (in list order) for a path
     * with a wildcard ({@link ParameterPath#expand}).
     *
     * @throws ScenarioException when an index does not exist or a wildcard matches no entry
     */
    public List<Object> valuesAt(ParameterPath path) throws ScenarioException {
        List<Object> out = new java.util.ArrayList<>();
        for (ParameterPath p : path.expand(this)) {
            out.add(concreteValueAt(p));
        }
        return out;
    }

    private Object concreteValueAt(ParameterPath path) throws ScenarioException {
        Object node = this;
        String at = "";
        for (Object seg : path.segments()) {
            if (seg instanceof Integer i) {
                List<?> list = (List<?>) node;
                if (i >= list.size()) {
                    throw new ScenarioException(List.of(new Problem("parameter path '" + path + "'", 0, 0, at,
                            "no entry " + i + "; " + at + " has " + list.size() + " (numbered from 0)")));
                }
                node = list.get(i);
                at = at + "[" + i + "]";
            } else {
                if (node == this && RecordShape.of(Scenario.class).indexOf((String) seg) < 0) {
                    node = model;
                }
                node = ScenarioEdits.component(node, (String) seg);
                at = at.isEmpty() ? (String) seg : at + "." + seg;
            }
        }
        return node;
    }
}
