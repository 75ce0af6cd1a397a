package dev.kreis.platform.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns identifiers as sources send them into their normal form: e-mail lower-cased and trimmed (any syntactically
 * valid address, see {@link EmailSyntax}),
 * phone numbers in E.164 (numbers without a country code are read in the default region), external
 * ids and custom keys trimmed with their system named.
 */
@Startup
@ApplicationScoped
public class IdentifierNormaliser {
    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
    /** Digits and the punctuation people write phone numbers with; letters (vanity numbers) are not identifiers. */
    private static final Pattern PHONE_TEXT = Pattern.compile("[0-9+()\\-./\\s]{3,40}");
    private static final int MAX_VALUE = 255;

    private final String defaultRegion;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    @Inject
    IdentifierNormaliser(IdentityConfig config) {
        this(config.defaultPhoneRegion());
    }

    public IdentifierNormaliser(String defaultRegion) {
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("kreis.identity.default-phone-region is not a known region: " + defaultRegion);
        }
        this.defaultRegion = defaultRegion;
    }

    public Identifier normalise(String type, String system, String value) throws InvalidIdentifierException {
        IdentifierType kind = IdentifierType.fromWire(type)
                .orElseThrow(() -> new InvalidIdentifierException("type", "must be one of email, phone, external, custom"));
        if (value == null || value.isBlank()) {
            throw new InvalidIdentifierException("value", "is required");
        }
        return switch (kind) {
            case EMAIL -> new Identifier(kind, "", email(value));
            case PHONE -> new Identifier(kind, "", phone(value));
            case EXTERNAL, CUSTOM -> new Identifier(kind, system(kind, system), plain(value));
        };
    }

    /** The normal form of an e-mail address, if {@code text} is one; used to read search queries. */
    public Optional<String> emailOf(String text) {
        try {
            return Optional.of(email(text));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    /** The E.164 form of a phone number, if {@code text} is one; used to read search queries. */
    public Optional<String> phoneOf(String text) {
        try {
            return Optional.of(phone(text));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    /**
     * The E.164 form of {@code text} if it is a valid phone number (not merely a possible one: valid for its region);
     * used to recognise phone numbers in free-form values.
     */
    public Optional<String> validPhoneOf(String text) {
        if (text == null || !PHONE_TEXT.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = phones.parse(text.trim(), defaultRegion);
            return phones.isValidNumber(number) ? Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private String email(String raw) throws InvalidIdentifierException {
        String normal = raw.trim().toLowerCase(Locale.ROOT);
        if (!EmailSyntax.valid(normal)) {
            throw new InvalidIdentifierException("value", "is not an e-mail address");
        }
        return normal;
    }

    private String phone(String raw) throws InvalidIdentifierException {
        if (!PHONE_TEXT.matcher(raw.trim()).matches()) {
            throw new InvalidIdentifierException("value", "is not a phone number");
        }
        try {
            PhoneNumber number = phones.parse(raw.trim(), defaultRegion);
            if (!phones.isPossibleNumber(number)) {
                throw new InvalidIdentifierException("value", "is not a possible phone number");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidIdentifierException("value", "is not a phone number");
        }
    }

    private static String system(IdentifierType kind, String system) throws InvalidIdentifierException {
        if (system == null || system.isBlank()) {
            throw new InvalidIdentifierException("system", "is required for " + kind.wire() + " identifiers");
        }
        String normal = system.trim().toLowerCase(Locale.ROOT);
        if (!SYSTEM.matcher(normal).matches()) {
            throw new InvalidIdentifierException("system", "must be 1-100 letters, digits, '.', '_' or '-'");
        }
        return normal;
    }

    private static String plain(String raw) throws InvalidIdentifierException {
        String normal = raw.trim();
        if (normal.length() > MAX_VALUE) {
            throw new InvalidIdentifierException("value", "must be at most " + MAX_VALUE + " characters");
        }
        return normal;
    }
}
