package org.alliancesim.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter (a record component of the model's parameter types) for readers outside
 * Java: the scenario format's JSON Schema takes its descriptions and numeric bounds from here. It is
 * also the one authority for those bounds in Java: each record's compact constructor enforces them
 * with one call, {@link Bounds#checkAll}, which reads them from here (checks a bound alone cannot
 * state, such as shares summing to 1, stay in the constructor). DocBoundsTest checks that every
 * bound is enforced.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Doc {

    /** What the parameter means, with its unit. */
    String value();

    /** Smallest allowed value (numbers only). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value (numbers only). */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded. */
    boolean exclusiveMin() default false;

    /** Whether {@link #max()} itself is excluded. */
    boolean exclusiveMax() default false;

    /**
     * The rules that read this coefficient, by their file names ({@code trend},
     * {@code level_and_trend}), for a component of a record whose {@code rule} component chooses
     * among rules (the families of {@link Rules}); empty when every rule reads it. A scenario,
     * {@code --set}, sweep or fit that sets a coefficient the chosen rule does not read is refused,
     * naming these rules, so no value is silently ignored.
     */
    String[] readBy() default {};
}
