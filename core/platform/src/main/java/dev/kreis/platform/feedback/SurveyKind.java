package dev.kreis.platform.feedback;

import java.util.Arrays;
import java.util.Optional;

import dev.kreis.spi.touchpoint.ScoreScale;

/** What a survey measures, the scale of its answer and the touchpoint type an answer becomes. */
public enum SurveyKind {
    NPS("nps", ScoreScale.NPS, "feedback.nps", "How likely are you to recommend us to a friend or colleague?"),
    CSAT("csat", ScoreScale.CSAT, "feedback.csat", "How satisfied are you with our service?"),
    CES("ces", ScoreScale.CES, "feedback.ces", "How easy was it to get what you needed?");

    private final String wire;
    private final ScoreScale scale;
    private final String touchpointType;
    private final String defaultQuestion;

    SurveyKind(String wire, ScoreScale scale, String touchpointType, String defaultQuestion) {
        this.wire = wire;
        this.scale = scale;
        this.touchpointType = touchpointType;
        this.defaultQuestion = defaultQuestion;
    }

    public String wire() {
        return wire;
    }

    public ScoreScale scale() {
        return scale;
    }

    public String touchpointType() {
        return touchpointType;
    }

    public String defaultQuestion() {
        return defaultQuestion;
    }

    public static Optional<SurveyKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wire.equals(wire)).findFirst();
    }
}
