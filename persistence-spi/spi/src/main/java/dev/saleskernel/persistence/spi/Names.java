package dev.saleskernel.persistence.spi;

import java.util.regex.Pattern;

/** The character rules for tenant ids, record types, record ids, index names and commit ids. */
final class Names {
    /** Tenant ids, record ids and commit ids: 1 to 200 ASCII characters from {@code [A-Za-z0-9._:@-]}. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");
    /** Record types and event types: lower-case dotted or dashed words, 1 to 100 characters. */
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9.-]{0,99}");
    /** Index field names: a letter, then letters, digits or underscores, at most 63 characters. */
    static final Pattern INDEX_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");

    private Names() {
    }

    static String identifier(String value, String what) {
        return checked(value, isIdentifier(nonNull(value, what)), IDENTIFIER, what);
    }

    static String type(String value, String what) {
        return checked(value, isType(nonNull(value, what)), TYPE, what);
    }

    static String indexName(String value) {
        return checked(value, isIndexName(nonNull(value, "index name")), INDEX_NAME, "index name");
    }

    // The checks below are the patterns above written out by hand: they run for every key a store
    // reads or writes, and a regular expression allocates a matcher each time. NamesTest holds them
    // equal to the patterns.

    static boolean isIdentifier(String value) {
        int length = value.length();
        if (length < 1 || length > 200) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == ':' || c == '@' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean isType(String value) {
        int length = value.length();
        if (length < 1 || length > 100 || !isLowerCase(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!(isLowerCase(c) || isDigit(c) || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean isIndexName(String value) {
        int length = value.length();
        if (length < 1 || length > 63 || !isLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerCase(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isLetter(char c) {
        return isLowerCase(c) || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isLetter(c) || isDigit(c);
    }

    private static String nonNull(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        return value;
    }

    private static String checked(String value, boolean valid, Pattern pattern, String what) {
        if (!valid) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + pattern.pattern());
        }
        return value;
    }
}
