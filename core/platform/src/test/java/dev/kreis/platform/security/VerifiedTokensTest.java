package dev.kreis.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.security.persistence.ApiTokenRow;

class VerifiedTokensTest {
    private static ApiTokenRow token(UUID createdByAccount) {
        return new ApiTokenRow(UUID.randomUUID(), "ci", "hash", "abcd", Set.of(Role.INTEGRATION), "admin", OffsetDateTime.now(), null, null,
                null, createdByAccount);
    }

    @Test
    void atMostTheConfiguredNumberOfTokensIsRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(30);

        for (int i = 0; i < 3_000; i++) {
            tokens.remember("hash-" + i, token(null), i);
        }

        assertTrue(tokens.size() <= 30, "remembered " + tokens.size() + " tokens");
    }

    @Test
    void aRememberedTokenIsAnsweredWithWhenItWasVerifiedUntilItIsForgotten() {
        VerifiedTokens tokens = new VerifiedTokens(30);
        ApiTokenRow row = token(null);
        tokens.remember("h", row, 42);

        assertEquals(new VerifiedTokens.Verified(row, 42), tokens.get("h"));
        tokens.forget("h");
        assertNull(tokens.get("h"));
    }

    @Test
    void forgettingTheTokensOfAnAccountKeepsTheOthers() {
        VerifiedTokens tokens = new VerifiedTokens(30);
        UUID account = UUID.randomUUID();
        tokens.remember("mine", token(account), 1);
        tokens.remember("other", token(UUID.randomUUID()), 2);

        tokens.forgetIf(row -> account.equals(row.createdByAccount()));

        assertNull(tokens.get("mine"));
        assertEquals(2, tokens.get("other").at());
    }
}
