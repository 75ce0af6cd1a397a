package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.organisation;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** {@code POST /api/v1/customers/{id}/merge} and {@code /split}: audited, reversible, remembered. */
@QuarkusTest
class MergeSplitApiTest {

    @Test
    void splittingOffWhatAMergeBroughtRestoresBothCustomersAndTheirTimelinesExactly() {
        String annaEmail = email();
        String bertEmail = email();
        Created a = person("crm").name("Anna", "Kreis" + unique()).email(annaEmail).create();
        Created a2 = person("shop").email(annaEmail).create();
        Created b = person("crm").name("Bert", "Kreis" + unique()).email(bertEmail).create();
        Created b2 = person("support").email(bertEmail).create();
        touchpointFor(a.customerId()).source("crm").occurredAt("2025-01-05T10:00:00Z").ingest();
        touchpointFor(a.customerId()).source("shop").occurredAt("2025-01-07T10:00:00Z").ingest();
        touchpointFor(a.customerId()).source("shop").occurredAt("2025-01-07T10:00:00Z").ingest();
        touchpointFor(b.customerId()).source("crm").occurredAt("2025-01-06T10:00:00Z").ingest();
        touchpointFor(b.customerId()).source("support").occurredAt("2025-01-08T10:00:00Z").ingest();
        List<String> timelineA = Fixtures.timelineIds(a.customerId());
        List<String> timelineB = Fixtures.timelineIds(b.customerId());
        assertEquals(3, timelineA.size());
        assertEquals(2, timelineB.size());

        merge(a.customerId(), b.customerId()).then().statusCode(200).body("customerId", equalTo(a.customerId().toString()));

        List<String> mergedTimeline = Fixtures.timelineIds(a.customerId());
        List<String> union = new ArrayList<>(timelineA);
        union.addAll(timelineB);
        assertEquals(5, mergedTimeline.size());
        assertEquals(new HashSet<>(union), new HashSet<>(mergedTimeline));
        assertEquals(mergedTimeline, Fixtures.timelineIds(b.customerId()), "the merged id shows the survivor's timeline");

        split(a.customerId(), b.profileId(), b2.profileId())
                .then().statusCode(200).body("customerId", equalTo(b.customerId().toString()));

        assertEquals(timelineA, Fixtures.timelineIds(a.customerId()));
        assertEquals(timelineB, Fixtures.timelineIds(b.customerId()));
        assertEquals(List.of(a.profileId().toString(), a2.profileId().toString()),
                Fixtures.customer(a.customerId()).getList("profiles.id"));
        assertEquals(List.of(b.profileId().toString(), b2.profileId().toString()),
                Fixtures.customer(b.customerId()).getList("profiles.id"));
        assertEquals(b.customerId().toString(), Fixtures.customer(b.customerId()).getString("id"));
    }

    @Test
    void aSplitIsRememberedSoAProfileLinkingBothCustomersDoesNotMergeThemAgain() {
        String annaEmail = email();
        String bertEmail = email();
        Created a = person("crm").email(annaEmail).create();
        Created b = person("crm").email(bertEmail).create();
        merge(a.customerId(), b.customerId()).then().statusCode(200);
        split(a.customerId(), b.profileId()).then().statusCode(200).body("customerId", equalTo(b.customerId().toString()));

        Created bridge = person("shop").email(bertEmail).email(annaEmail).create();

        assertEquals(a.customerId(), bridge.customerId(), "the new profile joins the older customer");
        assertEquals(b.customerId().toString(), Fixtures.customer(b.customerId()).getString("id"));
        assertEquals(List.of(b.profileId().toString()), Fixtures.customer(b.customerId()).getList("profiles.id"));
        assertEquals(List.of(a.profileId().toString(), bridge.profileId().toString()),
                Fixtures.customer(a.customerId()).getList("profiles.id"));
    }

    @Test
    void aManualMergeIsNotUndoneByLaterProfileUpdates() {
        Fixtures.ProfileBody annaProfile = person("crm").name("Anna", "Manuell" + unique()).email(email());
        Fixtures.ProfileBody bertProfile = person("shop").name("Bert", "Manuell" + unique()).email(email());
        Created a = annaProfile.create();
        Created b = bertProfile.create();
        merge(a.customerId(), b.customerId()).then().statusCode(200);

        Created bertAgain = Created.of(bertProfile.attribute("city", "Berlin").phone(Fixtures.berlinPhone()).post()
                .then().statusCode(200).extract().response());
        Created annaAgain = Created.of(annaProfile.attribute("city", "Hamburg").post().then().statusCode(200).extract().response());

        assertEquals(a.customerId(), bertAgain.customerId());
        assertEquals(a.customerId(), annaAgain.customerId());
        assertEquals(a.customerId().toString(), Fixtures.customer(b.customerId()).getString("id"));
        assertEquals(2, Fixtures.customer(a.customerId()).getList("profiles").size());
    }

    @Test
    void aManualMergeOverridesAnEarlierSplit() {
        String bertEmail = email();
        Created a = person("crm").email(email()).create();
        Created b = person("crm").email(bertEmail).create();
        merge(a.customerId(), b.customerId()).then().statusCode(200);
        split(a.customerId(), b.profileId()).then().statusCode(200);

        merge(a.customerId(), b.customerId()).then().statusCode(200);
        Created later = person("support").email(bertEmail).create();

        assertEquals(a.customerId(), later.customerId());
        assertEquals(a.customerId().toString(), Fixtures.customer(b.customerId()).getString("id"));
    }

    @Test
    void splittingAProfileThatCameByIdentityResolutionCreatesANewCustomer() {
        String address = email();
        Created a = person("crm").email(address).create();
        Created sameEmail = person("shop").email(address).create();
        assertEquals(a.customerId(), sameEmail.customerId());

        UUID splitOff = UUID.fromString(split(a.customerId(), sameEmail.profileId()).then().statusCode(200)
                .extract().jsonPath().getString("customerId"));

        assertNotEquals(a.customerId(), splitOff);
        assertEquals(List.of(sameEmail.profileId().toString()), Fixtures.customer(splitOff).getList("profiles.id"));
        assertEquals(List.of(a.profileId().toString()), Fixtures.customer(a.customerId()).getList("profiles.id"));
        Created third = person("support").email(address).create();
        assertEquals(a.customerId(), third.customerId(), "the split pair stays apart; the newcomer joins the older customer");
        assertEquals(1, Fixtures.customer(splitOff).getList("profiles").size());
    }

    @Test
    void mergingSeveralCustomersAtOnceMovesAllTheirProfiles() {
        Created a = person("crm").email(email()).create();
        Created b = person("crm").email(email()).create();
        Created c = person("crm").email(email()).create();

        postJson("/api/v1/customers/" + a.customerId() + "/merge", Map.of("customerIds", List.of(b.customerId(), c.customerId())))
                .then().statusCode(200).body("customerId", equalTo(a.customerId().toString()));

        assertEquals(3, Fixtures.customer(c.customerId()).getList("profiles").size());
    }

    @Test
    void mergingNothingIsRejected() {
        Created a = person("crm").email(email()).create();

        postJson("/api/v1/customers/" + a.customerId() + "/merge", Map.of("customerIds", List.of()))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerIds"));
    }

    @Test
    void mergingACustomerIntoItselfIsRejected() {
        Created a = person("crm").email(email()).create();

        merge(a.customerId(), a.customerId())
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerIds[0]"))
                .body("errors[0].message", containsString("itself"));
    }

    @Test
    void mergingAnUnknownCustomerIsRejected() {
        Created a = person("crm").email(email()).create();

        merge(a.customerId(), UUID.randomUUID())
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerIds[0]"));
    }

    @Test
    void mergingIntoAnUnknownCustomerIsNotFound() {
        Created b = person("crm").email(email()).create();

        merge(UUID.randomUUID(), b.customerId()).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void mergingAnOrganisationIntoAPersonConflicts() {
        Created anna = person("crm").email(email()).create();
        Created acme = organisation("crm").attribute("name", "Acme " + unique()).create();

        merge(anna.customerId(), acme.customerId()).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("status", equalTo(409));
        merge(acme.customerId(), anna.customerId()).then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void mergingACustomerThatWasAlreadyMergedIsRejected() {
        Created a = person("crm").email(email()).create();
        Created b = person("crm").email(email()).create();
        Created c = person("crm").email(email()).create();
        merge(a.customerId(), b.customerId()).then().statusCode(200);

        merge(c.customerId(), b.customerId()).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerIds[0]"));
    }

    @Test
    void aCustomerIdThatIsNotAUuidIsMalformed() {
        Created a = person("crm").email(email()).create();

        postJson("/api/v1/customers/" + a.customerId() + "/merge", Map.of("customerIds", List.of("nope")))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("customerIds[0]"));
        postJson("/api/v1/customers/nope/merge", Map.of("customerIds", List.of(a.customerId())))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("id"));
    }

    @Test
    void splittingNothingIsRejected() {
        Created a = person("crm").email(email()).create();

        postJson("/api/v1/customers/" + a.customerId() + "/split", Map.of("profileIds", List.of()))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("profileIds"));
    }

    @Test
    void splittingAProfileOfAnotherCustomerIsRejected() {
        String address = email();
        Created a = person("crm").email(address).create();
        person("shop").email(address).create();
        Created stranger = person("crm").email(email()).create();

        split(a.customerId(), stranger.profileId())
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("profileIds[0]"));
    }

    @Test
    void splittingEveryProfileIsRejected() {
        String address = email();
        Created a = person("crm").email(address).create();
        Created a2 = person("shop").email(address).create();

        split(a.customerId(), a.profileId(), a2.profileId())
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("profileIds"));
        assertEquals(2, Fixtures.customer(a.customerId()).getList("profiles").size());
    }

    @Test
    void splittingAnUnknownCustomerIsNotFound() {
        split(UUID.randomUUID(), UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void splittingWithAMalformedIdIsA400NamingId() {
        postJson("/api/v1/customers/not-a-uuid/split", Map.of("profileIds", List.of(UUID.randomUUID())))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("id"));
    }

    private static Response merge(UUID target, UUID other) {
        return postJson("/api/v1/customers/" + target + "/merge", Map.of("customerIds", List.of(other)));
    }

    private static Response split(UUID customer, UUID... profiles) {
        return postJson("/api/v1/customers/" + customer + "/split", Map.of("profileIds", List.of(profiles)));
    }
}
