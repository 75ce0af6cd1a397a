package dev.kreis.module.marketing;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.module.marketing.MarketingStore.FormSubmission;
import dev.kreis.module.marketing.MarketingStore.WebVisit;
import dev.kreis.spi.customer.CustomerLookup;
import dev.kreis.spi.customer.ProfileInput;
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.RecordedTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Web visits of known customers and form submissions, each a row and a touchpoint. Thread-safe. */
@ApplicationScoped
public class WebActivity {
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_FORM_FIELDS = 50;
    static final int MAX_FIELD_VALUE = 1000;
    static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    static final List<String> VISIT_FIELDS = List.of("customerId", "email", "url", "occurredAt", "externalId");
    static final List<String> FORM_FIELDS = List.of("form", "email", "firstName", "lastName", "phone", "fields", "occurredAt", "externalId");

    private final MarketingStore store;
    private final CustomerLookup customers;
    private final TouchpointSink sink;
    private final Clock clock = Clock.systemUTC();

    WebActivity(MarketingStore store, CustomerLookup customers, TouchpointSink sink) {
        this.store = store;
        this.customers = customers;
        this.sink = sink;
    }

    /** A view and whether it was stored before. */
    record Outcome(Map<String, Object> view, boolean duplicate) {
    }

    @Transactional
    public Outcome visit(JsonNode body) {
        Fields.object(body);
        Instant now = clock.instant();
        Fields fields = Fields.collect();
        unknown(body, VISIT_FIELDS, "a web visit", fields);
        UUID customerId = fields.uuid(body, "customerId", false);
        String email = fields.text(body, "email", 3, 320, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            fields.add("email", "must be an e-mail address");
            email = null;
        }
        if (Fields.present(body, "customerId") && Fields.present(body, "email")) {
            fields.add("email", "give customerId or email, not both");
        } else if (!Fields.present(body, "customerId") && !Fields.present(body, "email")) {
            fields.add("customerId", "customerId or email is required");
        }
        String url = fields.text(body, "url", 1, 2000, true);
        if (url != null && !isWebUrl(url)) {
            fields.add("url", "must be an absolute http or https URL");
        }
        Instant occurredAt = fields.instant(body, "occurredAt", true, now);
        String externalId = fields.text(body, "externalId", 1, 200, true);
        fields.throwIfAny();

        Optional<WebVisit> existing = store.webVisitByExternalId(externalId);
        if (existing.isPresent()) {
            return new Outcome(view(existing.get()), true);
        }
        UUID customer;
        if (customerId != null) {
            customer = customers.current(customerId).orElse(null);
            if (customer == null) {
                fields.add("customerId", "no customer " + customerId);
            }
        } else {
            customer = customers.byEmail(email).orElse(null);
            if (customer == null) {
                fields.add("email", "no customer has this e-mail address");
            }
        }
        fields.throwIfAny();
        UUID id = UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("url", url);
        payload.put("webVisitId", id.toString());
        RecordedTouchpoint touchpoint = sink.record(MarketingTypes.MODULE,
                NewTouchpoint.of("web:" + externalId, customer, MarketingTypes.WEB_VISIT, occurredAt, payload));
        WebVisit visit = new WebVisit(id, externalId, customer, url, occurredAt, touchpoint.touchpointId(), now);
        store.insertWebVisit(visit);
        return new Outcome(view(visit), false);
    }

    @Transactional
    public Outcome submit(JsonNode body) {
        Fields.object(body);
        Instant now = clock.instant();
        Fields fields = Fields.collect();
        unknown(body, FORM_FIELDS, "a form submission", fields);
        String form = fields.text(body, "form", 1, 100, true);
        String email = fields.text(body, "email", 3, 320, true);
        if (email != null && !EMAIL.matcher(email).matches()) {
            fields.add("email", "must be an e-mail address");
            email = null;
        }
        String firstName = fields.text(body, "firstName", 1, 100, false);
        String lastName = fields.text(body, "lastName", 1, 100, false);
        String phone = fields.text(body, "phone", 3, 50, false);
        Map<String, String> values = formFields(body.get("fields"), fields);
        Instant occurredAt = Fields.present(body, "occurredAt") ? fields.instant(body, "occurredAt", true, now) : now;
        String externalId = fields.text(body, "externalId", 1, 200, false);
        fields.throwIfAny();

        if (externalId != null) {
            Optional<FormSubmission> existing = store.formByExternalId(externalId);
            if (existing.isPresent()) {
                return new Outcome(view(existing.get()), true);
            }
        }
        UUID id = UUID.randomUUID();
        String key = externalId != null ? externalId : "form-" + id;
        Map<String, String> attributes = new HashMap<>();
        if (firstName != null) {
            attributes.put("firstName", firstName);
        }
        if (lastName != null) {
            attributes.put("lastName", lastName);
        }
        UUID customer = customers.submit(new ProfileInput(MarketingTypes.MODULE, "form-contact:" + email.toLowerCase(Locale.ROOT),
                Optional.of(email), Optional.ofNullable(phone), attributes));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("form", form);
        payload.put("formSubmissionId", id.toString());
        RecordedTouchpoint touchpoint = sink.record(MarketingTypes.MODULE,
                NewTouchpoint.of("form:" + key, customer, MarketingTypes.FORM_SUBMITTED, occurredAt, payload));
        FormSubmission submission = new FormSubmission(id, key, form, customer, email, firstName, lastName, phone, values, occurredAt,
                touchpoint.touchpointId(), now);
        store.insertForm(submission);
        return new Outcome(view(submission), false);
    }

    private static Map<String, String> formFields(JsonNode node, Fields fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            fields.add("fields", "must be an object of field name to value");
            return out;
        }
        if (node.size() > MAX_FORM_FIELDS) {
            fields.add("fields", "must have at most " + MAX_FORM_FIELDS + " entries");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!FIELD_NAME.matcher(entry.getKey()).matches()) {
                fields.add("fields", "'" + entry.getKey() + "' is not a field name (a letter, then up to 63 letters, digits, _ . -)");
                continue;
            }
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                fields.add("fields." + entry.getKey(), "must be a string, number or boolean");
                continue;
            }
            String text = value.asText();
            if (text.length() > MAX_FIELD_VALUE) {
                fields.add("fields." + entry.getKey(), "must be at most " + MAX_FIELD_VALUE + " characters");
                continue;
            }
            out.put(entry.getKey(), text);
        }
        return out;
    }

    private static void unknown(JsonNode body, List<String> known, String what, Fields fields) {
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                fields.add(name, "is not a field of " + what + "; known: " + String.join(", ", known));
            }
        });
    }

    static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static Map<String, Object> view(WebVisit visit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", visit.id());
        out.put("externalId", visit.externalId());
        out.put("customerId", visit.customerId());
        out.put("url", visit.url());
        out.put("occurredAt", visit.occurredAt().toString());
        out.put("type", MarketingTypes.WEB_VISIT);
        out.put("touchpointId", visit.touchpointId());
        return out;
    }

    static Map<String, Object> view(FormSubmission submission) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", submission.id());
        out.put("externalId", submission.externalId());
        out.put("form", submission.form());
        out.put("customerId", submission.customerId());
        out.put("email", submission.email());
        out.put("firstName", submission.firstName());
        out.put("lastName", submission.lastName());
        out.put("phone", submission.phone());
        out.put("fields", submission.fields());
        out.put("occurredAt", submission.occurredAt().toString());
        out.put("type", MarketingTypes.FORM_SUBMITTED);
        out.put("touchpointId", submission.touchpointId());
        return out;
    }
}
