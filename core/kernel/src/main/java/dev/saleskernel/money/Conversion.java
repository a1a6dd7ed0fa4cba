package dev.saleskernel.money;

import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * Explicit, dated currency conversion: the only way an amount changes currency.
 *
 * <p>Formula: {@code result = round(amount × rate)}, where {@code rate} is the
 * {@code from → to} rate in force on the date ({@link ExchangeRates#rateOn}) and {@code round} is
 * the declared {@link RoundingPolicy} at the target currency's scale: the one rounding point of a
 * conversion.
 */
public final class Conversion {
    private Conversion() {
    }

    /**
     * Converts {@code money} into {@code target} at the rate in force on {@code date}.
     *
     * <p>When {@code money} is already in {@code target}, no rate is needed and the result is
     * {@code policy.round(money)}. Otherwise, when {@code rates} has no {@code from → target} rate
     * effective on or before {@code date}, the conversion is refused with
     * {@link MoneyRejection#RATE_MISSING} (subject {@code conversion}, with the pair and the date as
     * evidence): there is no fallback to a later rate, an inverse or a default.
     *
     * @return the converted amount at the policy's scale, or the rejection
     */
    public static Either<Rejection, Money> convert(Money money, Currency target, LocalDate date,
                                                   ExchangeRates rates, RoundingPolicy policy) {
        Objects.requireNonNull(money, "money");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(policy, "policy");
        if (money.currency().equals(target)) {
            return Either.right(policy.round(money));
        }
        return rates.rateOn(money.currency(), target, date)
                .<Either<Rejection, Money>>map(rate -> Either.right(
                        policy.round(new Money(money.amount().multiply(rate.rate()), target))))
                .orElseGet(() -> Either.left(Rejection.of(MoneyRejection.RATE_MISSING, "conversion", "",
                                "no " + money.currency().getCurrencyCode() + "→" + target.getCurrencyCode()
                                        + " exchange rate is effective on or before " + date)
                        .withEvidence("from", money.currency().getCurrencyCode())
                        .withEvidence("to", target.getCurrencyCode())
                        .withEvidence("date", date)));
    }
}
