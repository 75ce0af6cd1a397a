package dev.kreis.module.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.spi.api.JsonRequest;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/sales/orders}: an order from the shop. The amount fits the column (numeric(19,4)) with room. */
@JsonRequest
@Schema(name = "CreateOrderRequest", description = "An order placed by a customer.")
public record OrderRequest(
        @NotNull(message = "is required") @Schema(required = true, description = "The customer who ordered (merged ids are followed).",
                example = "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01") UUID customerId,
        @NotNull(message = "is required") @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "1000000000000", message = "must be at most 1000000000000")
        @Digits(integer = 13, fraction = 4, message = "must have at most 4 decimal places")
        @Schema(required = true, description = "The order value in the installation's currency.", example = "249.90") BigDecimal amount,
        @NotNull(message = "is required") @Schema(required = true, format = "date-time", description = "When the order was placed: not "
                + "before 1800, not in the future.", example = "2026-01-31T09:30:00Z") Instant orderedAt,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters")
        @Schema(required = true, description = "The shop's order number; unique.", example = "SO-10023") String externalId) {

    public OrderRequest {
        externalId = externalId == null ? null : externalId.strip();
    }
}
