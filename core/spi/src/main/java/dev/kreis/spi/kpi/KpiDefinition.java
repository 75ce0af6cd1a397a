package dev.kreis.spi.kpi;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a KPI is: its key, name, unit, direction, owning departments, whether it is shared, and a
 * description. How it is computed is a separate object, {@link KpiComputation}, which the
 * contributing {@link KpiProvider} hands out for each definition; targets per period are set by
 * people at run time and belong to the platform, not to the definition.
 *
 * <p>When used: a {@link KpiProvider} returns its definitions once, when the platform builds its KPI
 * registry at start-up; the registry serves them from {@code GET /api/v1/kpis}.
 *
 * <p>Validation happens in the constructor, so an invalid definition fails the contributing module at
 * start-up instead of surfacing on a dashboard.
 *
 * <p>Stability: stable. Instances are immutable and thread-safe.
 *
 * @param key              unique, stable identifier used in URLs and storage: lower case, a letter
 *                         followed by 1 to 63 letters, digits, {@code _} or {@code .}
 *                         ({@code [a-z][a-z0-9_.]{1,63}}), e.g. {@code nps}, {@code support.first_contact_resolution};
 *                         by convention a module prefixes its keys with its id and a dot
 * @param name             human-readable name, not blank, e.g. "Net Promoter Score"
 * @param unit             the unit of the value
 * @param direction        whether higher or lower values are better
 * @param ownerDepartments the departments accountable for the KPI, at least one; each lower case, a
 *                         letter followed by letters, digits, {@code _} or {@code -}
 *                         ({@code [a-z][a-z0-9_-]{0,63}}), e.g. {@code support}, {@code customer-success};
 *                         copied into an unmodifiable set
 * @param shared           whether the KPI is a shared KPI ("aligned incentives"): one that several
 *                         departments are measured by together. Kreis does not require a shared KPI to
 *                         name two owners here; the alignment scorecard reports shared KPIs that name
 *                         fewer than two, because that gap is exactly what it exists to show
 * @param description      one or two sentences saying what is measured and how, not {@code null}
 */
public record KpiDefinition(
        String key,
        String name,
        KpiUnit unit,
        Direction direction,
        Set<String> ownerDepartments,
        boolean shared,
        String description) {

    /** What a KPI key looks like. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_.]{1,63}");

    /** What a department name looks like. */
    public static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     if a component is {@code null} or a department is {@code null}
     * @throws IllegalArgumentException if the key or a department is malformed, the name is blank or
     *                                  there is no owner department
     */
    public KpiDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(ownerDepartments, "ownerDepartments");
        Objects.requireNonNull(description, "description");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "KPI key must be lower case, start with a letter and be 2 to 64 of [a-z0-9_.]: '" + key + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("KPI '" + key + "' needs a name");
        }
        ownerDepartments = Set.copyOf(ownerDepartments);
        if (ownerDepartments.isEmpty()) {
            throw new IllegalArgumentException("KPI '" + key + "' needs at least one owner department");
        }
        for (String department : ownerDepartments) {
            if (!DEPARTMENT.matcher(department).matches()) {
                throw new IllegalArgumentException("KPI '" + key + "' has a malformed owner department '" + department
                        + "': lower case, starting with a letter, letters, digits, '_' or '-'");
            }
        }
    }
}
