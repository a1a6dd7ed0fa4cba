package dev.saleskernel.shared;

import java.util.regex.Pattern;

/** The one character rule for ids, shared with the storage SPI's record ids. */
public final class Ids {
    /** 1–200 characters from {@code [A-Za-z0-9._:@-]}. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

    private Ids() {
    }

    /**
     * Returns {@code value} if it is a valid id.
     *
     * @throws NullPointerException     if value is null
     * @throws IllegalArgumentException if it does not match {@link #ID_PATTERN}
     */
    public static String requireValid(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        if (!ID_PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be 1-200 characters from [A-Za-z0-9._:@-]");
        }
        return value;
    }

    /** Whether {@code value} is a valid id; for validating input without throwing. */
    public static boolean isValid(String value) {
        return value != null && ID_PATTERN.matcher(value).matches();
    }
}
