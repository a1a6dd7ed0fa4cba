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
        return matching(value, IDENTIFIER, what);
    }

    static String type(String value, String what) {
        return matching(value, TYPE, what);
    }

    static String indexName(String value) {
        return matching(value, INDEX_NAME, "index name");
    }

    private static String matching(String value, Pattern pattern, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + pattern.pattern());
        }
        return value;
    }
}
