package dev.kreis.platform.privacy;

import java.util.List;

import dev.kreis.platform.api.ApiException;
import dev.kreis.platform.api.Problem;

/** 409: a submission carries identifiers of an erased person and no new consent. */
public class SuppressedIdentifierProblem extends ApiException {
    public static final String MESSAGE = "belongs to an erased person; send it again with an explicit consent decided after the erasure"
            + " (consents[].status granted)";

    public SuppressedIdentifierProblem(List<Problem.FieldError> errors) {
        super(409, "suppressed-identifier", "Identifier of an erased person",
                "The profile carries identifiers of a person whose data was erased", errors);
    }
}
