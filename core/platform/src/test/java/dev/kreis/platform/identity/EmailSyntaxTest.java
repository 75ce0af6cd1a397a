package dev.kreis.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.IDN;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class EmailSyntaxTest {

    @Test
    void asciiDomainsAreJudgedAsIdnWouldJudgeThem() {
        Random random = new Random(18);
        String alphabet = "abcXYZ019-.";
        int valid = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder domain = new StringBuilder();
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 14);
            for (int j = 0; j < length; j++) {
                domain.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean expected = byIdn(domain.toString());
            assertEquals(expected, EmailSyntax.valid("anna@" + domain), domain.toString());
            valid += expected ? 1 : 0;
        }
        assertTrue(valid > 1_000, "the random domains include valid ones: " + valid);
    }

    /** The domain rules with every domain passed through IDN.toASCII first, as before ASCII domains skipped it. */
    private static boolean byIdn(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!label.matches("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }
}
