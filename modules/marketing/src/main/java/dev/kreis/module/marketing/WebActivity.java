package dev.kreis.module.marketing;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;


import dev.kreis.module.marketing.MarketingStore.FormSubmission;
import dev.kreis.module.marketing.MarketingStore.WebVisit;
import dev.kreis.spi.api.FieldProblems;
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
    record Outcome(Object view, boolean duplicate) {
    }

    @Transactional
    public Outcome visit(MarketingRequests.WebVisit body) {
        Instant now = clock.instant();
        FieldProblems fields = new FieldProblems();
        UUID customerId = body.customerId();
        String email = body.email();
        if (customerId != null && email != null) {
            fields.add("email", "give customerId or email, not both");
        } else if (customerId == null && email == null) {
            fields.add("customerId", "customerId or email is required");
        }
        String url = body.url();
        if (!isWebUrl(url)) {
            fields.add("url", "must be an absolute http or https URL");
        }
        Instant occurredAt = body.occurredAt();
        MarketingRequests.occurred(occurredAt, "occurredAt", now, fields);
        String externalId = body.externalId();
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
    public Outcome submit(MarketingRequests.FormSubmission body) {
        Instant now = clock.instant();
        FieldProblems fields = new FieldProblems();
        String form = body.form();
        String email = body.email();
        String firstName = body.firstName();
        String lastName = body.lastName();
        String phone = body.phone();
        Map<String, String> values = formFields(body.fields(), fields);
        Instant occurredAt = body.occurredAt() == null ? now : body.occurredAt();
        MarketingRequests.occurred(occurredAt, "occurredAt", now, fields);
        String externalId = body.externalId();
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

    private static Map<String, String> formFields(Map<String, Object> given, FieldProblems fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        if (given.size() > MAX_FORM_FIELDS) {
            fields.add("fields", "must have at most " + MAX_FORM_FIELDS + " entries");
            return out;
        }
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            if (!FIELD_NAME.matcher(entry.getKey()).matches()) {
                fields.add("fields", "'" + entry.getKey() + "' is not a field name (a letter, then up to 63 letters, digits, _ . -)");
                continue;
            }
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                fields.add("fields." + entry.getKey(), "must be a string, number or boolean");
                continue;
            }
            String text = value.toString();
            if (text.length() > MAX_FIELD_VALUE) {
                fields.add("fields." + entry.getKey(), "must be at most " + MAX_FIELD_VALUE + " characters");
                continue;
            }
            out.put(entry.getKey(), text);
        }
        return out;
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

    static MarketingViews.WebVisitView view(WebVisit visit) {
        return new MarketingViews.WebVisitView(visit.id(), visit.externalId(), visit.customerId(), visit.url(), visit.occurredAt(),
                MarketingTypes.WEB_VISIT, visit.touchpointId());
    }

    static MarketingViews.FormSubmissionView view(FormSubmission submission) {
        return new MarketingViews.FormSubmissionView(submission.id(), submission.externalId(), submission.form(), submission.customerId(),
                submission.email(), submission.firstName(), submission.lastName(), submission.phone(), submission.fields(),
                submission.occurredAt(), MarketingTypes.FORM_SUBMITTED, submission.touchpointId());
    }
}
