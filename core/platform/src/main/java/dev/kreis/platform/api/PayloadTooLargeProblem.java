package dev.kreis.platform.api;

import java.util.List;

/** 413: the request body or the number of items in it is over a configured limit. */
public class PayloadTooLargeProblem extends ApiException {

    public PayloadTooLargeProblem(String field, String detail) {
        super(413, "payload-too-large", "Payload too large", detail,
                field == null ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }
}
