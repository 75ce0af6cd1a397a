package dev.kreis.platform.sync;

import java.util.List;
import java.util.Optional;

import dev.kreis.spi.connector.CrmField;
import dev.kreis.spi.connector.CrmObject;

/**
 * One CRM field and the Kreis attribute it maps to for a connection: the connector's default unless the
 * connection's {@code mapping.<object>.<field>} setting overrides it ({@code -} drops the field).
 */
public record FieldMapping(CrmField field, String attribute) {

    public static List<FieldMapping> of(CrmObject object, ConnectionSettings settings) {
        return object.fields().stream()
                .map(f -> new FieldMapping(f, settings.mapping(object.name(), f.name()).orElse(f.attribute())))
                .filter(m -> !m.attribute().equals("-"))
                .toList();
    }

    public Optional<String> identifier() {
        return field.identifier();
    }
}
