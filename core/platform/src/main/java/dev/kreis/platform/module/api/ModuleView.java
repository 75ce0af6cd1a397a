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
@Schema(example = ModuleView.EXAMPLE)
public record ModuleView(@Schema(required = true) String id, @Schema(required = true) String name, @Schema(required = true) String description,
        @Schema(required = true) String department, @Schema(required = true) String origin,
        @Schema(required = true, enumeration = { "available", "enabled", "disabled" }) String state, @Schema(required = true) String version,
        @Schema(description = "Left out when not installed") String installedVersion, @Schema(required = true) boolean upgradeAvailable,
        @Schema(required = true) String coreVersions, @Schema(required = true) boolean compatible,
        @Schema(description = "Left out when the module has no tables") String tablePrefix,
        @Schema(required = true) List<TypeView> touchpointTypes, @Schema(required = true) List<KpiView> kpis,
        @Schema(required = true) List<PermissionView> permissions, @Schema(required = true) List<AttributeView> attributes,
        @Schema(required = true) List<SettingView> configSchema, Map<String, String> config,
        @Schema(description = "Left out when not installed") Map<String, List<String>> contributed,
        @Schema(format = "date-time") OffsetDateTime installedAt, @Schema(format = "date-time") OffsetDateTime updatedAt, String updatedBy) {

    static final String EXAMPLE = """
            {"id": "support", "name": "Support", "description": "Tickets, SLAs and first response times.", "department": "support", \
            "origin": "bundled", "state": "enabled", "version": "1.2.0", "installedVersion": "1.2.0", "upgradeAvailable": false, \
            "coreVersions": ">=1.0.0", "compatible": true, "tablePrefix": "support_", \
            "touchpointTypes": [{"key": "support.ticket_opened", "channel": "email", "phase": "retention", "initiator": "customer", \
            "scoreScale": null, "pyramidLevel": null, "description": "A customer opened a ticket."}], \
            "kpis": [{"key": "support.first_response", "name": "First response time", "unit": "duration_seconds", \
            "direction": "lower_is_better", "ownerDepartments": ["support"], "shared": false}], \
            "permissions": [{"name": "support:tickets:read", "roles": ["agent", "admin"], "description": "Read tickets"}], \
            "attributes": [{"key": "support.tier", "type": "string", "description": "The support tier"}], \
            "configSchema": [{"key": "slaHours", "type": "integer", "required": false, "defaultValue": "24", "min": 1, "max": 720, \
            "description": "Hours until a ticket breaches its SLA"}], "config": {"slaHours": "24"}, \
            "contributed": {"kpi": ["support.first_response"]}, "installedAt": "2026-01-02T08:00:00Z", \
            "updatedAt": "2026-01-02T08:00:00Z", "updatedBy": "admin"}""";

    public record TypeView(@Schema(required = true) String key, @Schema(required = true) String channel, @Schema(required = true) String phase,
            @Schema(required = true) String initiator, @Schema(required = true, nullable = true) String scoreScale,
            @Schema(required = true, nullable = true) String pyramidLevel, @Schema(required = true) String description) {
    }

    public record KpiView(@Schema(required = true) String key, @Schema(required = true) String name, @Schema(required = true) String unit,
            @Schema(required = true) String direction, @Schema(required = true) Set<String> ownerDepartments, @Schema(required = true) boolean shared) {
    }

    public record PermissionView(@Schema(required = true) String name, @Schema(required = true) Set<String> roles,
            @Schema(required = true) String description) {
    }

    public record AttributeView(@Schema(required = true) String key, @Schema(required = true) String type,
            @Schema(required = true) String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SettingView(@Schema(required = true) String key, @Schema(required = true) String type, @Schema(required = true) boolean required,
            @Schema(description = "Left out when none") String defaultValue, Long min, Long max, @Schema(required = true) String description) {
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
