package dev.saleskernel.period;

import dev.saleskernel.money.Allocation;
import dev.saleskernel.money.Money;
import dev.saleskernel.money.RoundingPolicy;
import dev.saleskernel.shared.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Day-based proration: how much of a period an effective-dated range covers, and the money that
 * goes with it. Every day of a period weighs the same, whatever the month.
 *
 * <ul>
 *   <li>{@link #share}: the exact fraction {@code coveredDays / periodDays}.</li>
 *   <li>{@link #prorate}: a partial coverage (a rep hired on day 46 of a 91-day quarter gets
 *       {@code amount × 46 ÷ 91}), computed exactly and rounded once by the declared
 *       {@link RoundingPolicy}: the single rounding point.</li>
 *   <li>{@link #split}: a whole amount over segments that partition the period (a rep who moves
 *       teams mid-quarter: each team's segment gets its days' share), by
 *       {@link Allocation largest remainder} over the segments' day counts, so the parts sum
 *       exactly to the amount; no rounding policy is involved.</li>
 * </ul>
 */
public final class Proration {
    private Proration() {
    }

    /** The days of {@code period} that {@code coverage} covers, as an exact fraction; coverage outside the period counts for nothing. */
    public static DayShare share(Period period, DateRange coverage) {
        Objects.requireNonNull(coverage, "coverage");
        long covered = period.range().intersection(coverage).map(DateRange::days).orElse(0L);
        return new DayShare(covered, period.days());
    }

    /**
     * {@code amount × coveredDays ÷ periodDays}, computed exactly and rounded once with
     * {@code policy} (e.g. HALF_EVEN to the minor unit). A full coverage returns
     * {@code policy.round(amount)}; no coverage returns zero at the policy's scale.
     */
    public static Money prorate(Money amount, Period period, DateRange coverage, RoundingPolicy policy) {
        DayShare share = share(period, coverage);
        return policy.divide(amount.times(share.coveredDays()), BigDecimal.valueOf(share.periodDays()));
    }

    /**
     * Splits {@code amount} over {@code segments} in proportion to their days, at the currency's
     * minor unit, with the largest-remainder rule of {@link Allocation}: part {@code i} is segment
     * {@code i}'s, and the parts sum exactly to {@code amount}.
     *
     * @param segments consecutive ranges that partition the period, in chronological order
     * @throws IllegalArgumentException if the segments do not partition the period (see
     *                                  {@link #checkPartition}) or the amount is finer than the minor unit
     */
    public static List<Money> split(Money amount, Period period, List<DateRange> segments) {
        return split(amount, period, segments, RoundingPolicy.DEFAULT);
    }

    /**
     * Like {@link #split(Money, Period, List)}, at the scale {@code unit} declares for the amount's
     * currency.
     *
     * @throws IllegalArgumentException if the segments do not partition the period or the amount is
     *                                  finer than the unit
     */
    public static List<Money> split(Money amount, Period period, List<DateRange> segments, RoundingPolicy unit) {
        checkPartition(period, segments, period.label(), "segments")
                .getOrElseGet(reasons -> {
                    throw new IllegalArgumentException("segments do not partition " + period + ": " + reasons.mkString("; "));
                });
        long[] days = new long[segments.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = segments.get(i).days();
        }
        return Allocation.largestRemainder(amount, days, unit);
    }

    /**
     * Checks that {@code segments}, in order, partition {@code period} exactly: the first starts
     * on the period's start, each next one starts where the previous ends, the last ends at the
     * period's end. Reports every breach, each naming {@code field[i]}:
     * {@link PeriodRejection#SEGMENTS_EMPTY}, {@link PeriodRejection#SEGMENT_MISSING},
     * {@link PeriodRejection#SEGMENT_OUTSIDE_PERIOD}, {@link PeriodRejection#SEGMENT_GAP},
     * {@link PeriodRejection#SEGMENT_OVERLAP}.
     *
     * @param subject what the segments belong to, e.g. {@code member:m-12}
     * @param field   the segments' field name, e.g. {@code memberships}
     * @return the same segments, or every reason they are refused
     */
    public static Validation<Seq<Rejection>, List<DateRange>> checkPartition(Period period, List<DateRange> segments,
                                                                             String subject, String field) {
        Objects.requireNonNull(period, "period");
        if (segments == null || segments.isEmpty()) {
            return Validation.invalid(io.vavr.collection.List.of(Rejection.of(PeriodRejection.SEGMENTS_EMPTY, subject, field,
                    "at least one segment is needed to partition " + period.label())));
        }
        io.vavr.collection.List<Rejection> reasons = io.vavr.collection.List.empty();
        java.time.LocalDate expectedStart = period.start();
        for (int i = 0; i < segments.size(); i++) {
            DateRange segment = segments.get(i);
            String at = field + "[" + i + "]";
            if (segment == null) {
                reasons = reasons.append(Rejection.of(PeriodRejection.SEGMENT_MISSING, subject, at, "segment " + i + " is missing"));
                continue;
            }
            if (!period.range().contains(segment)) {
                reasons = reasons.append(breach(PeriodRejection.SEGMENT_OUTSIDE_PERIOD, subject, at,
                        "segment " + i + " reaches outside " + period.label(), segment, period.range()));
            }
            if (segment.start().isAfter(expectedStart)) {
                reasons = reasons.append(breach(PeriodRejection.SEGMENT_GAP, subject, at,
                        "no segment covers the days before segment " + i, segment, new DateRange(expectedStart, segment.start())));
            } else if (segment.start().isBefore(expectedStart)) {
                reasons = reasons.append(breach(PeriodRejection.SEGMENT_OVERLAP, subject, at,
                        "segment " + i + " starts before the previous one ends", segment, new DateRange(segment.start(), expectedStart)));
            }
            expectedStart = segment.endExclusive().isAfter(expectedStart) ? segment.endExclusive() : expectedStart;
        }
        if (expectedStart.isBefore(period.endExclusive())) {
            reasons = reasons.append(Rejection.of(PeriodRejection.SEGMENT_GAP, subject, field,
                            "no segment covers the end of " + period.label())
                    .withEvidence("days", new DateRange(expectedStart, period.endExclusive())));
        }
        return reasons.isEmpty() ? Validation.valid(segments) : Validation.invalid(reasons);
    }

    private static Rejection breach(PeriodRejection code, String subject, String field, String message,
                                    DateRange segment, DateRange days) {
        return Rejection.of(code, subject, field, message).withEvidence("segment", segment).withEvidence("days", days);
    }
}
