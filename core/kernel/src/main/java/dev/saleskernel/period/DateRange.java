package dev.saleskernel.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-empty, half-open range of days {@code [start, endExclusive)}: it contains {@code start}
 * and every day before {@code endExclusive}, not {@code endExclusive} itself. Adjacent ranges
 * ({@code a.endExclusive() == b.start()}) therefore neither overlap nor leave a gap.
 *
 * @param start        the first day in the range
 * @param endExclusive the first day after the range; strictly after {@code start}
 */
public record DateRange(LocalDate start, LocalDate endExclusive) {
    /**
     * @throws NullPointerException     if a date is null
     * @throws IllegalArgumentException if {@code endExclusive} is not after {@code start}
     */
    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (!endExclusive.isAfter(start)) {
            throw new IllegalArgumentException("a date range [" + start + ", " + endExclusive + ") must not be empty");
        }
    }

    /** The range {@code [start, endExclusive)}. */
    public static DateRange of(LocalDate start, LocalDate endExclusive) {
        return new DateRange(start, endExclusive);
    }

    /** The range from {@code first} to {@code last}, both included: {@code [first, last + 1 day)}. */
    public static DateRange inclusive(LocalDate first, LocalDate last) {
        return new DateRange(first, last.plusDays(1));
    }

    /** The number of days in the range, {@code endExclusive − start}; at least 1. */
    public long days() {
        return ChronoUnit.DAYS.between(start, endExclusive);
    }

    /** The last day in the range, {@code endExclusive − 1 day}. */
    public LocalDate last() {
        return endExclusive.minusDays(1);
    }

    /** Whether {@code start ≤ date < endExclusive}. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(endExclusive);
    }

    /** Whether every day of {@code other} is in this range. */
    public boolean contains(DateRange other) {
        return !other.start.isBefore(start) && !other.endExclusive.isAfter(endExclusive);
    }

    /** Whether the two ranges share at least one day. */
    public boolean overlaps(DateRange other) {
        return start.isBefore(other.endExclusive) && other.start.isBefore(endExclusive);
    }

    /** The days both ranges share, or empty when they share none. */
    public Optional<DateRange> intersection(DateRange other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate until = endExclusive.isBefore(other.endExclusive) ? endExclusive : other.endExclusive;
        return until.isAfter(from) ? Optional.of(new DateRange(from, until)) : Optional.empty();
    }

    /** {@code [start, endExclusive)} in ISO dates. */
    @Override
    public String toString() {
        return "[" + start + ", " + endExclusive + ")";
    }
}
