package dev.saleskernel.persistence.tck;

import java.time.Duration;
import java.util.Objects;

/**
 * The size of the concurrent writer fuzzer (clause RS-10.1): {@code threads} threads each make
 * {@code incrementsPerThread} successful compare-and-swap increments over four hot records, and
 * the whole run must end within {@code timeout}.
 *
 * @param threads             writer threads, at least 2
 * @param incrementsPerThread successful increments per thread, at least 1
 * @param timeout             the bound on the whole run
 */
public record FuzzProfile(int threads, int incrementsPerThread, Duration timeout) {

    /** 16 threads × 10,000 increments within 2 minutes: the default, sized for an in-process store. */
    public static final FuzzProfile DEFAULT = new FuzzProfile(16, 10_000, Duration.ofMinutes(2));

    public FuzzProfile {
        if (threads < 2) {
            throw new IllegalArgumentException("the fuzzer needs at least 2 threads, got " + threads);
        }
        if (incrementsPerThread < 1) {
            throw new IllegalArgumentException("incrementsPerThread is at least 1, got " + incrementsPerThread);
        }
        Objects.requireNonNull(timeout, "timeout");
    }
}
