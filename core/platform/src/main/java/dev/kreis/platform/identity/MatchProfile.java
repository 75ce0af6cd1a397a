package dev.kreis.platform.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.codec.language.ColognePhonetic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What fuzzy matching and search look at in a profile's attributes: its full name, company and
 * address, normalised (lower case, accents and punctuation removed, legal forms dropped from
 * company names). Attribute names follow the conventions in docs/concepts.md: {@code name},
 * {@code firstName}, {@code lastName}, {@code company}, {@code street}, {@code postalCode},
 * {@code city}, or an {@code address} object with those keys.
 */
public record MatchProfile(String kind, String fullName, String company, String address, String searchText) {

    private static final ColognePhonetic PHONETIC = new ColognePhonetic();
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ohg", "ug", "se", "eg", "ev", "inc", "ltd",
            "llc", "plc", "corp", "corporation", "co", "company", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "ab", "oy", "as");

    public static MatchProfile of(String kind, Map<String, JsonNode> attributes) {
        String first = text(attributes.get("firstName"));
        String last = text(attributes.get("lastName"));
        String name = text(attributes.get("name"));
        String company = companyKey(text(attributes.get("company")));
        String fullName;
        if ("organisation".equals(kind)) {
            fullName = companyKey(name.isEmpty() ? text(attributes.get("company")) : name);
        } else {
            fullName = normal(first.isEmpty() && last.isEmpty() ? name : first + " " + last);
        }
        JsonNode address = attributes.get("address");
        JsonNode source = address != null && address.isObject() ? address : null;
        String addressKey = normal(Stream.of("street", "postalCode", "city")
                .map(k -> source != null ? text(source.get(k)) : text(attributes.get(k)))
                .collect(Collectors.joining(" ")));
        String searchText = normal(String.join(" ", name, first, last, text(attributes.get("company"))));
        return new MatchProfile(kind, fullName, company, addressKey, searchText);
    }

    /** Lower-case, accent-free text that name search matches against (at most 512 characters). */
    public String searchName() {
        return searchText.isEmpty() ? null : searchText.length() > 512 ? searchText.substring(0, 512) : searchText;
    }

    /** A search query in the form {@link #searchName()} is stored in. */
    public static String searchForm(String query) {
        return normal(query);
    }

    /**
     * The blocking key: only profiles with equal keys are compared. It is phonetic (Kölner Phonetik,
     * made for German names), so Schmidt/Schmitt, Müller/Mueller and Becker/Bäcker share a key.
     * Persons: the code of the family name (last name token) and the given name's first letter;
     * organisations: the code of the first word of the name. A misspelling that changes the sound
     * of those parts hides a pair from the suggestions.
     */
    public String blockKey() {
        if (fullName.isEmpty()) {
            return null;
        }
        String[] tokens = fullName.split(" ");
        if ("organisation".equals(kind)) {
            return "o:" + prefix(PHONETIC.encode(tokens[0]), 28);
        }
        String family = PHONETIC.encode(tokens[tokens.length - 1]);
        return "p:" + prefix(family, 27) + (tokens.length > 1 ? tokens[0].substring(0, 1) : "");
    }

    static String normal(String value) {
        if (value == null) {
            return "";
        }
        String stripped = Normalizer.normalize(value.replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    static String companyKey(String value) {
        return Stream.of(normal(value).split(" ")).filter(t -> !t.isEmpty() && !LEGAL_FORMS.contains(t))
                .collect(Collectors.joining(" "));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText().trim();
    }

    private static String prefix(String value, int n) {
        return value.length() <= n ? value : value.substring(0, n);
    }
}
