package dev.saleskernel.customer;

import java.util.Objects;

/**
 * The class given to one account in a run.
 *
 * @param accountId         the account
 * @param contributionMinor its contribution, minor units
 * @param rank              1-based rank (1 = largest contribution)
 * @param rawClass          the class the cut-offs alone give
 * @param abcClass          the class assigned after hysteresis
 */
public record AbcAssignment(String accountId, long contributionMinor, int rank, AbcClass rawClass, AbcClass abcClass) {
    public AbcAssignment {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(rawClass, "rawClass");
        Objects.requireNonNull(abcClass, "abcClass");
    }

    /** Whether hysteresis kept the previous class instead of the raw one. */
    public boolean keptByHysteresis() {
        return rawClass != abcClass;
    }
}
