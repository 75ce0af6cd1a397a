package dev.kreis.platform.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.kreis.platform.storage.Jdbc;
import dev.kreis.platform.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encrypts connection credentials at rest with AES-256-GCM under the installation's key: a random
 * 96-bit nonce per value, stored as {@code v1:<base64(nonce || ciphertext+tag)>}. The connection id is
 * bound as associated data, so a ciphertext copied to another connection does not decrypt.
 */
@ApplicationScoped
public class CredentialCipher {
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;
    private final SyncConfig config;
    private volatile SecretKeySpec key;

    CredentialCipher(Jdbc jdbc, SyncConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    public String encrypt(String plain, String context) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String stored, String context) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("credentials are not in a known format");
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("credentials do not decrypt with this installation's key", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] raw = Base64.getDecoder().decode(config.credentialsKey().orElseGet(this::installationKey));
            if (raw.length != 32) {
                throw new IllegalStateException("kreis.sync.credentials-key must be 32 bytes, base64");
            }
            current = new SecretKeySpec(raw, "AES");
            key = current;
        }
        return current;
    }

    private String installationKey() {
        return jdbc.queryOne("select key_value from sync_installation_key where id = 1", row -> row.getString(1)).orElseGet(() -> {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            try {
                jdbc.update("insert into sync_installation_key (id, key_value) values (1, ?)", Base64.getEncoder().encodeToString(raw));
            } catch (StorageException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
            }
            return jdbc.queryOne("select key_value from sync_installation_key where id = 1", row -> row.getString(1)).orElseThrow();
        });
    }
}
