package dev.saleskernel.money;

import static dev.saleskernel.money.Currencies.CNY;
import static dev.saleskernel.money.Currencies.EUR;
import static dev.saleskernel.money.Currencies.JPY;
import static dev.saleskernel.money.Currencies.USD;
import static dev.saleskernel.money.Currencies.cny;
import static dev.saleskernel.money.Currencies.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExchangeRateScenarios {
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

    private final ExchangeRateTable rates = ExchangeRateTable.of(
            ExchangeRate.of(USD, CNY, "7.1000", JAN_1),
            ExchangeRate.of(USD, CNY, "7.2000", FEB_1));

    @Test
    void the_latest_rate_effective_on_or_before_the_date_applies() {
        assertThat(rates.rateOn(USD, CNY, JAN_1)).map(ExchangeRate::rate).contains(new BigDecimal("7.1000"));
        assertThat(rates.rateOn(USD, CNY, FEB_1.minusDays(1))).map(ExchangeRate::rate).contains(new BigDecimal("7.1000"));
        assertThat(rates.rateOn(USD, CNY, FEB_1)).map(ExchangeRate::rate).contains(new BigDecimal("7.2000"));
        assertThat(rates.rateOn(USD, CNY, LocalDate.of(2030, 1, 1))).map(ExchangeRate::rate).contains(new BigDecimal("7.2000"));
        assertThat(rates.rateOn(USD, CNY, JAN_1.minusDays(1))).isEmpty();
    }

    @Test
    void a_rate_is_never_inverted_silently() {
        assertThat(rates.rateOn(CNY, USD, FEB_1)).isEmpty();
    }

    @Test
    void conversion_multiplies_by_the_dated_rate_and_rounds_once_with_the_policy() {
        // when
        Either<Rejection, Money> converted = Conversion.convert(usd("10.07"), CNY, JAN_1, rates, RoundingPolicy.DEFAULT);
        Either<Rejection, Money> halfUp = Conversion.convert(usd("0.03"), JPY, JAN_1,
                ExchangeRateTable.of(ExchangeRate.of(USD, JPY, "150", JAN_1)), RoundingPolicy.toMinorUnit(RoundingMode.HALF_UP));
        Either<Rejection, Money> halfEven = Conversion.convert(usd("0.03"), JPY, JAN_1,
                ExchangeRateTable.of(ExchangeRate.of(USD, JPY, "150", JAN_1)), RoundingPolicy.DEFAULT);
        // then 10.07 × 7.1 = 71.497 → 71.50, and 0.03 × 150 = 4.5 JPY → 5 (HALF_UP) or 4 (HALF_EVEN)
        assertThat(converted.get()).isEqualTo(cny("71.50"));
        assertThat(converted.get().amount().scale()).isEqualTo(2);
        assertThat(halfUp.get().amount()).isEqualTo(new BigDecimal("5"));
        assertThat(halfEven.get().amount()).isEqualTo(new BigDecimal("4"));
    }

    @Test
    void conversion_without_a_dated_rate_is_refused_with_rate_missing() {
        // when
        Either<Rejection, Money> beforeFirstRate = Conversion.convert(usd("1.00"), CNY, JAN_1.minusDays(1), rates, RoundingPolicy.DEFAULT);
        Either<Rejection, Money> otherPair = Conversion.convert(Money.of(BigDecimal.ONE, EUR), CNY, FEB_1, rates, RoundingPolicy.DEFAULT);
        // then
        assertThat(beforeFirstRate.getLeft().code()).isEqualTo(MoneyRejection.RATE_MISSING);
        assertThat(beforeFirstRate.getLeft().evidence())
                .containsEntry("from", "USD").containsEntry("to", "CNY").containsEntry("date", "2025-12-31");
        assertThat(otherPair.getLeft().code().code()).isEqualTo("money/RATE_MISSING");
    }

    @Test
    void converting_into_the_same_currency_only_rounds() {
        assertThat(Conversion.convert(cny("1.005"), CNY, JAN_1, ExchangeRateTable.empty(), RoundingPolicy.DEFAULT).get())
                .isEqualTo(cny("1.00"));
    }

    @Test
    void an_explicit_inverse_gives_the_reverse_pair() {
        // given
        ExchangeRate usdToCny = ExchangeRate.of(USD, CNY, "8", JAN_1);
        // when
        ExchangeRate inverse = usdToCny.inverse();
        // then
        assertThat(inverse.from()).isEqualTo(CNY);
        assertThat(inverse.to()).isEqualTo(USD);
        assertThat(inverse.rate()).isEqualTo(new BigDecimal("0.125"));
        assertThat(inverse.effectiveFrom()).isEqualTo(JAN_1);
        assertThat(ExchangeRate.of(USD, CNY, "7.1", JAN_1).inverse().rate().precision()).isEqualTo(34);
        assertThat(rates.with(ExchangeRate.of(USD, CNY, "8", JAN_1.plusYears(1)).inverse())
                .rateOn(CNY, USD, JAN_1.plusYears(1))).isPresent();
    }

    @Test
    void a_rate_must_be_positive_between_two_currencies_and_within_range() {
        assertThatThrownBy(() -> ExchangeRate.of(USD, USD, "1", JAN_1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExchangeRate.of(USD, CNY, "0", JAN_1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExchangeRate.of(USD, CNY, "-7.1", JAN_1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExchangeRate.of(USD, CNY, "1e-1000000000", JAN_1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExchangeRate.of(USD, CNY, "1e1000000000", JAN_1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_table_is_immutable_and_refuses_conflicting_rates_for_the_same_day() {
        // given
        ExchangeRateTable empty = ExchangeRateTable.empty();
        // when
        ExchangeRateTable one = empty.with(ExchangeRate.of(USD, CNY, "7.1", JAN_1));
        // then
        assertThat(empty.rateOn(USD, CNY, JAN_1)).isEmpty();
        assertThat(one.rateOn(USD, CNY, JAN_1)).isPresent();
        assertThat(one.with(ExchangeRate.of(USD, CNY, "7.10", JAN_1)).rateOn(USD, CNY, JAN_1)).isPresent();
        assertThatThrownBy(() -> one.with(ExchangeRate.of(USD, CNY, "7.2", JAN_1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different rates");
    }
}
