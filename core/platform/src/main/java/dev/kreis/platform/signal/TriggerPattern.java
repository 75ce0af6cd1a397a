package dev.kreis.platform.signal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a rule watches: one touchpoint type ({@code feedback.nps}) or every touchpoint of an area
 * ({@code support.*}: touchpoints whose module is {@code support} or whose type starts with
 * {@code support.}). Areas work before a module that owns them is installed.
 */
public record TriggerPattern(String key) {
    private static final Pattern AREA = Pattern.compile("[a-z][a-z0-9_-]{0,62}\\.\\*");
    private static final String WILDCARD = ".*";

    /** Whether {@code key} is written as an area pattern ({@code <area>.*}). */
    public static boolean isAreaPattern(String key) {
        return AREA.matcher(key).matches();
    }

    public boolean isArea() {
        return key.endsWith(WILDCARD);
    }

    /** The area of an area pattern ({@code support} for {@code support.*}). */
    public String area() {
        return key.substring(0, key.length() - WILDCARD.length());
    }

    public boolean matches(String type, String module) {
        if (!isArea()) {
            return key.equals(type);
        }
        return area().equals(module) || type.startsWith(area() + ".");
    }

    /** The SQL condition on a touchpoint table alias that {@link #matches} says, with its parameters added to {@code params}. */
    public String sql(String alias, List<Object> params) {
        if (!isArea()) {
            params.add(key);
            return alias + ".type = ?";
        }
        params.add(area());
        params.add(area() + ".%");
        return "(" + alias + ".module = ? or " + alias + ".type like ?)";
    }
}
