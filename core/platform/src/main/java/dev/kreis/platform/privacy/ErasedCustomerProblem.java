package dev.kreis.platform.privacy;

import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.ApiException;
import dev.kreis.platform.api.Problem;

/** 409: a write names a customer whose data was erased; nothing more may be recorded about them. */
public class ErasedCustomerProblem extends ApiException {
    public static final String MESSAGE = "names a customer whose data was erased; nothing more may be recorded about them";

    public ErasedCustomerProblem(String field, UUID customerId) {
        super(409, "customer-erased", "Customer erased", "Customer " + customerId + " was erased; nothing more may be recorded about them",
                List.of(new Problem.FieldError(field, MESSAGE)));
    }
}
