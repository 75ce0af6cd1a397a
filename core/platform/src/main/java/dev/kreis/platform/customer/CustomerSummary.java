package dev.kreis.platform.customer;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A customer in a list: enough to recognise and open it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"id": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f", "kind": "person", "displayName": "Anna Berger", "email": "anna.berger@example.com", \
        "phone": "+4915112345678", "createdAt": "2026-01-02T08:00:00Z"}""")
public record CustomerSummary(@Schema(required = true, description = "The customer's id") UUID id,
        @Schema(required = true, enumeration = { "person", "organisation" }) String kind,
        @Schema(description = "The golden name, else first and last name, else company, else the e-mail address; left out when it has none") String displayName,
        @Schema(description = "Its first e-mail address (sorted); left out when it has none") String email,
        @Schema(description = "Its first phone number in E.164 form (sorted); left out when it has none") String phone,
        @Schema(required = true, format = "date-time", description = "When the customer was first seen") OffsetDateTime createdAt) {
}
