package dev.saleskernel.target;

import java.util.Objects;

/**
 * What a target measures: one of the built-in metrics or a host-defined one, by a stable code of
 * 1–64 characters from {@code [a-z0-9-]}.
 */
public record Metric(String code) {
    public static final Metric REVENUE = new Metric("revenue");
    public static final Metric GROSS_PROFIT = new Metric("gross-profit");
    public static final Metric ORDER_COUNT = new Metric("order-count");
    public static final Metric NEW_CUSTOMERS = new Metric("new-customers");

    public Metric {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a metric code is 1-64 characters of [a-z0-9-], got '" + code + "'");
        }
    }

    /** A host-defined metric. */
    public static Metric custom(String code) {
        return new Metric(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
