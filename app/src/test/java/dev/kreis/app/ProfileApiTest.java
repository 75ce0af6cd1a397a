package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.organisation;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.app.Fixtures.ProfileBody;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code POST /api/v1/profiles}: creating and updating profiles, normalising identifiers, rejecting bad input. */
@QuarkusTest
class ProfileApiTest {

    @Test
    void aNewProfileAnswers201WithItsCustomerAndProfileIds() {
        person("crm").name("Anna", "Neu" + unique()).email(email()).post()
                .then().statusCode(201)
                .body("customerId", notNullValue())
                .body("profileId", notNullValue());
    }

    @Test
    void resubmittingAProfileAnswers200AndUpdatesIt() {
        ProfileBody profile = person("crm").name("Anna", "Alt" + unique()).email(email());
        Created first = profile.create();

        profile.attribute("city", "Berlin").post()
                .then().statusCode(200)
                .body("customerId", equalTo(first.customerId().toString()))
                .body("profileId", equalTo(first.profileId().toString()));

        JsonPath customer = Fixtures.customer(first.customerId());
        assertEquals("Berlin", customer.getString("attributes.city.value"));
        assertEquals(1, customer.getList("profiles").size());
    }

    @Test
    void emailIsTrimmedAndLowerCased() {
        String local = "Anna." + unique();
        Created created = person("crm").email("  " + local.toUpperCase() + "@Example.COM ").create();

        JsonPath customer = Fixtures.customer(created.customerId());
        assertEquals(List.of(local.toLowerCase() + "@example.com"), customer.getList("identifiers.value"));
        assertEquals("email", customer.getString("identifiers[0].type"));
    }

    @Test
    void phoneWithoutCountryCodeIsReadInGermanyAndStoredInE164() {
        String phone = Fixtures.berlinPhone();
        Created created = person("crm").phone(phone).create();

        JsonPath customer = Fixtures.customer(created.customerId());
        assertEquals("phone", customer.getString("identifiers[0].type"));
        assertEquals("+49" + phone.substring(1).replace(" ", ""), customer.getString("identifiers[0].value"));
    }

    @Test
    void theDocumentedBerlinNumberBecomesPlus49301234567() {
        Created created = person("crm").phone("030 1234567").create();

        assertEquals("+49301234567", Fixtures.customer(created.customerId())
                .getString("identifiers.find { it.profileId == '" + created.profileId() + "' }.value"));
    }

    @Test
    void externalAndCustomIdentifiersKeepTheirSystem() {
        String value = "C-" + unique();
        Created created = person("shop").external("Shopify", value).identifier("custom", value, "loyalty-card").create();

        JsonPath customer = Fixtures.customer(created.customerId());
        assertEquals(List.of("custom", "external"), customer.getList("identifiers.type"));
        assertEquals(List.of("loyalty-card", "shopify"), customer.getList("identifiers.system"));
        assertEquals(List.of(value, value), customer.getList("identifiers.value"));
    }

    @Test
    void missingSourceAndExternalIdAreBothNamed() {
        postJson("/api/v1/profiles", Map.of("kind", "person"))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("status", equalTo(422))
                .body("errors.field", containsInAnyOrder("source", "externalId"));
    }

    @Test
    void aKindOtherThanPersonOrOrganisationIsRejected() {
        person("crm").kind("robot").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("kind"))
                .body("errors[0].message", containsString("person or organisation"));
    }

    @Test
    void anInvalidEmailIsNamedByItsPosition() {
        person("crm").email(email()).email("not-an-email").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("identifiers[1].value"))
                .body("errors[0].message", containsString("e-mail"));
    }

    @Test
    void anUnknownIdentifierTypeIsNamed() {
        person("crm").identifier("fax", "0301234567", null).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("identifiers[0].type"));
    }

    @Test
    void externalAndCustomIdentifiersRequireASystem() {
        person("crm").identifier("external", "C-1", null).identifier("custom", "K-1", null).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("identifiers[0].system", "identifiers[1].system"));
    }

    @Test
    void anUnparseablePhoneNumberIsNamed() {
        person("crm").phone("call me maybe").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("identifiers[0].value"));
    }

    @Test
    void anAttributeWithABadNameIsNamed() {
        person("crm").attribute("1st name", "Anna").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("attributes.1st name"));
    }

    @Test
    void anObservedAtThatIsNotATimestampIsNamed() {
        person("crm").observedAt("yesterday").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("observedAt"));
    }

    @Test
    void anOrganisationIdThatIsNotAUuidIsNamed() {
        person("crm").organisationId("acme").post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("organisationId"));
    }

    @Test
    void anOrganisationIdOfAPersonIsRejected() {
        Created someone = person("crm").email(email()).create();

        person("crm").organisationId(someone.customerId()).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("organisationId"))
                .body("errors[0].message", containsString("not an organisation"));
    }

    @Test
    void anUnknownOrganisationIdIsRejected() {
        person("crm").organisationId(UUID.randomUUID()).post()
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.field", contains("organisationId"));
    }

    @Test
    void repostingAProfileAsAnotherKindConflicts() {
        ProfileBody profile = person("crm").attribute("name", "Kind " + unique());
        profile.create();

        profile.kind("organisation").post()
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("detail", containsString("person"));
    }

    @Test
    void aPersonCanBelongToAnOrganisation() {
        Created acme = organisation("crm").attribute("name", "Acme " + unique() + " GmbH").create();
        Created anna = person("crm").name("Anna", "Mitglied" + unique()).email(email()).organisationId(acme.customerId()).create();

        assertEquals(acme.customerId().toString(), Fixtures.customer(anna.customerId()).getString("organisationId"));
        JsonPath organisation = Fixtures.customer(acme.customerId());
        assertEquals("organisation", organisation.getString("kind"));
        assertEquals(List.of(anna.customerId().toString()), organisation.getList("members.id"));
    }

    @Test
    void membersOfAMergedOrganisationBelongToTheSurvivingOrganisation() {
        Created acme = organisation("crm").attribute("name", "Acme " + unique()).create();
        Created acmeDuplicate = organisation("shop").attribute("name", "ACME " + unique()).create();
        Created anna = person("shop").email(email()).organisationId(acmeDuplicate.customerId()).create();
        postJson("/api/v1/customers/" + acme.customerId() + "/merge", Map.of("customerIds", List.of(acmeDuplicate.customerId())))
                .then().statusCode(200);

        assertEquals(acme.customerId().toString(), Fixtures.customer(anna.customerId()).getString("organisationId"));
        assertEquals(List.of(anna.customerId().toString()), Fixtures.customer(acme.customerId()).getList("members.id"));
    }

    @Test
    void resubmittingWithoutIdentifiersKeepsTheStoredOnes() {
        String address = email();
        ProfileBody withEmail = person("crm").email(address);
        Created created = withEmail.create();

        person("crm").externalId((String) withEmail.json().get("externalId")).attribute("city", "Bonn").post().then().statusCode(200);

        assertEquals(List.of(address), Fixtures.customer(created.customerId()).getList("identifiers.value"));
    }

    @Test
    void aPersonAndAnOrganisationSharingAnEmailStayDifferentCustomers() {
        String shared = email();
        Created person = person("crm").email(shared).create();
        Created company = organisation("crm").attribute("name", "Shared " + unique()).email(shared).create();

        assertNotEquals(person.customerId(), company.customerId());
    }

    @Test
    void anIdentifierOfTheWrongJsonTypeIsMalformed() {
        Fixtures.postRaw("/api/v1/profiles", "{\"source\":\"crm\",\"externalId\":\"x-" + unique() + "\",\"identifiers\":\"anna@example.com\"}")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("identifiers"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        Fixtures.postRaw("/api/v1/profiles", "{\"source\": \"crm\",")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("detail", containsString("JSON"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        postJson("/api/v1/profiles", Map.of("source", "CRM with spaces", "kind", "robot",
                "identifiers", List.of(Map.of("type", "email", "value", "nope"))))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors", hasSize(4))
                .body("errors.field", containsInAnyOrder("source", "externalId", "kind", "identifiers[0].value"));
    }
}
