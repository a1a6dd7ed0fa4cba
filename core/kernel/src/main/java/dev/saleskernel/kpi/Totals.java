package dev.saleskernel.kpi;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The summed measures of one cell (or of a union of cells), with the cell's period length.
 * Read-only. Missing measures read as 0.
 *
 * @param currency   the currency money measures are minor units of
 * @param periodDays the days of the cell's period (for per-period rates such as output per rep)
 */
public record Totals(Currency currency, long periodDays, Map<Measure, Long> sums) {
    public Totals {
        Objects.requireNonNull(currency, "currency");
        sums = Map.copyOf(sums);
    }

    /** The sum of a measure; 0 if absent. */
    public long get(Measure measure) {
        return sums.getOrDefault(measure, 0L);
    }

    /** These totals plus {@code other}'s (same currency), exactly; period days are {@code periodDays}. */
    public Totals plus(Totals other, long periodDays) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("totals in " + currency + " and " + other.currency);
        }
        java.util.HashMap<Measure, Long> next = new java.util.HashMap<>(sums);
        other.sums.forEach((m, v) -> next.merge(m, v, Math::addExact));
        return new Totals(currency, periodDays, next);
    }

    /** The exact sum of several totals over a period of {@code periodDays}. */
    public static Totals sum(Currency currency, long periodDays, List<Totals> parts) {
        Totals total = new Totals(currency, periodDays, Map.of());
        for (Totals part : parts) {
            total = total.plus(part, periodDays);
        }
        return total;
    }
}
