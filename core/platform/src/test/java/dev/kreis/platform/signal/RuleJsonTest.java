package dev.kreis.platform.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Problem.FieldError;

class RuleJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void conditionsAndActionsReadBackAsWritten() throws Exception {
        for (String condition : List.of("{\"kind\":\"score_range\",\"min\":0,\"max\":6}", "{\"kind\":\"score_range\",\"max\":3}",
                "{\"kind\":\"count_within\",\"count\":3,\"window\":\"P7D\"}", "{\"kind\":\"absence\",\"period\":\"PT36H\"}")) {
            List<FieldError> errors = new ArrayList<>();
            assertEquals(condition, RuleJson.write(RuleJson.condition(json(condition), "condition", errors)).toString());
            assertEquals(List.of(), errors);
        }
        for (String action : List.of("{\"kind\":\"task\",\"department\":\"support\",\"priority\":\"high\",\"title\":\"Call\"}",
                "{\"kind\":\"tag\",\"tag\":\"at-risk\"}", "{\"kind\":\"event\",\"name\":\"churn.risk\"}")) {
            List<FieldError> errors = new ArrayList<>();
            assertEquals(action, RuleJson.write(RuleJson.action(json(action), "action", errors)).toString());
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void wholeDaysAreWrittenInDaysAndTheRestInHours() {
        assertEquals("P7D", RuleJson.format(Duration.parse("PT168H")));
        assertEquals("PT36H", RuleJson.format(Duration.parse("P1DT12H")));
        assertEquals("PT1H30M", RuleJson.format(Duration.parse("PT90M")));
    }

    @Test
    void aTaskWithoutPriorityIsNormal() throws Exception {
        Action action = RuleJson.action(json("{\"kind\":\"task\",\"department\":\"sales\",\"title\":\"Call\"}"), "action", new ArrayList<>());

        assertEquals(TaskPriority.NORMAL, ((Action.OpenTask) action).priority());
    }

    @Test
    void everyProblemIsNamedByItsPath() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        RuleJson.condition(json("{\"kind\":\"count_within\",\"count\":\"3\",\"window\":\"a week\"}"), "condition", errors);

        assertEquals(List.of("condition.count", "condition.window"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void aScoreRangeIncludesBothBounds() {
        Condition.ScoreRange detractor = new Condition.ScoreRange(BigDecimal.ZERO, BigDecimal.valueOf(6));

        assertTrue(detractor.holds(BigDecimal.ZERO));
        assertTrue(detractor.holds(BigDecimal.valueOf(6)));
        assertFalse(detractor.holds(BigDecimal.valueOf(7)));
        assertFalse(detractor.holds(null));
        assertTrue(new Condition.ScoreRange(null, BigDecimal.valueOf(3)).holds(BigDecimal.ONE));
    }
}
