package org.alliancesim.scenario;

import java.util.regex.Pattern;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ModelParameters;

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
 */
public record Scenario(
        @Doc("the scenario's name; defaults to the file name") String name,
        @Doc("one line saying what the scenario shows") String description,
        @Doc("master seed of the random streams (any integer)") long seed,
        @Doc(value = "independent replications to run", min = 1, max = 100_000) int replications,
        ModelParameters model) {

    /** Validates the experiment fields (the model validates itself). */
    public Scenario {
        if (name == null || !NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH || name.contains("..")) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH + " letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit, without '..' (it names the results folder), was "
                    + (name == null ? "nothing" : "'" + Problem.excerpt(name) + "'"));
        }
        if (description == null) {
            throw new IllegalArgumentException("description must be given");
        }
        if (replications < 1 || replications > 100_000) {
            throw new IllegalArgumentException("replications must be in [1, 100000], was " + replications);
        }
        if (model == null) {
            throw new IllegalArgumentException("model must be given");
        }
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
        return new Scenario(name, description, newSeed, replications, model);
    }

    /** A copy with another number of replications. */
    public Scenario withReplications(int newReplications) {
        return new Scenario(name, description, seed, newReplications, model);
    }
}
