package dev.saleskernel.money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The dated exchange-rate port. A host supplies it (from its treasury system, a feed, a table);
 * {@link ExchangeRateTable} is the immutable in-memory implementation.
 */
public interface ExchangeRates {
    /**
     * The rate {@code from → to} in force on {@code date}: the one with the latest
     * {@code effectiveFrom} on or before {@code date}. Empty when no such rate exists. An
     * implementation must not fall back to another date after {@code date}, to the inverse pair or
     * to a cross rate through a third currency.
     */
    Optional<ExchangeRate> rateOn(Currency from, Currency to, LocalDate date);
}
