package dev.kreis.module.marketing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Who a campaign is for: a static list of customer ids, or a segment filter on golden attributes. */
sealed interface Audience {
    int MAX_LIST = 10_000;
    int MAX_FILTER_KEYS = 10;
    Pattern ATTRIBUTE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,63}");

    /** The wire form, as the API answers it. */
    Map<String, Object> json();

    /** A static list of customer ids, duplicates removed, order kept. */
    record StaticList(List<UUID> customerIds) implements Audience {
        public StaticList {
            customerIds = List.copyOf(customerIds);
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "list");
            out.put("customerIds", customerIds);
            return out;
        }
    }

    /** Customers whose golden attributes equal every entry of {@code filter}. */
    record Segment(Map<String, String> filter) implements Audience {
        public Segment {
            filter = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filter));
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "segment");
            out.put("filter", filter);
            return out;
        }
    }

    /** Reads {@code audience}; {@code null} with problems named under {@code audience.*} when it is wrong. */
    static Audience read(JsonNode node, Fields fields) {
        if (node == null || node.isNull()) {
            fields.add("audience", "is required");
            return null;
        }
        if (!node.isObject()) {
            fields.add("audience", "must be an object {\"type\":\"list\",\"customerIds\":[...]} or {\"type\":\"segment\",\"filter\":{...}}");
            return null;
        }
        Fields inner = fields.under("audience");
        String type = inner.oneOf(node, "type", List.of("list", "segment"), true);
        if (type == null) {
            return null;
        }
        if (type.equals("list")) {
            JsonNode ids = node.get("customerIds");
            if (ids == null || ids.isNull()) {
                inner.add("customerIds", "is required for a list audience");
                return null;
            }
            if (!ids.isArray()) {
                inner.add("customerIds", "must be an array of customer ids");
                return null;
            }
            if (ids.size() > MAX_LIST) {
                inner.add("customerIds", "must hold at most " + MAX_LIST + " ids");
                return null;
            }
            LinkedHashSet<UUID> out = new LinkedHashSet<>();
            boolean ok = true;
            for (int i = 0; i < ids.size(); i++) {
                UUID id = inner.uuidValue(ids.get(i), "customerIds[" + i + "]");
                if (id == null) {
                    ok = false;
                } else {
                    out.add(id);
                }
            }
            if (node.has("filter")) {
                inner.add("filter", "is only allowed for a segment audience");
                ok = false;
            }
            return ok ? new StaticList(new ArrayList<>(out)) : null;
        }
        JsonNode filter = node.get("filter");
        if (filter == null || filter.isNull()) {
            inner.add("filter", "is required for a segment audience");
            return null;
        }
        if (!filter.isObject() || filter.isEmpty()) {
            inner.add("filter", "must be an object of attribute = value, with 1 to " + MAX_FILTER_KEYS + " entries");
            return null;
        }
        if (filter.size() > MAX_FILTER_KEYS) {
            inner.add("filter", "must have at most " + MAX_FILTER_KEYS + " entries");
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!ATTRIBUTE.matcher(entry.getKey()).matches()) {
                inner.add("filter", "'" + entry.getKey() + "' is not an attribute name");
                ok = false;
                continue;
            }
            JsonNode value = entry.getValue();
            if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > 200) {
                inner.add("filter." + entry.getKey(), "must be a string of 1 to 200 characters");
                ok = false;
                continue;
            }
            out.put(entry.getKey(), value.asText());
        }
        if (node.has("customerIds")) {
            inner.add("customerIds", "is only allowed for a list audience");
            ok = false;
        }
        return ok ? new Segment(out) : null;
    }
}
