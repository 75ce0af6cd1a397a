package dev.kreis.platform.feedback.api;

import java.util.ArrayList;
import java.util.List;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.feedback.SurveyDraft;
import dev.kreis.platform.feedback.SurveyKind;

/** Validation of survey definitions; every problem names its field. */
final class SurveyRequests {
    static final int MAX_NAME = 200;
    static final int MAX_QUESTION = 500;
    static final int DEFAULT_VALID_DAYS = 14;
    static final int MAX_VALID_DAYS = 365;

    private SurveyRequests() {
    }

    static SurveyDraft validate(SurveyRequest request) {
        if (request == null) {
            throw new MalformedRequestException("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? null : request.name().trim();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        SurveyKind kind = request.kind() == null ? null : SurveyKind.fromWire(request.kind().trim().toLowerCase()).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("kind", "must be one of nps, csat, ces"));
        }
        String question = blankToNull(request.question());
        String commentQuestion = blankToNull(request.commentQuestion());
        if (question != null && question.length() > MAX_QUESTION) {
            errors.add(new FieldError("question", "must be at most " + MAX_QUESTION + " characters"));
        }
        if (commentQuestion != null && commentQuestion.length() > MAX_QUESTION) {
            errors.add(new FieldError("commentQuestion", "must be at most " + MAX_QUESTION + " characters"));
        }
        int validDays = request.validDays() == null ? DEFAULT_VALID_DAYS : request.validDays();
        if (validDays < 1 || validDays > MAX_VALID_DAYS) {
            errors.add(new FieldError("validDays", "must be from 1 to " + MAX_VALID_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SurveyDraft(name, kind, question == null ? kind.defaultQuestion() : question, commentQuestion, validDays);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
