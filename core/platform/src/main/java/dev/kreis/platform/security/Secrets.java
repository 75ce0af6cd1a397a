package dev.kreis.platform.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * Bearer secrets (API tokens, survey links): 256 random bits, base64url, stored only as SHA-256. A salt
 * or a slow hash adds nothing to a secret that long; the hash makes a stolen table useless for logging in.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits as 43 base64url characters, with {@code prefix} in front. */
    public static String generate(String prefix) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The SHA-256 of a secret as 64 lower-case hex digits: what is stored and looked up. */
    public static String hash(String secret) {
        return DigestUtils.sha256Hex(secret);
    }
}
