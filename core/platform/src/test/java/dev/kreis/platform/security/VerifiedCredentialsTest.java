package dev.kreis.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    @Test
    void atMostTheConfiguredNumberOfPairsIsRemembered() {
        VerifiedCredentials credentials = new VerifiedCredentials(20);

        for (int i = 0; i < 2_000; i++) {
            credentials.remember("user-" + i, "password-" + i, "hash-" + i);
        }

        assertTrue(credentials.remembered() <= 20, "remembered " + credentials.remembered() + " pairs");
    }

    @Test
    void aRememberedPairIsConfirmedOnlyAgainstTheHashItWasCheckedWith() {
        VerifiedCredentials credentials = new VerifiedCredentials(20);
        credentials.remember("anna", "correct horse", "hash-1");

        assertTrue(credentials.confirmed("anna", "correct horse", "hash-1"));
        assertFalse(credentials.confirmed("anna", "correct horse", "hash-2"), "the password changed since");
        assertFalse(credentials.confirmed("anna", "battery staple", "hash-1"));
    }
}
