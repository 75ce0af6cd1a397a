package dev.kreis.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
