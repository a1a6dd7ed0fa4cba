package dev.saleskernel.money;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, in-memory {@link ExchangeRates}: a set of dated rates per directional currency
 * pair. {@link #with(ExchangeRate)} returns a new table; the original is unchanged. Only the
 * rates put in are ever returned: no inverse, no cross rate. Each {@code with} copies the table;
 * add many rates at once with {@link #withAll(Collection)}.
 */
public final class ExchangeRateTable implements ExchangeRates {
    private static final ExchangeRateTable EMPTY = new ExchangeRateTable(Map.of());

    private final Map<Pair, TreeMap<LocalDate, ExchangeRate>> rates;

    private record Pair(Currency from, Currency to) {
    }

    private ExchangeRateTable(Map<Pair, TreeMap<LocalDate, ExchangeRate>> rates) {
        this.rates = rates;
    }

    /** A table without rates. */
    public static ExchangeRateTable empty() {
        return EMPTY;
    }

    /**
     * A table of these rates.
     *
     * @throws IllegalArgumentException as {@link #with(ExchangeRate)}
     */
    public static ExchangeRateTable of(ExchangeRate... rates) {
        return empty().withAll(List.of(rates));
    }

    /**
     * This table plus {@code rate}. Putting the same rate twice is harmless.
     *
     * @throws IllegalArgumentException if the table already holds a different rate for the same
     *                                  pair and {@code effectiveFrom}
     */
    public ExchangeRateTable with(ExchangeRate rate) {
        return withAll(List.of(rate));
    }

    /**
     * This table plus every rate in {@code more}.
     *
     * @throws IllegalArgumentException as {@link #with(ExchangeRate)}
     */
    public ExchangeRateTable withAll(Collection<ExchangeRate> more) {
        Map<Pair, TreeMap<LocalDate, ExchangeRate>> copy = new HashMap<>();
        rates.forEach((pair, byDate) -> copy.put(pair, new TreeMap<>(byDate)));
        for (ExchangeRate rate : more) {
            Objects.requireNonNull(rate, "rate");
            TreeMap<LocalDate, ExchangeRate> byDate = copy.computeIfAbsent(new Pair(rate.from(), rate.to()), p -> new TreeMap<>());
            ExchangeRate existing = byDate.putIfAbsent(rate.effectiveFrom(), rate);
            if (existing != null && existing.rate().compareTo(rate.rate()) != 0) {
                throw new IllegalArgumentException("two different rates " + rate.from() + "→" + rate.to()
                        + " effective " + rate.effectiveFrom() + ": " + existing.rate() + " and " + rate.rate());
            }
        }
        return new ExchangeRateTable(copy);
    }

    @Override
    public Optional<ExchangeRate> rateOn(Currency from, Currency to, LocalDate date) {
        Objects.requireNonNull(date, "date");
        TreeMap<LocalDate, ExchangeRate> byDate = rates.get(new Pair(from, to));
        return byDate == null ? Optional.empty() : Optional.ofNullable(byDate.floorEntry(date)).map(Map.Entry::getValue);
    }
}
