package dev.kreis.spi.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals list cursors so a client can hand back only what this installation issued: a cursor is
 * {@code base64url(position) "." base64url(HMAC-SHA256(key, position))} (the MAC truncated to 128 bits),
 * and one whose MAC does not match is refused with 400 naming {@code cursor} before its position is read.
 *
 * <p>The key is the installation's: the platform installs it once at startup ({@link #useKey}), from
 * configuration or from the database, so every node accepts the cursors every other node issued. Until
 * then (plain unit tests) a random key of this process is used.
 *
 * <p>Thread-safety: safe; the key is replaced atomically. Stability: stable ({@link #useKey} is for the platform only).
 */
public final class CursorSeal {
    /** The longest cursor accepted: far above any this server issues, far below anything costly to check. */
    public static final int MAX_LENGTH = 512;
    private static final int MAC_BYTES = 16;
    private static volatile SecretKeySpec key = new SecretKeySpec(randomKey(), "HmacSHA256");

    private CursorSeal() {
    }

    /** Installs the installation's cursor key (at least 16 bytes); cursors sealed under an earlier key stop opening. */
    public static void useKey(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("a cursor key needs at least 16 bytes");
        }
        key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The opaque cursor for {@code position}. */
    public static String seal(String position) {
        byte[] text = position.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(text) + "." + base64.encodeToString(mac(text));
    }

    /**
     * The position a cursor {@link #seal} made.
     *
     * @throws ProblemException 400 naming {@code cursor} ({@link Paging#foreignCursor()}) for anything
     *         longer than {@link #MAX_LENGTH}, not of the sealed shape, or whose MAC does not match
     */
    public static String open(String cursor) {
        String value = cursor.strip();
        int dot = value.indexOf('.');
        if (value.length() > MAX_LENGTH || dot < 0) {
            throw Paging.foreignCursor();
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            byte[] text = base64.decode(value.substring(0, dot));
            byte[] mac = base64.decode(value.substring(dot + 1));
            if (MessageDigest.isEqual(mac, mac(text))) {
                return new String(text, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw Paging.foreignCursor();
    }

    private static byte[] mac(byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(text), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
