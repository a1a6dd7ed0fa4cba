package dev.saleskernel.customer;

import java.util.Objects;
import java.util.Optional;

/** An account whose class differs from the previous run (or that had none). */
public record AbcChange(String accountId, Optional<AbcClass> from, AbcClass to) {
    public AbcChange {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
