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
public record ProfileRequest(String source, String externalId, String kind, @Schema(implementation = ScalarAttributes.class, description = "What the source knows: names to scalar values") ObjectNode attributes,
        List<IdentifierRequest> identifiers, String observedAt, String organisationId, List<ConsentItem> consents) {
}
