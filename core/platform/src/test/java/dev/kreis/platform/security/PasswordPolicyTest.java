package dev.kreis.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(12, PasswordPolicy.load());

    @Test
    void theShippedListIsLoadedWhole() {
        // 10,000 lines; "Password" and "PASSWORD" beside "password" and the like are one entry once case is ignored.
        int entries = PasswordPolicy.load().size();
        assertTrue(entries > 9_800 && entries <= 10_000, "entries: " + entries);
        assertTrue(policy.problem("anna", "123456").isPresent());
    }

    @Test
    void aGoodPasswordPasses() {
        assertEquals(Optional.empty(), policy.problem("anna", "correct horse battery"));
    }

    @Test
    void oneCharacterRepeatedIsRefusedHoweverLong() {
        assertTrue(policy.problem("anna", " ".repeat(12)).orElseThrow().contains("repeated"));
        assertTrue(policy.problem("admin", "a".repeat(12)).orElseThrow().contains("repeated"));
        assertTrue(policy.problem("anna", "abcabcabcabc").orElseThrow().contains("repeated"));
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertTrue(policy.problem("anna", "1qaz2wsx3edc").orElseThrow().contains("common"));
        assertTrue(policy.problem("anna", "QWERTY123456").orElseThrow().contains("common"));
    }

    @Test
    void tooShortTooLongAndTheUsernameAreRefused() {
        assertTrue(policy.problem("anna", "short").orElseThrow().contains("at least 12"));
        assertTrue(policy.problem("anna", "ü".repeat(36) + "x").orElseThrow().contains("72 bytes"));
        assertTrue(policy.problem("anna", "my-name-is-anna!").orElseThrow().contains("username"));
    }

    @Test
    void passwordsOverSeventyTwoBytesNeverMatchTheirHash() {
        String stored = "p".repeat(71) + "q";
        String hash = io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(stored, 10);
        assertTrue(PasswordHashes.matches(stored, hash));
        assertEquals(false, PasswordHashes.matches(stored + "-and-anything", hash));
    }

    @Test
    void aBootstrapPasswordAgainstThePolicyStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> BootstrapAdmin.configuredPassword(Optional.of(" ".repeat(12)), policy));
        assertThrows(IllegalStateException.class, () -> BootstrapAdmin.configuredPassword(Optional.of("qwertyqwerty"), policy));
        assertEquals(Optional.of("a-sound-first-password"),
                BootstrapAdmin.configuredPassword(Optional.of("a-sound-first-password"), policy));
        assertEquals(Optional.empty(), BootstrapAdmin.configuredPassword(Optional.empty(), policy));
    }
}
