package dev.saleskernel.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node's amount is split over its children: data, turned into exact integer weights by
 * {@link Decomposer#weights}, then split by largest remainder. Maps are keyed by child key.
 */
public sealed interface Strategy {
    /** Every child the same (the remainder to the lower indices). */
    record Equal() implements Strategy {
    }

    /** Explicit non-negative weights per child key, at most 6 decimal places (e.g. 40, 35.5, 24.5). */
    record Weights(Map<String, BigDecimal> weights) implements Strategy {
        public Weights {
            weights = Map.copyOf(weights);
        }
    }

    /** Shares of the given history (e.g. last year's actuals per child key, in the target's unit); missing keys weigh 0. */
    record HistoricalShare(Map<String, Long> actuals) implements Strategy {
        public HistoricalShare {
            actuals = Map.copyOf(actuals);
        }
    }

    /**
     * Per-calendar-month percentages (ERPNext's Monthly Distribution), all twelve months,
     * non-negative, summing to exactly 100; a child period weighs the sum of its months.
     */
    record Seasonality(Map<Month, BigDecimal> percentages) implements Strategy {
        public Seasonality {
            percentages = Map.copyOf(percentages);
        }

        /** Twelve percentages, January to December. */
        public static Seasonality of(BigDecimal... januaryToDecember) {
            if (januaryToDecember.length != 12) {
                throw new IllegalArgumentException("twelve percentages, January to December");
            }
            java.util.EnumMap<Month, BigDecimal> map = new java.util.EnumMap<>(Month.class);
            for (Month month : Month.values()) {
                map.put(month, januaryToDecember[month.ordinal()]);
            }
            return new Seasonality(map);
        }
    }

    /**
     * Headcount capacity: a child weighs the days its seats are staffed within the node's period,
     * the first {@code rampDays} after a hire counting at {@code rampShare} (0–1, at most 4 decimals).
     */
    record Capacity(List<Seat> seats, int rampDays, BigDecimal rampShare) implements Strategy {
        public Capacity {
            seats = List.copyOf(seats);
            Objects.requireNonNull(rampShare, "rampShare");
        }
    }

    /** One staffed seat of a child: hired on {@code hired}, gone from {@code left} (exclusive) if set. */
    record Seat(String childKey, LocalDate hired, Optional<LocalDate> left) {
        public Seat {
            Objects.requireNonNull(childKey, "childKey");
            Objects.requireNonNull(hired, "hired");
            Objects.requireNonNull(left, "left");
        }
    }
}
