package dev.kreis.platform.identity;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Whether a text is an e-mail address by its syntax alone (RFC 5321/5322, with internationalised local parts and
 * domains per RFC 6531/5890): a dot-atom or quoted local part of at most 64 octets, {@code @}, and a domain of
 * letter-digit-hyphen labels (IDN allowed) or an address literal. The top-level domain is not looked up in any list:
 * reserved and private names ({@code .example}, {@code .test}, {@code .local}, {@code .internal}) and new TLDs are
 * addresses like any other, because identity resolution matches addresses, it does not deliver mail.
 */
final class EmailSyntax {
    static final int MAX_ADDRESS = 254;
    private static final int MAX_LOCAL_OCTETS = 64;
    private static final int MAX_DOMAIN = 253;
    /** RFC 5322 atext, plus any non-ASCII character (RFC 6531). */
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\x{80}-\\x{10FFFF}]+");
    /** RFC 5322 quoted-string: printable ASCII and space, backslash and quote only escaped (non-ASCII per RFC 6531). */
    private static final Pattern QUOTED = Pattern.compile("\"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E\\x{80}-\\x{10FFFF}]|\\\\[\\x20-\\x7E])*\"");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("IPv6:[0-9A-Fa-f:.]{2,45}", Pattern.CASE_INSENSITIVE);

    private EmailSyntax() {
    }

    static boolean valid(String address) {
        if (address == null || address.length() > MAX_ADDRESS) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return false;
        }
        return localPart(address.substring(0, at)) && domain(address.substring(at + 1));
    }

    private static boolean localPart(String local) {
        if (local.getBytes(StandardCharsets.UTF_8).length > MAX_LOCAL_OCTETS) {
            return false;
        }
        if (local.startsWith("\"")) {
            return QUOTED.matcher(local).matches();
        }
        for (String atom : local.split("\\.", -1)) {
            if (!ATOM.matcher(atom).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean domain(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) {
            String literal = domain.substring(1, domain.length() - 1);
            return IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches() && literal.indexOf(':', 5) >= 0;
        }
        String ascii;
        if (letterDigitHyphenDot(domain)) {
            // IDN.toASCII returns such a domain unchanged or refuses it for what the label checks below refuse too.
            ascii = domain.toLowerCase(java.util.Locale.ROOT);
        } else {
            try {
                ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(java.util.Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (ascii.isEmpty() || ascii.length() > MAX_DOMAIN) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** Whether {@code domain} holds only ASCII letters, digits, hyphens and dots (most do; IDN work is needed only otherwise). */
    private static boolean letterDigitHyphenDot(String domain) {
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
