package org.alliancesim.model;

/**
 * One number per {@link Role}, for parameters that differ by role.
 *
 * @param parent value for {@link Role#PARENT}
 * @param adolescent value for {@link Role#ADOLESCENT}
 * @param child value for {@link Role#CHILD}
 * @param otherAdult value for {@link Role#OTHER_ADULT}
 */
public record RoleValues(
        @Doc("value for parents") double parent,
        @Doc("value for adolescents") double adolescent,
        @Doc("value for children") double child,
        @Doc("value for other adults") double otherAdult) {

    /** Validates that every value is finite. */
    public RoleValues {
        Check.finite("parent", parent);
        Check.finite("adolescent", adolescent);
        Check.finite("child", child);
        Check.finite("otherAdult", otherAdult);
    }

    /** The value for {@code role}. */
    public double of(Role role) {
        return switch (role) {
            case PARENT -> parent;
            case ADOLESCENT -> adolescent;
            case CHILD -> child;
            case OTHER_ADULT -> otherAdult;
        };
    }
}
