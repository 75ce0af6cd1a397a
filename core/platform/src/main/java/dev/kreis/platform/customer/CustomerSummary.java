package dev.kreis.platform.customer;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A customer in a list: enough to recognise and open it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerSummary(UUID id, String kind, String displayName, String email, String phone, OffsetDateTime createdAt) {
}
