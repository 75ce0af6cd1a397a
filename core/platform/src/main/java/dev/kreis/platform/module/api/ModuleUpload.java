package dev.kreis.platform.module.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/modules} as the document shows it: a declarative module's descriptor
 * (docs/modules.md). The registry reads and validates the descriptor itself, naming every fault by its path; these
 * records only describe it and are never instantiated.
 */
final class ModuleUpload {
    static final String EXAMPLE = """
            {"id": "events", "name": "Events and webinars", "version": "1.0.0", "coreVersions": ">=0.1.0 <1.0.0", \
            "department": "marketing", "description": "Registrations, attendance and session ratings of events and webinars.", \
            "touchpointTypes": [{"key": "events.registered", "phase": "consideration", "channel": "event", "initiator": "customer"}, \
            {"key": "events.attended", "phase": "consideration", "channel": "event"}], \
            "attributes": [{"key": "events.sessions_attended", "type": "number", "description": "Sessions attended in total."}], \
            "kpis": [{"key": "events.attendance_rate", "name": "Attendance rate", "aggregation": "ratio", \
            "numerator": ["events.attended"], "denominator": ["events.registered"]}]}""";

    private ModuleUpload() {
    }

    @Schema(name = "ModuleDescriptorRequest", description = "A declarative module: touchpoint types, custom attributes and KPIs, no code.")
    record Descriptor(
            @Schema(required = true, pattern = "^[a-z][a-z0-9-]{1,31}$", description = "Not an id of the core's API or of a bundled module.",
                    example = "events") String id,
            @Schema(required = true, maxLength = 100, example = "Events and webinars") String name,
            @Schema(required = true, description = "A semantic version.", example = "1.0.0") String version,
            @Schema(required = true, description = "An npm-style range of core versions.", example = ">=0.1.0 <1.0.0") String coreVersions,
            @Schema(required = true, description = "The department that owns the module.", example = "marketing") String department,
            @Schema(description = "What the module is for.") String description,
            @Schema(maxItems = 50) List<TouchpointType> touchpointTypes,
            @Schema(maxItems = 50) List<Attribute> attributes,
            @Schema(maxItems = 50) List<Kpi> kpis) {
    }

    @Schema(name = "ModuleTouchpointType", description = "A touchpoint type the module contributes.")
    record TouchpointType(
            @Schema(required = true, description = "<module id>.<name>", example = "events.registered") String key,
            @Schema(required = true, enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" })
            String phase,
            @Schema(description = "Default other.", enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event",
                    "other" }) String channel,
            @Schema(description = "Default customer.", enumeration = { "customer", "company" }) String initiator,
            @Schema(description = "A scored type requires a score on this scale.", enumeration = { "nps", "csat", "ces", "sentiment" })
            String scoreScale,
            @Schema(description = "The CX-pyramid level the interaction serves.", enumeration = { "communication", "accountability",
                    "engagement", "proactivity", "enhancement" }) String pyramidLevel,
            @Schema(description = "What the touchpoint means.") String description) {
    }

    @Schema(name = "ModuleAttribute", description = "A custom customer attribute the module contributes.")
    record Attribute(
            @Schema(required = true, description = "<module id>.<name>", example = "events.sessions_attended") String key,
            @Schema(required = true, enumeration = { "string", "number", "boolean", "date" }) String type,
            @Schema(description = "What the attribute means.") String description) {
    }

    @Schema(name = "ModuleKpi", description = "A KPI the module contributes, computed from its touchpoint types.")
    record Kpi(
            @Schema(required = true, description = "<module id with - as _>.<name>", example = "events.attendance_rate") String key,
            @Schema(required = true, example = "Attendance rate") String name,
            @Schema(required = true, enumeration = { "count", "customers", "sum", "average_amount", "average_score", "ratio", "nps", "csat",
                    "ces" }) String aggregation,
            @Schema(description = "The touchpoint types counted (every aggregation but ratio).") List<String> types,
            @Schema(description = "For ratio: the touchpoint types counted above the line.") List<String> numerator,
            @Schema(description = "For ratio: the touchpoint types counted below the line.") List<String> denominator,
            @Schema(description = "The unit shown with the value.") String unit,
            @Schema(enumeration = { "higher_is_better", "lower_is_better" }) String direction,
            @Schema(description = "Default: the module's department.") List<String> ownerDepartments,
            @Schema(description = "Whether every department sees it.") Boolean shared,
            @Schema(description = "What the KPI measures.") String description) {
    }
}
