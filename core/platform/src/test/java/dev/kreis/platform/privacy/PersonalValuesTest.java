package dev.kreis.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class PersonalValuesTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void scrubbingReplacesEveryPersonalValueIgnoringCaseAndLeavesShortValues() throws Exception {
        PersonalValues values = PersonalValues.of(List.of("anna@example.com", "+49301234567", "AB"),
                List.of(json.readTree("{\"first\":\"Anna\",\"address\":{\"city\":\"Berlin\"},\"vip\":true}")));

        assertEquals("[erased] ([erased]) called from [erased] in [erased] by AB",
                values.scrub("ANNA@example.com (anna) called from +49301234567 in berlin by AB"));
    }

    @Test
    void scrubbingJsonKeepsKeysAndStructure() throws Exception {
        PersonalValues values = PersonalValues.of(List.of("anna@example.com"), List.of());

        assertEquals("{\"note\":\"mail [erased]\",\"anna@example.com\":[1,\"[erased]\"]}",
                json.writeValueAsString(values.scrub(json.readTree("{\"note\":\"mail anna@example.com\",\"anna@example.com\":[1,\"anna@example.com\"]}"))));
    }

    @Test
    void longerValuesAreReplacedBeforeTheirParts() {
        PersonalValues values = PersonalValues.of(List.of("Anna", "Anna Schmidt"), List.of());

        assertEquals("Dear [erased]", values.scrub("Dear Anna Schmidt"));
    }
}
