package dev.kreis.platform.identity.api;

import dev.kreis.platform.api.JsonSchemas.ScalarAttributes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.platform.privacy.api.ConsentItem;

/**
 * The body of {@code POST /api/v1/profiles}. {@code consents} are decisions the person made with this
 * submission (e.g. a sign-up form's opt-in); they are recorded on the profile, and a grant among them lifts
 * the suppression of an erased person's identifiers.
 */
@Schema(example = """
        {"source": "crm", "externalId": "C-1001", "kind": "person", "attributes": {"firstName": "Anna", "lastName": "Berger", "city": "Berlin"},
         "identifiers": [{"type": "email", "value": "Anna.Berger@example.com"}, {"type": "external", "system": "crm", "value": "C-1001"}],
         "observedAt": "2026-01-02T08:00:00Z", "consents": [{"purpose": "newsletter", "channel": "email", "status": "granted"}]}""")
public record ProfileRequest(@Schema(required = true, description = "The sending system: 1-100 letters, digits, '.', '_' or '-'") String source,
        @Schema(required = true, maxLength = 255, description = "Its id in that system; (source, externalId) identifies the profile") String externalId,
        @Schema(enumeration = { "person", "organisation" }, description = "person when left out") String kind, @Schema(implementation = ScalarAttributes.class, description = "What the source knows: names to scalar values") ObjectNode attributes,
        @Schema(maxItems = 50, description = "E-mail, phone, external ids and custom keys; they link profiles into customers") List<IdentifierRequest> identifiers,
        @Schema(format = "date-time", description = "When the source observed this; now when left out") String observedAt,
        @Schema(format = "uuid", description = "A person's organisation (a customer id)") String organisationId,
        @Schema(description = "Consent decisions made with this submission (source defaults to the profile's source)") List<ConsentItem> consents) {
}
