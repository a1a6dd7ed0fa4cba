package dev.saleskernel.money;

import static dev.saleskernel.money.Currencies.CNY;
import static dev.saleskernel.money.Currencies.JPY;
import static dev.saleskernel.money.Currencies.KWD;
import static dev.saleskernel.money.Currencies.USD;
import static dev.saleskernel.money.Currencies.cny;
import static dev.saleskernel.money.Currencies.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyScenarios {

    @Test
    void equality_ignores_scale_and_hash_code_agrees() {
        // given
        Money oneTenth = cny("1.0");
        Money oneHundredths = cny("1.00");
        // then
        assertThat(oneTenth).isEqualTo(oneHundredths);
        assertThat(oneTenth.hashCode()).isEqualTo(oneHundredths.hashCode());
        assertThat(cny("0")).isEqualTo(cny("0.000")).hasSameHashCodeAs(cny("0.000"));
    }

    @Test
    void equal_amounts_in_different_currencies_are_not_equal() {
        assertThat(cny("1.00")).isNotEqualTo(usd("1.00"));
    }

    @Test
    void arithmetic_is_exact_and_keeps_every_decimal_place() {
        // given
        Money price = cny("1.25");
        // when
        Money commission = price.times(new BigDecimal("0.035"));
        // then
        assertThat(commission.amount()).isEqualByComparingTo("0.04375");
        assertThat(cny("0.10").plus(cny("0.20"))).isEqualTo(cny("0.30"));
        assertThat(cny("10.00").minus(cny("12.50"))).isEqualTo(cny("-2.50"));
        assertThat(cny("3.50").negate()).isEqualTo(cny("-3.50"));
        assertThat(cny("-3.50").abs()).isEqualTo(cny("3.50"));
        assertThat(cny("3.50").times(3)).isEqualTo(cny("10.50"));
    }

    @Test
    void mixing_currencies_throws_naming_both() {
        // given
        Money yuan = cny("1.00");
        Money dollars = usd("1.00");
        // then
        assertThatThrownBy(() -> yuan.plus(dollars))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("CNY").hasMessageContaining("USD");
        assertThatThrownBy(() -> yuan.minus(dollars)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> yuan.compareTo(dollars)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> yuan.isGreaterThan(dollars))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(CNY);
                    assertThat(e.actual()).isEqualTo(USD);
                });
    }

    @Test
    void comparison_and_signs_work_within_a_currency() {
        assertThat(cny("2.0").compareTo(cny("2.00"))).isZero();
        assertThat(cny("2.01").isGreaterThan(cny("2"))).isTrue();
        assertThat(cny("-0.01").isLessThan(Money.zero(CNY))).isTrue();
        assertThat(cny("-0.01").isNegative()).isTrue();
        assertThat(cny("0.01").isPositive()).isTrue();
        assertThat(cny("0.000").isZero()).isTrue();
        assertThat(cny("-5").signum()).isEqualTo(-1);
    }

    @Test
    void factories_give_the_minor_unit_scale() {
        assertThat(Money.zero(CNY).amount()).isEqualByComparingTo("0").extracting(BigDecimal::scale).isEqualTo(2);
        assertThat(Money.ofMinor(1234, CNY)).isEqualTo(cny("12.34"));
        assertThat(Money.ofMinor(1234, JPY).amount()).isEqualTo(new BigDecimal("1234"));
        assertThat(Money.ofMinor(1234, KWD).amount()).isEqualTo(new BigDecimal("1.234"));
        assertThat(Money.of("1200.50", CNY)).isEqualTo(cny("1200.5"));
    }

    @Test
    void money_from_text_is_refused_when_it_breaks_the_input_limits() {
        assertThatThrownBy(() -> Money.of("1e1000000000", CNY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AMOUNT_TOO_LARGE");
        assertThatThrownBy(() -> Money.of("twelve", CNY)).hasMessageContaining("AMOUNT_NOT_A_NUMBER");
    }

    @Test
    void to_minor_units_is_exact_and_refuses_sub_minor_amounts_and_overflow() {
        assertThat(cny("12.340").toMinorUnits()).isEqualTo(1234L);
        assertThat(cny("-0.01").toMinorUnits()).isEqualTo(-1L);
        assertThat(Money.ofMinor(Long.MAX_VALUE, CNY).toMinorUnits()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> cny("12.345").toMinorUnits()).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("finer than the minor unit");
        assertThatThrownBy(() -> cny("92233720368547758.08").toMinorUnits()).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> cny("1E+30").toMinorUnits()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void a_structurally_absurd_amount_is_refused_by_the_constructor() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e1000000000"), CNY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e-1000000000"), CNY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void half_even_is_the_default_and_differs_from_half_up_on_exact_halves() {
        // given
        Money half = cny("0.125");
        Money otherHalf = cny("0.135");
        RoundingPolicy halfUp = RoundingPolicy.toMinorUnit(RoundingMode.HALF_UP);
        // when / then
        assertThat(RoundingPolicy.DEFAULT.round(half)).isEqualTo(cny("0.12"));
        assertThat(RoundingPolicy.DEFAULT.round(otherHalf)).isEqualTo(cny("0.14"));
        assertThat(halfUp.round(half)).isEqualTo(cny("0.13"));
        assertThat(halfUp.round(cny("-0.125"))).isEqualTo(cny("-0.13"));
        assertThat(RoundingPolicy.DEFAULT.round(cny("-0.125"))).isEqualTo(cny("-0.12"));
    }

    @Test
    void a_policy_rounds_to_the_currency_minor_unit_unless_it_declares_a_scale() {
        assertThat(RoundingPolicy.DEFAULT.round(Money.of(new BigDecimal("1234.5"), JPY)).amount()).isEqualTo("1234");
        assertThat(RoundingPolicy.DEFAULT.round(Money.of(new BigDecimal("1.23456"), KWD)).amount()).isEqualTo("1.235");
        assertThat(RoundingPolicy.toScale(0, RoundingMode.HALF_EVEN).round(cny("2.50")).amount()).isEqualTo("2");
        assertThat(RoundingPolicy.toScale(-3, RoundingMode.HALF_UP).round(cny("12500")).amount())
                .isEqualByComparingTo("13000");
        assertThat(RoundingPolicy.DEFAULT.scaleFor(CNY)).isEqualTo(2);
        assertThatThrownBy(() -> RoundingPolicy.toScale(19, RoundingMode.HALF_EVEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unnecessary_rounding_asserts_exactness() {
        RoundingPolicy exact = RoundingPolicy.toMinorUnit(RoundingMode.UNNECESSARY);
        assertThat(exact.round(cny("1.500"))).isEqualTo(cny("1.50"));
        assertThatThrownBy(() -> exact.round(cny("1.505"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void a_pseudo_currency_without_minor_unit_needs_a_declared_scale() {
        Currency gold = Currency.getInstance("XAU");
        assertThatThrownBy(() -> Money.zero(gold)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XAU");
        assertThat(RoundingPolicy.toScale(4, RoundingMode.HALF_EVEN).round(Money.of(new BigDecimal("1.234567"), gold)).amount())
                .isEqualTo("1.2346");
    }

    @Test
    void money_allocates_by_largest_remainder() {
        List<Money> parts = cny("100.00").allocate(Currencies.weights("1", "1", "1"));
        assertThat(parts).containsExactly(cny("33.34"), cny("33.33"), cny("33.33"));
    }

    @Test
    void no_public_method_of_the_money_package_takes_or_returns_a_floating_point_number() {
        List<Class<?>> types = List.of(Money.class, RoundingPolicy.class, Allocation.class, AmountInput.class,
                ExchangeRate.class, ExchangeRateTable.class, Conversion.class);
        for (Class<?> type : types) {
            for (Method method : type.getMethods()) {
                assertThat(method.getReturnType()).as(method.toString()).isNotIn(double.class, float.class, Double.class, Float.class);
                assertThat(Arrays.asList(method.getParameterTypes())).as(method.toString())
                        .doesNotContain(double.class, float.class, Double.class, Float.class);
            }
        }
    }

    @Test
    void to_string_shows_the_plain_amount_and_the_code() {
        assertThat(cny("1E+3")).hasToString("1000 CNY");
        assertThat(cny("1200.00")).hasToString("1200.00 CNY");
    }
}
