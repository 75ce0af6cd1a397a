package dev.kreis.platform.touchpoint;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.api.Problem.FieldError;

/** What happened to each item of an ingest: accepted, duplicate (stored before) or rejected (with why). */
public record IngestResult(int accepted, int duplicates, int rejected, List<Item> results) {

    /** The outcome of one item, by its index in the request. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(int index, String status, UUID touchpointId, UUID customerId, String error, List<FieldError> errors) {

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
