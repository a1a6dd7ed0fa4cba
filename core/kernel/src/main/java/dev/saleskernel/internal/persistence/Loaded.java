package dev.saleskernel.internal.persistence;

import java.util.Objects;

/**
 * An aggregate with the version it was stored at: the repository envelope, so the aggregate
 * itself never carries a storage version.
 */
public record Loaded<A>(A state, long version) {
    public Loaded {
        Objects.requireNonNull(state, "state");
        if (version < 1) {
            throw new IllegalArgumentException("a loaded version is at least 1");
        }
    }
}
