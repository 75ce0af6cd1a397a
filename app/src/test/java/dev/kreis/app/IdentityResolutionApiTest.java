package dev.kreis.app;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Deterministic identity resolution: profiles sharing a normalised identifier are one customer. */
@QuarkusTest
class IdentityResolutionApiTest {

    @Test
    void profilesSharingAnEmailInAnyCaseAndSpacingResolveToOneCustomer() {
        String tag = unique();
        Created crm = person("crm").email(" Anna." + tag.toUpperCase() + "@Example.com ").create();
        Created shop = person("shop").email("anna." + tag + "@example.com").create();

        assertEquals(crm.customerId(), shop.customerId());
        assertNotEquals(crm.profileId(), shop.profileId());
        assertEquals(List.of(crm.profileId().toString(), shop.profileId().toString()),
                Fixtures.customer(crm.customerId()).getList("profiles.id"));
    }

    @Test
    void profilesSharingAPhoneNumberInDifferentFormatsResolveToOneCustomer() {
        String national = Fixtures.berlinPhone();
        String international = "+49 " + national.substring(1);
        Created crm = person("crm").phone(national).create();
        Created support = person("support").phone(international).create();

        assertEquals(crm.customerId(), support.customerId());
    }

    @Test
    void externalIdsOnlyLinkWithinTheSameSystem() {
        String value = "C-" + unique();
        Created shopify = person("shop").external("shopify", value).create();
        Created hubspot = person("crm").external("hubspot", value).create();
        Created shopifyAgain = person("support").external("shopify", value).create();

        assertNotEquals(shopify.customerId(), hubspot.customerId());
        assertEquals(shopify.customerId(), shopifyAgain.customerId());
    }

    @Test
    void profilesWithoutSharedIdentifiersStayApart() {
        Created anna = person("crm").name("Anna", "Apart" + unique()).email(email()).create();
        Created bert = person("crm").name("Bert", "Apart" + unique()).email(email()).create();

        assertNotEquals(anna.customerId(), bert.customerId());
    }

    @Test
    void aProfileLinkingTwoCustomersMergesThemIntoTheOlderOne() {
        String annaEmail = email();
        String annaPhone = Fixtures.berlinPhone();
        Created older = person("crm").email(annaEmail).create();
        Created younger = person("support").phone(annaPhone).create();
        assertNotEquals(older.customerId(), younger.customerId());

        Created bridge = person("shop").email(annaEmail).phone(annaPhone).create();

        assertEquals(older.customerId(), bridge.customerId());
        JsonPath merged = Fixtures.customer(younger.customerId());
        assertEquals(older.customerId().toString(), merged.getString("id"));
        assertEquals(List.of(older.profileId().toString(), younger.profileId().toString(), bridge.profileId().toString()),
                merged.getList("profiles.id"));
    }

    @Test
    void anUpdatedProfileThatLinksItsCustomerToAnOlderOneMergesIntoTheOlder() {
        String address = email();
        Created anna = person("crm").email(address).create();
        Fixtures.ProfileBody shopProfile = person("shop").phone(Fixtures.berlinPhone());
        Created shop = shopProfile.create();
        assertNotEquals(anna.customerId(), shop.customerId());

        Created updated = Created.of(shopProfile.email(address).post().then().statusCode(200).extract().response());

        assertEquals(anna.customerId(), updated.customerId());
        assertEquals(anna.customerId().toString(), Fixtures.customer(shop.customerId()).getString("id"));
    }
}
