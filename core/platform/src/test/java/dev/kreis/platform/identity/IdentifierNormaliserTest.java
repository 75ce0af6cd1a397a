package dev.kreis.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdentifierNormaliserTest {
    private final IdentifierNormaliser normaliser = new IdentifierNormaliser("DE");

    @Test
    void emailIsTrimmedAndLowerCased() throws Exception {
        assertEquals(new Identifier(IdentifierType.EMAIL, "", "anna.schmidt@example.com"),
                normaliser.normalise("email", null, "  Anna.Schmidt@Example.COM "));
    }

    @Test
    void emailWithoutDomainIsRejectedOnTheValueField() {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> normaliser.normalise("email", null, "anna@"));
        assertEquals("value", e.field());
    }

    @Test
    void emailWithAReservedOrPrivateTopLevelDomainIsAccepted() throws Exception {
        for (String address : List.of("anna@crm.example", "anna@shop.test", "printer@office.local", "ops@billing.internal",
                "anna@localhost.localdomain", "anna@company.newtld")) {
            assertEquals(address, normaliser.normalise("email", null, address).value(), address);
        }
    }

    @Test
    void emailIsAcceptedInEveryForm5322And6531Allow() throws Exception {
        for (String address : List.of("anna+newsletter@example.com", "o'brien@example.ie", "\"anna schmidt\"@example.com",
                "user@[192.0.2.1]", "anna@münchen.de", "jürgen@bücher.example", "x@xn--mnchen-3ya.de", "a!#$%&*/=?^_`{|}~-@example.org")) {
            assertEquals(address.toLowerCase(java.util.Locale.ROOT), normaliser.normalise("email", null, address).value(), address);
        }
    }

    @Test
    void textThatIsNoEmailAddressIsRejected() {
        for (String text : List.of("anna", "@example.com", "anna@", "anna@@example.com", "anna@example", "anna..b@example.com",
                ".anna@example.com", "anna.@example.com", "an na@example.com", "anna@-example.com", "anna@example-.com",
                "anna@exa_mple.com", "anna@example.123", "anna@" + "a".repeat(64) + ".com", "a".repeat(65) + "@example.com",
                "anna@example..com", "\"unclosed@example.com", "anna@[300.0.0.1]")) {
            assertThrows(InvalidIdentifierException.class, () -> normaliser.normalise("email", null, text), text);
        }
    }

    @Test
    void onlyValidPhoneNumbersAreRecognisedInFreeText() {
        assertEquals(java.util.Optional.of("+493012345678"), normaliser.validPhoneOf("030 12345678"));
        assertEquals(java.util.Optional.empty(), normaliser.validPhoneOf("10115"));
        assertEquals(java.util.Optional.empty(), normaliser.validPhoneOf("Berlin"));
    }

    @Test
    void nationalPhoneNumberIsReadInTheDefaultRegion() throws Exception {
        assertEquals("+49301234567", normaliser.normalise("phone", null, "030 1234567").value());
    }

    @Test
    void internationalPhoneNumberKeepsItsCountryWhateverTheFormatting() throws Exception {
        assertEquals("+441632960961", normaliser.normalise("phone", null, "+44 (0)1632 960961").value());
        assertEquals("+4915112345678", normaliser.normalise("phone", null, "0049-151-1234 5678").value());
    }

    @Test
    void defaultRegionDecidesHowANationalNumberIsRead() throws Exception {
        IdentifierNormaliser us = new IdentifierNormaliser("US");
        assertEquals("+12025550123", us.normalise("phone", null, "(202) 555-0123").value());
    }

    @Test
    void textThatIsNoPhoneNumberIsRejected() {
        assertThrows(InvalidIdentifierException.class, () -> normaliser.normalise("phone", null, "call me maybe"));
        assertThrows(InvalidIdentifierException.class, () -> normaliser.normalise("phone", null, "12"));
    }

    @Test
    void externalIdKeepsItsCaseAndNamesItsSystemInLowerCase() throws Exception {
        assertEquals(new Identifier(IdentifierType.EXTERNAL, "hubspot", "Ab-123"),
                normaliser.normalise("external", " HubSpot ", " Ab-123 "));
    }

    @Test
    void externalIdWithoutSystemIsRejectedOnTheSystemField() {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class,
                () -> normaliser.normalise("external", null, "123"));
        assertEquals("system", e.field());
    }

    @Test
    void unknownTypeIsRejectedOnTheTypeField() {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> normaliser.normalise("fax", null, "1"));
        assertEquals("type", e.field());
    }

    @Test
    void blankValueIsRejected() {
        assertThrows(InvalidIdentifierException.class, () -> normaliser.normalise("custom", "card", "  "));
    }

    @Test
    void unknownDefaultRegionIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new IdentifierNormaliser("XX"));
    }
}
