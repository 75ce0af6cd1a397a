package dev.kreis.spi.module;

import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a module is and what it contributes: the platform's registry reads it when the application starts
 * (code modules) or when an admin uploads it (declarative modules), and records every touchpoint type,
 * KPI and permission against the module, so an uninstall removes exactly those.
 *
 * <p>Everything is validated in the constructor; a malformed descriptor of a bundled module fails
 * start-up with the reason, a malformed uploaded one is refused with the reason.
 *
 * <p>Stability: stable. Immutable and thread-safe.
 *
 * @param id              lower case, a letter then 1 to 31 letters, digits or {@code -}, e.g. {@code marketing}; also
 *                        the first path segment of the module's REST API ({@code /api/v1/<id>/...}) and the prefix of
 *                        its touchpoint types, KPIs and permissions
 * @param name            human-readable name
 * @param version         the module's version, semantic versioning ({@code 1.2.0})
 * @param coreVersions    the Kreis core versions the module works with, as a range such as {@code >=0.1.0 <1.0.0}
 *                        (npm-style; the platform refuses to install or upgrade outside it)
 * @param department      the owning department, e.g. {@code marketing}
 * @param description     one or two sentences for the admin
 * @param tablePrefix     the prefix of every table the module owns (e.g. {@code mkt_}); empty for a module without
 *                        tables. The module's Flyway migrations live in its jar under
 *                        {@code db/kreis-modules/<id>/} and are applied on install with their own history table
 *                        {@code <prefix>schema_history}
 * @param touchpointTypes the touchpoint types the module feeds; each key starts with {@code <id>.} and names
 *                        {@code <id>} as owner
 * @param kpis            the KPIs the module contributes; each key starts with {@code <id>.}
 * @param permissions     the permissions the module's endpoints declare; each name starts with {@code <id>:}
 * @param config          the configuration schema
 * @param attributes      custom customer attributes the module adds; each key starts with {@code <id>.}
 */
public record ModuleDescriptor(
        String id,
        String name,
        String version,
        String coreVersions,
        String department,
        String description,
        Optional<String> tablePrefix,
        List<TouchpointTypeDefinition> touchpointTypes,
        List<KpiDefinition> kpis,
        List<ModulePermission> permissions,
        List<ConfigProperty> config,
        List<AttributeDefinition> attributes) {

    /** What a module id looks like. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    /** Semantic versioning 2.0.0, without build metadata. */
    public static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    /** What a table prefix looks like: 2 to 8 lower-case letters followed by {@code _}. */
    public static final Pattern TABLE_PREFIX = Pattern.compile("[a-z]{2,8}_");

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException naming the first thing that is wrong
     */
    public ModuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(coreVersions, "coreVersions");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        touchpointTypes = List.copyOf(touchpointTypes);
        kpis = List.copyOf(kpis);
        permissions = List.copyOf(permissions);
        config = List.copyOf(config);
        attributes = List.copyOf(attributes);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: must be lower case, a letter then 1 to 31 letters, digits or '-': '" + id + "'");
        }
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name: must be 1 to 100 characters");
        }
        if (!SEMVER.matcher(version).matches()) {
            throw new IllegalArgumentException("version: must be a semantic version such as 1.0.0: '" + version + "'");
        }
        if (coreVersions.isBlank()) {
            throw new IllegalArgumentException("coreVersions: must be a version range such as '>=0.1.0 <1.0.0'");
        }
        if (!KpiDefinition.DEPARTMENT.matcher(department).matches()) {
            throw new IllegalArgumentException("department: must be lower case, a letter then letters, digits, '_' or '-': '" + department + "'");
        }
        if (description.length() > 1000) {
            throw new IllegalArgumentException("description: at most 1000 characters");
        }
        tablePrefix.ifPresent(prefix -> {
            if (!TABLE_PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("tablePrefix: must be 2 to 8 lower-case letters and '_': '" + prefix + "'");
            }
        });
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < touchpointTypes.size(); i++) {
            TouchpointTypeDefinition type = touchpointTypes.get(i);
            if (!type.key().startsWith(id + ".") || !type.owner().equals(id)) {
                throw new IllegalArgumentException("touchpointTypes[" + i + "].key: must start with '" + id + ".' and name owner '" + id + "': '"
                        + type.key() + "'");
            }
            if (!seen.add("type " + type.key())) {
                throw new IllegalArgumentException("touchpointTypes[" + i + "].key: '" + type.key() + "' appears twice");
            }
        }
        for (int i = 0; i < kpis.size(); i++) {
            String key = kpis.get(i).key();
            if (!key.startsWith(id.replace('-', '_') + ".")) {
                throw new IllegalArgumentException("kpis[" + i + "].key: must start with '" + id.replace('-', '_') + ".': '" + key + "'");
            }
            if (!seen.add("kpi " + key)) {
                throw new IllegalArgumentException("kpis[" + i + "].key: '" + key + "' appears twice");
            }
        }
        for (int i = 0; i < permissions.size(); i++) {
            ModulePermission permission = permissions.get(i);
            if (!permission.module().equals(id)) {
                throw new IllegalArgumentException("permissions[" + i + "].name: must start with '" + id + ":': '" + permission.name() + "'");
            }
            if (!seen.add("permission " + permission.name())) {
                throw new IllegalArgumentException("permissions[" + i + "].name: '" + permission.name() + "' appears twice");
            }
        }
        for (int i = 0; i < config.size(); i++) {
            if (!seen.add("config " + config.get(i).key())) {
                throw new IllegalArgumentException("config[" + i + "].key: '" + config.get(i).key() + "' appears twice");
            }
        }
        for (int i = 0; i < attributes.size(); i++) {
            String key = attributes.get(i).key();
            if (!key.startsWith(id + ".")) {
                throw new IllegalArgumentException("attributes[" + i + "].key: must start with '" + id + ".': '" + key + "'");
            }
            if (!seen.add("attribute " + key)) {
                throw new IllegalArgumentException("attributes[" + i + "].key: '" + key + "' appears twice");
            }
        }
    }

    /** Where the module's Flyway migrations live in its jar. */
    public String migrationLocation() {
        return "db/kreis-modules/" + id;
    }
}
