package dev.kreis.module.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** The PATCH bodies of leads and deals: absent keeps, null clears where allowed, every bad field named with its message. */
class SalesRequestsTest {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    private static Map<String, String> violations(Object request) {
        Map<String, String> out = new TreeMap<>();
        VALIDATOR.validate(request).forEach(v -> out.put(v.getPropertyPath().toString(), v.getMessage()));
        return out;
    }

    private static SalesRequests.ChangeLead lead(Optional<String> email, Optional<String> firstName, Optional<String> status) {
        return new SalesRequests.ChangeLead(email, null, firstName, null, null, null, status);
    }

    @Test
    void anAbsentFieldKeepsTheStoredValueANullOneClearsIt() {
        assertEquals("stored", SalesRequests.apply(null, "stored"));
        assertNull(SalesRequests.apply(Optional.empty(), "stored"));
        assertEquals("new", SalesRequests.apply(Optional.of("new"), "stored"));
    }

    @Test
    void aLeadChangeIsTrimmedAndItsEmailLowerCased() {
        SalesRequests.ChangeLead change = lead(Optional.of(" Lena@Example.COM "), Optional.of(" Lena "), null);
        assertEquals(Optional.of("lena@example.com"), change.email());
        assertEquals(Optional.of("Lena"), change.firstName());
        assertNull(change.status());
        assertEquals(Map.of(), violations(change));
    }

    @Test
    void aLeadChangeMayClearContactFieldsButNotTheStatus() {
        assertEquals(Map.of(), violations(lead(Optional.empty(), Optional.empty(), null)));
        assertEquals(Map.of("status", "must be one of [new, qualified, converted, disqualified]"),
                violations(lead(null, null, Optional.empty())));
    }

    @Test
    void everyBadLeadFieldIsNamedWithItsRule() {
        assertEquals(Map.of("email", "must be an e-mail address such as anna@example.com", "firstName", "must be 1 to 100 characters",
                "status", "must be one of [new, qualified, converted, disqualified]"),
                violations(lead(Optional.of("nope"), Optional.of("  "), Optional.of("lukewarm"))));
        assertEquals(Map.of("firstName", "must be 1 to 100 characters"), violations(lead(null, Optional.of("x".repeat(101)), null)));
    }

    @Test
    void aDealChangeRefusesNullForNameAmountAndStageAndBoundsTheAmount() {
        assertEquals(Map.of("name", "must not be null", "amount", "must not be null",
                "stage", "must be one of [prospecting, qualification, proposal, negotiation, won, lost]"),
                violations(new SalesRequests.ChangeDeal(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), null, null, null)));
        assertEquals(Map.of("amount", "must not be negative"), violations(new SalesRequests.ChangeDeal(null, Optional.of(new BigDecimal("-1")),
                null, null, null, null, null)));
        assertEquals(Map.of("amount", "must have at most 4 decimal places"), violations(new SalesRequests.ChangeDeal(null,
                Optional.of(new BigDecimal("1.23456")), null, null, null, null, null)));
        assertEquals(Map.of(), violations(new SalesRequests.ChangeDeal(null, null, Optional.of("won"), Optional.empty(), null, "Best price",
                null)));
    }

    @Test
    void closingTimesAndDatesAreBounded() {
        SalesRequests.Rules rules = new SalesRequests.Rules();
        java.time.Instant now = java.time.Instant.parse("2030-01-01T00:00:00Z");
        rules.past("closedAt", java.time.Instant.parse("1799-12-31T23:59:59Z"), now);
        rules.past("openedAt", now.plusSeconds(301), now);
        rules.past("at", now.plusSeconds(300), now);
        rules.date("expectedCloseOn", java.time.LocalDate.of(2200, 1, 2));
        assertEquals(java.util.List.of("closedAt", "openedAt", "expectedCloseOn"),
                org.junit.jupiter.api.Assertions.assertThrows(dev.kreis.spi.api.ProblemException.class, rules::check).errors().stream()
                        .map(dev.kreis.spi.api.FieldProblem::field).toList());
    }
}
