package dev.kreis.platform.feedback.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/surveys} and {@code PUT /api/v1/surveys/{id}}. */
@Schema(example = """
        {"name": "After support", "kind": "csat", "question": "How satisfied are you with our service?",
         "commentQuestion": "What could we do better?", "validDays": 14}""")
public record SurveyRequest(@Schema(required = true, maxLength = 200) String name,
        @Schema(required = true, enumeration = { "nps", "csat", "ces" }, description = "Cannot be changed once created") String kind,
        @Schema(maxLength = 500, description = "The question; the kind's default when left out") String question,
        @Schema(maxLength = 500, description = "An optional follow-up question for a comment") String commentQuestion,
        @Schema(minimum = "1", maximum = "365", description = "How long invitation links stay valid; 14 when left out") Integer validDays) {
}
