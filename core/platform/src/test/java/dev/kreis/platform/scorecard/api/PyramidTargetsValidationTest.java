package dev.kreis.platform.scorecard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.scorecard.PyramidLevel;

class PyramidTargetsValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<PyramidLevel, BigDecimal> validate(String body) throws Exception {
        return ScorecardResource.validate(JSON.readTree(body));
    }

    @Test
    void levelsOneToFiveWithTargetsFromZeroToHundredIncludedAreAccepted() throws Exception {
        Map<PyramidLevel, BigDecimal> changes = validate("{\"levels\": {\"1\": 0, \"5\": 100, \"3\": 72.5}}");
        assertEquals(Map.of(PyramidLevel.COMMUNICATION, new BigDecimal("0"), PyramidLevel.ENHANCEMENT, new BigDecimal("100"),
                PyramidLevel.ENGAGEMENT, new BigDecimal("72.5")), changes);
    }

    @Test
    void everyInvalidEntryIsNamed() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> validate("{\"levels\": {\"0\": 50, \"2\": 100.0001, \"3\": \"80\", \"4\": -0.5, \"5\": null, \"x\": 1}}"));
        assertEquals(List.of("levels.0", "levels.2", "levels.3", "levels.4", "levels.5", "levels.x"),
                refused.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aMissingOrEmptyLevelsObjectIsNamedLevels() {
        for (String body : List.of("{}", "{\"levels\": {}}", "{\"levels\": [80]}")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> validate(body));
            assertEquals("levels", refused.errors().get(0).field());
        }
        assertThrows(MalformedRequestException.class, () -> validate("[1]"));
    }

    @Test
    void levelsAreNumberedBottomToTop() {
        assertEquals(List.of("communication", "accountability", "engagement", "proactivity", "enhancement"),
                List.of(PyramidLevel.values()).stream().map(PyramidLevel::wire).toList());
        assertEquals(PyramidLevel.PROACTIVITY, PyramidLevel.of(4));
    }
}
