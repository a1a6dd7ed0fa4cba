package dev.saleskernel.customer;

import java.util.Objects;

/**
 * One account's contribution over the classification window, in minor units of the tenant's
 * base currency (profit or revenue, as the host chooses).
 */
public record AbcInput(String accountId, long contributionMinor) {
    public AbcInput {
        Objects.requireNonNull(accountId, "accountId");
    }
}
