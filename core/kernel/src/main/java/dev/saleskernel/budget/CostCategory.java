package dev.saleskernel.budget;

import java.util.Objects;

/**
 * A cost category of the sales budget: one of the three the domain names, or any host-defined
 * code (1-100 characters, no '/', since it is part of a line id).
 *
 * @param code the stable code, e.g. {@code sales-expenses}
 */
public record CostCategory(String code) {
    public static final CostCategory SALES_EXPENSES = new CostCategory("sales-expenses");
    public static final CostCategory MARKET_PROMOTION = new CostCategory("market-promotion");
    public static final CostCategory CHANNEL_MAINTENANCE = new CostCategory("channel-maintenance");

    public CostCategory {
        Objects.requireNonNull(code, "code");
        if (code.isBlank() || code.length() > 100 || code.contains("/")) {
            throw new IllegalArgumentException("a cost category code is 1-100 characters without '/'");
        }
    }

    /** A host-defined category. */
    public static CostCategory of(String code) {
        return new CostCategory(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
