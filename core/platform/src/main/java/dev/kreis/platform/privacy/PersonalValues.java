package dev.kreis.platform.privacy;

import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The text values that identify one person (identifier values, external ids, the text in attribute
 * values), and their removal from free text and JSON that stays behind after an erasure. Values shorter
 * than three characters are left alone: replacing them would mangle unrelated text.
 */
public final class PersonalValues {
    public static final String PLACEHOLDER = "[erased]";
    private static final int MIN_LENGTH = 3;

    private final List<String> values;

    private PersonalValues(Collection<String> values) {
        this.values = values.stream().filter(v -> v != null && v.trim().length() >= MIN_LENGTH).map(String::trim).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static PersonalValues of(Collection<String> plainValues, Collection<JsonNode> jsonValues) {
        Set<String> all = new LinkedHashSet<>(plainValues);
        jsonValues.forEach(node -> collect(node, all));
        return new PersonalValues(all);
    }

    public List<String> values() {
        return values;
    }

    /** The text with every personal value replaced by {@link #PLACEHOLDER} (ignoring case). */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : values) {
            result = Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE)
                    .matcher(result).replaceAll(PLACEHOLDER);
        }
        return result;
    }

    /** A copy of the JSON with personal values replaced inside its strings (keys and structure stay). */
    public JsonNode scrub(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(scrub(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), scrub(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(scrub(element)));
            return copy;
        }
        return node;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        if (node.isTextual() || node.isNumber()) {
            into.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, into));
        }
    }
}
