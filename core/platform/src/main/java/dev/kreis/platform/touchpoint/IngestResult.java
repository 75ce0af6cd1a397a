package dev.kreis.platform.touchpoint;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.api.Problem.FieldError;

/** What happened to each item of an ingest: accepted, duplicate (stored before) or rejected (with why). */
@Schema(example = """
        {"accepted": 1, "duplicates": 0, "rejected": 1, "results": [
         {"index": 0, "status": "accepted", "touchpointId": "7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d3f", "customerId": "5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f"},
         {"index": 1, "status": "rejected", "error": "invalid touchpoint", "errors": [{"field": "occurredAt", "message": "is required"}]}]}""")
public record IngestResult(@Schema(required = true, description = "Items stored now") int accepted,
        @Schema(required = true, description = "Items stored before (same source and externalId)") int duplicates,
        @Schema(required = true, description = "Items refused") int rejected,
        @Schema(required = true, description = "One outcome per item, in the order sent") List<Item> results) {

    /** The outcome of one item, by its index in the request. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(@Schema(required = true, description = "The item's position in the request, from 0") int index,
            @Schema(required = true, enumeration = { "accepted", "duplicate", "rejected" }) String status,
            @Schema(description = "The stored touchpoint; left out when rejected") UUID touchpointId,
            @Schema(description = "The customer it belongs to; left out when rejected") UUID customerId,
            @Schema(description = "Why it was refused; only when rejected") String error,
            @Schema(description = "The invalid fields; only when rejected") List<FieldError> errors) {

        /** The same outcome for the item at {@code position}. */
        Item at(int position) {
            return new Item(position, status, touchpointId, customerId, error, errors);
        }

        static Item accepted(int index, UUID touchpointId, UUID customerId) {
            return new Item(index, "accepted", touchpointId, customerId, null, List.of());
        }

        static Item duplicate(int index, UUID touchpointId, UUID customerId) {
            return new Item(index, "duplicate", touchpointId, customerId, null, List.of());
        }

        static Item rejected(int index, String error, List<FieldError> errors) {
            return new Item(index, "rejected", null, null, error, errors);
        }
    }

    static IngestResult of(List<Item> items) {
        int accepted = (int) items.stream().filter(i -> i.status().equals("accepted")).count();
        int duplicates = (int) items.stream().filter(i -> i.status().equals("duplicate")).count();
        return new IngestResult(accepted, duplicates, items.size() - accepted - duplicates, items);
    }
}
