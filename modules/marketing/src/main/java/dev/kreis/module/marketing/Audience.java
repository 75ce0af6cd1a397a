package dev.kreis.module.marketing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.kreis.spi.api.FieldProblems;

/** Who a campaign is for: a static list of customer ids, or a segment filter on golden attributes. */
sealed interface Audience {
    int MAX_LIST = 10_000;
    int MAX_FILTER_KEYS = 10;
    int MAX_FILTER_VALUE = 200;
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

    /** The audience a request names; {@code null} with problems named under {@code audience.*} when its fields do not fit its type. */
    static Audience from(CampaignRequests.Audience request, FieldProblems problems) {
        if (request.type().equals("list")) {
            boolean ok = true;
            if (request.customerIds() == null) {
                problems.add("audience.customerIds", "is required for a list audience");
                ok = false;
            }
            if (request.filter() != null) {
                problems.add("audience.filter", "is only allowed for a segment audience");
                ok = false;
            }
            if (!ok) {
                return null;
            }
            LinkedHashSet<UUID> ids = new LinkedHashSet<>();
            for (int i = 0; i < request.customerIds().size(); i++) {
                UUID id = request.customerIds().get(i);
                if (id == null) {
                    problems.add("audience.customerIds[" + i + "]", "must be a UUID");
                    ok = false;
                } else {
                    ids.add(id);
                }
            }
            return ok ? new StaticList(new ArrayList<>(ids)) : null;
        }
        boolean ok = true;
        if (request.filter() == null) {
            problems.add("audience.filter", "is required for a segment audience");
            ok = false;
        }
        if (request.customerIds() != null) {
            problems.add("audience.customerIds", "is only allowed for a list audience");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        for (Map.Entry<String, String> entry : request.filter().entrySet()) {
            if (!ATTRIBUTE.matcher(entry.getKey()).matches()) {
                problems.add("audience.filter", "'" + entry.getKey() + "' is not an attribute name");
                ok = false;
            } else if (entry.getValue() == null || entry.getValue().isEmpty() || entry.getValue().length() > MAX_FILTER_VALUE) {
                problems.add("audience.filter." + entry.getKey(), "must be a string of 1 to " + MAX_FILTER_VALUE + " characters");
                ok = false;
            }
        }
        return ok ? new Segment(request.filter()) : null;
    }
}
