package dev.kreis.platform.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.spi.connector.ConnectorDescriptor;
import dev.kreis.spi.connector.CrmField;
import dev.kreis.spi.connector.CrmObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A connection's field mapping and conflict policies as one document: per object and CRM field the Kreis
 * attribute it maps to (the connector's default unless overridden; {@code -} ignores the field) and the
 * conflict policy that decides when the field changed on both sides. Stored in the connection's settings as
 * {@code mapping.<object>.<field>}, {@code conflict.<object>.<field>} and {@code conflict.default}; replacing
 * the mapping replaces every {@code mapping.*} and {@code conflict.*} setting and is audited as
 * {@code connection.updated}.
 */
@ApplicationScoped
public class ConnectionMappings {
    static final int MAX_FIELDS = 500;
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    private final Connections connections;

    ConnectionMappings(Connections connections) {
        this.connections = connections;
    }

    /** One field's effective mapping. */
    public record Field(String object, String field, String attribute, String defaultAttribute, Optional<String> identifier, boolean writable,
            ConflictPolicy conflictPolicy, boolean overridden) {
    }

    /** One object's fields. */
    public record ObjectFields(String object, CrmObject.Becomes becomes, List<Field> fields) {
    }

    /** The whole mapping of a connection. */
    public record Mapping(ConflictPolicy defaultConflictPolicy, List<ObjectFields> objects) {
    }

    /** A field override as asked: {@code attribute} and {@code conflictPolicy} may each be null (the default). */
    public record FieldOverride(String object, String field, String attribute, String conflictPolicy) {
    }

    public Mapping of(UUID connectionId) {
        Connection connection = connections.require(connectionId);
        return of(connection, connections.descriptor(connection));
    }

    static Mapping of(Connection connection, ConnectorDescriptor descriptor) {
        ConnectionSettings settings = connection.settings();
        List<ObjectFields> objects = new ArrayList<>();
        for (CrmObject object : descriptor.objects()) {
            List<Field> fields = new ArrayList<>();
            for (CrmField field : object.fields()) {
                Optional<String> override = settings.mapping(object.name(), field.name());
                String attribute = override.orElse(field.attribute());
                fields.add(new Field(object.name(), field.name(), attribute, field.attribute(), field.identifier(), field.writable(),
                        settings.conflictPolicy(object.name(), field.name(), attribute),
                        override.isPresent() || settings.values().containsKey("conflict." + object.name() + "." + field.name())));
            }
            objects.add(new ObjectFields(object.name(), object.becomes(), fields));
        }
        return new Mapping(Optional.ofNullable(settings.values().get("conflict.default")).flatMap(ConflictPolicy::of)
                .orElse(ConflictPolicy.LAST_WRITER_WINS), objects);
    }

    /**
     * Replaces the connection's overrides; every invalid entry is named in a 422 ({@code fields[i].object},
     * {@code fields[i].field}, {@code fields[i].attribute}, {@code fields[i].conflictPolicy}, {@code defaultConflictPolicy}).
     */
    public Mapping replace(UUID connectionId, String defaultConflictPolicy, List<FieldOverride> overrides, String actor) {
        Connection connection = connections.require(connectionId);
        ConnectorDescriptor descriptor = connections.descriptor(connection);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        connection.settings().values().forEach((k, v) -> {
            if (!k.startsWith("mapping.") && !k.startsWith("conflict.")) {
                settings.put(k, v);
            }
        });
        if (defaultConflictPolicy != null) {
            if (ConflictPolicy.of(defaultConflictPolicy).isEmpty()) {
                errors.add(new FieldError("defaultConflictPolicy", "must be last-writer-wins, crm-wins or kreis-wins"));
            } else {
                settings.put("conflict.default", defaultConflictPolicy);
            }
        }
        List<FieldOverride> given = overrides == null ? List.of() : overrides;
        if (given.size() > MAX_FIELDS) {
            errors.add(new FieldError("fields", "must hold at most " + MAX_FIELDS + " entries"));
            throw new InvalidInputException(errors);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            FieldOverride entry = given.get(i);
            String at = "fields[" + i + "]";
            if (entry == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            Optional<CrmObject> object = entry.object() == null ? Optional.empty() : descriptor.object(entry.object());
            if (object.isEmpty()) {
                errors.add(new FieldError(at + ".object", (entry.object() == null ? "is required" : "unknown object '" + entry.object() + "'")
                        + "; the " + descriptor.name() + " connector has " + descriptor.objects().stream().map(CrmObject::name).toList()));
                continue;
            }
            Optional<CrmField> field = entry.field() == null ? Optional.empty() : object.get().field(entry.field());
            if (field.isEmpty()) {
                errors.add(new FieldError(at + ".field", (entry.field() == null ? "is required" : "unknown field '" + entry.field() + "' of "
                        + object.get().name()) + "; known: " + object.get().fields().stream().map(CrmField::name).toList()));
                continue;
            }
            if (!seen.add(object.get().name() + "." + field.get().name())) {
                errors.add(new FieldError(at + ".field", "is named twice for " + object.get().name()));
                continue;
            }
            if (entry.attribute() != null) {
                if (!entry.attribute().equals("-") && (!ATTRIBUTE.matcher(entry.attribute()).matches()
                        || entry.attribute().toLowerCase(Locale.ROOT).startsWith("kreis"))) {
                    errors.add(new FieldError(at + ".attribute", "must be an attribute name (a letter, then letters, digits or _; at most 100;"
                            + " not starting with kreis) or - to ignore the field"));
                } else if (entry.attribute().equals("-") && field.get().identifier().isPresent()) {
                    errors.add(new FieldError(at + ".attribute", "the identifier field " + field.get().name() + " joins records to customers and"
                            + " cannot be ignored"));
                } else if (!entry.attribute().equals(field.get().attribute())) {
                    settings.put("mapping." + object.get().name() + "." + field.get().name(), entry.attribute());
                }
            }
            if (entry.conflictPolicy() != null) {
                if (ConflictPolicy.of(entry.conflictPolicy()).isEmpty()) {
                    errors.add(new FieldError(at + ".conflictPolicy", "must be last-writer-wins, crm-wins or kreis-wins"));
                } else {
                    settings.put("conflict." + object.get().name() + "." + field.get().name(), entry.conflictPolicy());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Connection after = connections.update(connectionId, new ConnectionDraft(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(settings)), actor);
        return of(after, descriptor);
    }
}
