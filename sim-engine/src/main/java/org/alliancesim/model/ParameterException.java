package org.alliancesim.model;

/**
 * A parameter value a record refuses, as data: which field, what was found and what is allowed,
 * so callers (the scenario loader, the web page, tests) never parse the message.
 * The message reads {@code field must be ALLOWED, was FOUND}.
 */
public final class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String found;
    private final String allowed;

    /**
     * @param field the record component's Java name, or a dotted path below it
     *     ({@code decisionWeight.parent})
     * @param found the refused value as text
     * @param allowed what is allowed, for example {@code in [0.0, 1.0]} or {@code given}
     */
    public ParameterException(String field, String found, String allowed) {
        super(field + " must be " + allowed + (found == null ? "" : ", was " + found));
        this.field = field;
        this.found = found;
        this.allowed = allowed;
    }

    /** The field's Java name relative to the record that refused it ({@code gainUp}, {@code decisionWeight.parent}). */
    public String field() {
        return field;
    }

    /** The refused value as text, or null when the value was missing. */
    public String found() {
        return found;
    }

    /** What the field allows, for example {@code in (0.0, 1.0]}. */
    public String allowed() {
        return allowed;
    }
}
