package dev.kreis.platform.feedback.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.feedback.persistence.SurveyRow;

/** A survey with its scale and how many invitations were sent and answered. */
@Schema(example = SurveyView.EXAMPLE)
public record SurveyView(@Schema(required = true) UUID id, @Schema(required = true) String name, @Schema(required = true, enumeration = { "nps", "csat", "ces" }) String kind, @Schema(required = true, description = "The question asked (the kind's default unless one was given)") String question, @Schema(required = true, description = "An optional follow-up question for a comment; null when none", nullable = true) String commentQuestion, @Schema(required = true, minimum = "1", maximum = "365", description = "How long an invitation link stays valid") int validDays,
        @Schema(required = true) Scale scale, @Schema(required = true, description = "Invitations sent") long invitations, @Schema(required = true, description = "Invitations answered") long responses, @Schema(required = true, format = "date-time") OffsetDateTime createdAt, @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    /** An example survey, for the API document. */
    public static final String EXAMPLE = """
            {"id": "6f1c2d4e-0a7b-4c1e-9d2f-3b5a7c9e1f20", "name": "After support", "kind": "csat",
             "question": "How satisfied are you with our service?", "commentQuestion": "What could we do better?", "validDays": 14,
             "scale": {"min": 1, "max": 5}, "invitations": 40, "responses": 17, "createdAt": "2026-01-02T08:00:00Z",
             "updatedAt": "2026-01-02T08:00:00Z"}""";

    /** A page of surveys as the API document shows it (the answer is a {@link dev.kreis.platform.api.Page}). */
    @Schema(name = "PageSurveyView", example = "{\"items\": [" + EXAMPLE + "], \"nextCursor\": null}")
    public record ListPage(@Schema(required = true, description = "The surveys of this page, newest first") java.util.List<SurveyView> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    /** The answer's range. */
    public record Scale(@Schema(required = true, description = "The lowest score") int min, @Schema(required = true, description = "The highest score") int max) {
    }

    static SurveyView of(SurveyRow row, long[] counts) {
        return new SurveyView(row.id(), row.name(), row.kind().wire(), row.question(), row.commentQuestion(), row.validDays(),
                new Scale(row.kind().scale().min().intValue(), row.kind().scale().max().intValue()), counts[0], counts[1],
                row.createdAt(), row.updatedAt());
    }
}
