package dev.kreis.platform.feedback;

/** A validated survey definition. */
public record SurveyDraft(String name, SurveyKind kind, String question, String commentQuestion, int validDays) {
}
