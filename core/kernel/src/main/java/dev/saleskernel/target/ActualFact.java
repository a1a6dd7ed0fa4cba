package dev.saleskernel.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A measured fact: an amount (minor units) or a count of one metric on a date, booked to an org
 * unit, with product line and channel, credited to members by shares, identified by the source
 * system's id. A correction is a reversing fact: its own source id, {@code reverses} naming the
 * original, and the negated amount.
 *
 * @param amount      minor units or a count, any value except {@link Long#MIN_VALUE} (so every fact can be reversed)
 * @param orgUnitId   the unit the fact is booked to; it is credited directly when there are no member credits
 * @param credits     member credits whose shares sum to exactly 1 (empty: the unit is credited)
 */
public record ActualFact(String sourceId, Metric metric, long amount, LocalDate date, String orgUnitId,
                         String productLine, String channel, List<Credit> credits, Optional<String> reverses) {
    public ActualFact {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(orgUnitId, "orgUnitId");
        Objects.requireNonNull(productLine, "productLine");
        Objects.requireNonNull(channel, "channel");
        credits = List.copyOf(credits);
        Objects.requireNonNull(reverses, "reverses");
        if (amount == Long.MIN_VALUE) {
            throw new IllegalArgumentException("the amount of " + sourceId + " has no negation in a long; use at least "
                    + (Long.MIN_VALUE + 1));
        }
        if (!credits.isEmpty()) {
            BigDecimal total = credits.stream().map(Credit::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalArgumentException("credit shares of " + sourceId + " sum to " + total + ", not exactly 1");
            }
        }
    }

    /** A member's share of a fact, e.g. 0.40 for 40%; at most 6 decimal places, greater than 0. */
    public record Credit(String memberId, BigDecimal share) {
        public Credit {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(share, "share");
            if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0 || share.stripTrailingZeros().scale() > Decomposer.WEIGHT_SCALE) {
                throw new IllegalArgumentException("a credit share lies in (0, 1] with at most 6 decimals, got " + share);
            }
        }
    }

    /** The reversing fact that cancels this one. */
    public ActualFact reversal(String reversalSourceId, LocalDate on) {
        return new ActualFact(reversalSourceId, metric, -amount, on, orgUnitId, productLine, channel, credits,
                Optional.of(sourceId));
    }

    /** The credited amounts per member, exact: the amount split by the shares with largest remainder. */
    public long[] creditedAmounts() {
        long[] weights = new long[credits.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = credits.get(i).share().setScale(Decomposer.WEIGHT_SCALE).unscaledValue().longValueExact();
        }
        return Decomposer.proportional(amount, weights);
    }
}
