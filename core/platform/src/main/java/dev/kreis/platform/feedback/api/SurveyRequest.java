package dev.kreis.platform.feedback.api;

/** Body of {@code POST /api/v1/surveys} and {@code PUT /api/v1/surveys/{id}}. */
public record SurveyRequest(String name, String kind, String question, String commentQuestion, Integer validDays) {
}
