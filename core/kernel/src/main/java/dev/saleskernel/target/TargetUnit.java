package dev.saleskernel.target;

import java.util.Currency;
import java.util.Objects;

/**
 * The unit a target's amounts are kept in: whole minor units of a currency (fen, cents) or a plain
 * count. Every amount in a plan is a {@code long} in this unit, so decomposition is exact integer
 * arithmetic with no rounding beyond the largest-remainder split.
 */
public sealed interface TargetUnit {
    /** Money: amounts are minor units of {@code currency} (e.g. 1 = 0.01 CNY). */
    record MoneyUnit(Currency currency) implements TargetUnit {
        public MoneyUnit {
            Objects.requireNonNull(currency, "currency");
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException(currency + " has no minor unit");
            }
        }

        @Override
        public String format(long amount) {
            return java.math.BigDecimal.valueOf(amount, currency.getDefaultFractionDigits()).toPlainString()
                    + " " + currency.getCurrencyCode();
        }
    }

    /** A count (orders, new customers). */
    record Count() implements TargetUnit {
        @Override
        public String format(long amount) {
            return Long.toString(amount);
        }
    }

    static TargetUnit money(Currency currency) {
        return new MoneyUnit(currency);
    }

    static TargetUnit count() {
        return new Count();
    }

    /** The amount for people: {@code 1234.50 CNY} or {@code 17}. */
    String format(long amount);
}
