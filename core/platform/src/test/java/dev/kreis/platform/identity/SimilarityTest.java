package dev.kreis.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SimilarityTest {
    private static final double THRESHOLD = 0.85;

    private static MatchProfile person(String... keyValues) {
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            attributes.put(keyValues[i], JsonNodeFactory.instance.textNode(keyValues[i + 1]));
        }
        return MatchProfile.of("person", attributes);
    }

    private static double score(MatchProfile a, MatchProfile b) {
        return Similarity.of(a, b).orElseThrow().value().doubleValue();
    }

    @Test
    void aTypoInTheSurnameWithTheSameCompanyIsSuggestedWithReasons() {
        Similarity.Score score = Similarity.of(person("firstName", "Anna", "lastName", "Schmidt", "company", "ACME GmbH"),
                person("name", "Anna Schmitt", "company", "Acme Inc.")).orElseThrow();
        assertTrue(score.value().doubleValue() >= THRESHOLD, "score " + score.value());
        assertTrue(score.reasons().stream().anyMatch(r -> r.contains("anna schmitt")), score.reasons().toString());
        assertTrue(score.reasons().contains("same company 'acme'"), score.reasons().toString());
    }

    @Test
    void aSimilarNameAtADifferentCompanyIsNotSuggested() {
        assertTrue(score(person("name", "Anna Schmidt", "company", "Siemens"), person("name", "Anna Schmitt", "company", "Bosch")) < THRESHOLD);
    }

    @Test
    void differentPeopleAreNotSuggested() {
        assertTrue(score(person("name", "Anna Schmidt"), person("name", "Bernd Schneider")) < THRESHOLD);
    }

    @Test
    void accentsCaseAndPunctuationDoNotMatter() {
        assertEquals(MatchProfile.of("person", Map.of("name", JsonNodeFactory.instance.textNode("JÖRG  Müller-Weiß"))).fullName(),
                person("name", "jorg muller weiss").fullName());
    }

    @Test
    void anAddressConfirmsASimilarName() {
        ObjectNode address = JsonNodeFactory.instance.objectNode().put("street", "Hauptstr. 1").put("postalCode", "10115").put("city", "Berlin");
        MatchProfile a = MatchProfile.of("person", Map.of("name", JsonNodeFactory.instance.textNode("Jonas Becker"), "address", address));
        MatchProfile b = person("name", "Jonas Bäcker", "street", "Hauptstr 1", "postalCode", "10115", "city", "Berlin");
        assertTrue(score(a, b) >= THRESHOLD, "score " + score(a, b));
    }

    @Test
    void personsAndOrganisationsAreNeverCompared() {
        MatchProfile organisation = MatchProfile.of("organisation", Map.of("name", JsonNodeFactory.instance.textNode("Anna Schmidt")));
        assertTrue(Similarity.of(person("name", "Anna Schmidt"), organisation).isEmpty());
    }

    @Test
    void organisationsMatchOnTheirNameWithoutLegalForm() {
        MatchProfile a = MatchProfile.of("organisation", Map.of("name", JsonNodeFactory.instance.textNode("Müller Logistik GmbH")));
        MatchProfile b = MatchProfile.of("organisation", Map.of("name", JsonNodeFactory.instance.textNode("Mueller Logistik AG")));
        assertTrue(score(a, b) >= THRESHOLD, "score " + score(a, b));
    }

    @Test
    void spellingVariantsOfOneSurnameShareABlockSoTheyAreCompared() {
        assertEquals(person("name", "Jonas Becker").blockKey(), person("name", "Jonas Bäcker").blockKey());
        assertEquals(person("name", "Eva Müller").blockKey(), person("name", "Eva Mueller").blockKey());
        MatchProfile a = MatchProfile.of("organisation", Map.of("name", JsonNodeFactory.instance.textNode("Müller Logistik GmbH")));
        MatchProfile b = MatchProfile.of("organisation", Map.of("name", JsonNodeFactory.instance.textNode("Mueller Logistik AG")));
        assertEquals(a.blockKey(), b.blockKey());
    }

    @Test
    void blockKeyGroupsSurnameVariantsAndSeparatesOthers() {
        assertEquals(person("name", "Anna Schmidt").blockKey(), person("firstName", "anna", "lastName", "Schmitt").blockKey());
        assertNotEquals(person("name", "Anna Schmidt").blockKey(), person("name", "Anna Becker").blockKey());
        assertNull(person("city", "Berlin").blockKey(), "no name, no block: nothing to compare");
    }
}
