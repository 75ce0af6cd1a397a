package dev.kreis.platform.module.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kreis.platform.module.RegisteredModule;
import dev.kreis.platform.module.persistence.InstallationRow;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.module.AttributeDefinition;
import dev.kreis.spi.module.ConfigProperty;
import dev.kreis.spi.module.ModuleDescriptor;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A module as {@code GET /api/v1/modules} shows it: what it is, its state and versions, what it
 * contributes (and, when installed, what the registry recorded it contributed), its settings.
 *
 * @param version          the version the distribution (or the upload) offers
 * @param installedVersion the version installed, when installed
 * @param upgradeAvailable installed, and the offered version is newer
 * @param compatible       whether this core version satisfies the module's {@code coreVersions}
 * @param contributed      what the registry recorded for the installed module, by kind
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleView(String id, String name, String description, String department, String origin, String state, String version,
        String installedVersion, boolean upgradeAvailable, String coreVersions, boolean compatible, String tablePrefix,
        List<TypeView> touchpointTypes, List<KpiView> kpis, List<PermissionView> permissions, List<AttributeView> attributes,
        List<SettingView> configSchema, Map<String, String> config, Map<String, List<String>> contributed, OffsetDateTime installedAt,
        OffsetDateTime updatedAt, String updatedBy) {

    public record TypeView(String key, String channel, String phase, String initiator, @Schema(nullable = true) String scoreScale,
            @Schema(nullable = true) String pyramidLevel, String description) {
    }

    public record KpiView(String key, String name, String unit, String direction, Set<String> ownerDepartments, boolean shared) {
    }

    public record PermissionView(String name, Set<String> roles, String description) {
    }

    public record AttributeView(String key, String type, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SettingView(String key, String type, boolean required, String defaultValue, Long min, Long max, String description) {
    }

    static ModuleView of(RegisteredModule module, String state, InstallationRow row, boolean compatible, Map<String, String> config,
            Map<String, List<String>> contributed, int versionOrder) {
        ModuleDescriptor d = module.descriptor();
        boolean installed = !state.equals("available");
        return new ModuleView(d.id(), d.name(), d.description(), d.department(), module.origin().wire(), state, d.version(),
                installed && row != null ? row.installedVersion() : null, installed && versionOrder > 0, d.coreVersions(), compatible,
                d.tablePrefix().orElse(null),
                d.touchpointTypes().stream().map(ModuleView::type).toList(),
                d.kpis().stream().map(ModuleView::kpi).toList(),
                d.permissions().stream().map(p -> new PermissionView(p.name(), new java.util.TreeSet<>(p.roles()), p.description())).toList(),
                d.attributes().stream().map(ModuleView::attribute).toList(),
                d.config().stream().map(ModuleView::setting).toList(),
                config, installed ? contributed : null,
                row == null ? null : row.installedAt(), row == null ? null : row.updatedAt(), row == null ? null : row.updatedBy());
    }

    private static TypeView type(TouchpointTypeDefinition t) {
        return new TypeView(t.key(), t.defaultChannel().wire(), t.phase().wire(), t.initiator().wire(), t.scoreScale().map(s -> s.wire()).orElse(null),
                t.pyramidLevel().map(l -> l.wire()).orElse(null), t.description());
    }

    private static KpiView kpi(KpiDefinition k) {
        return new KpiView(k.key(), k.name(), k.unit().wire(), k.direction().wire(), new java.util.TreeSet<>(k.ownerDepartments()), k.shared());
    }

    private static AttributeView attribute(AttributeDefinition a) {
        return new AttributeView(a.key(), a.type().name().toLowerCase(Locale.ROOT), a.description());
    }

    private static SettingView setting(ConfigProperty p) {
        return new SettingView(p.key(), p.type().name().toLowerCase(Locale.ROOT), p.required(), p.defaultValue().orElse(null), p.min().orElse(null),
                p.max().orElse(null), p.description());
    }
}
