package dev.kreis.platform.api;

import java.util.List;

/** 422: the request was well-formed JSON but one or more fields are invalid. */
public class InvalidInputException extends ApiException {

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(422, "invalid-input", "Invalid input", summary(errors), errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    private static String summary(List<Problem.FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}
