package dev.saleskernel.money;

import static dev.saleskernel.money.Currencies.CNY;
import static dev.saleskernel.money.Currencies.JPY;
import static dev.saleskernel.money.Currencies.cny;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountInputScenarios {

    private static Validation<Rejection, BigDecimal> decimal(String text) {
        return AmountInput.decimal(text, "import:line-7", "price.amount");
    }

    private static Validation<Seq<Rejection>, Money> money(String amount, String currency) {
        return AmountInput.money(amount, currency, "import:line-7", "price");
    }

    private static List<String> codes(Validation<Seq<Rejection>, ?> refused) {
        return refused.getError().map(r -> r.code().code()).asJava();
    }

    @Test
    void a_plain_amount_is_accepted_as_written() {
        assertThat(decimal("1200.50").get()).isEqualTo(new BigDecimal("1200.50"));
        assertThat(decimal("-0.01").get()).isEqualTo(new BigDecimal("-0.01"));
        assertThat(decimal("1.2E+3").get()).isEqualTo(new BigDecimal("1200"));
        assertThat(decimal("1.500000000000000").get()).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void a_huge_exponent_is_refused_fast_without_expanding_the_number() {
        // given
        String tiny = "1e1000000000";
        // when
        long startedAt = System.nanoTime();
        Validation<Rejection, BigDecimal> result = decimal(tiny);
        Validation<Seq<Rejection>, Money> asMoney = money(tiny, "CNY");
        Validation<Rejection, BigDecimal> negativeExponent = decimal("1e-1000000000");
        Validation<Rejection, BigDecimal> zero = decimal("0e1000000000");
        Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
        // then
        assertThat(tiny).hasSize(12);
        assertThat(result.getError().code()).isEqualTo(MoneyRejection.AMOUNT_TOO_LARGE);
        assertThat(result.getError().evidence()).containsEntry("integerDigits", "1000000001");
        assertThat(codes(asMoney)).containsExactly("money/AMOUNT_TOO_LARGE");
        assertThat(negativeExponent.getError().code()).isEqualTo(MoneyRejection.AMOUNT_TOO_PRECISE);
        assertThat(zero.get()).isEqualTo(BigDecimal.ZERO);
        assertThat(took).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void each_refusal_has_its_stable_code_and_names_the_field() {
        assertThat(decimal(null).getError().code()).isEqualTo(MoneyRejection.AMOUNT_MISSING);
        assertThat(decimal("").getError().code()).isEqualTo(MoneyRejection.AMOUNT_MISSING);
        assertThat(decimal("12,50").getError().code()).isEqualTo(MoneyRejection.AMOUNT_NOT_A_NUMBER);
        assertThat(decimal(" 12").getError().code()).isEqualTo(MoneyRejection.AMOUNT_NOT_A_NUMBER);
        assertThat(decimal("1".repeat(65)).getError().code()).isEqualTo(MoneyRejection.AMOUNT_TOO_LONG);
        assertThat(decimal("1234567890123456789").getError().code()).isEqualTo(MoneyRejection.AMOUNT_TOO_LARGE);
        assertThat(decimal("0.1234567890123").getError().code()).isEqualTo(MoneyRejection.AMOUNT_TOO_PRECISE);
        Rejection rejection = decimal("abc").getError();
        assertThat(rejection.subject()).isEqualTo("import:line-7");
        assertThat(rejection.field()).isEqualTo("price.amount");
        assertThat(rejection.code().code()).isEqualTo("money/AMOUNT_NOT_A_NUMBER");
    }

    @Test
    void the_limits_are_inclusive() {
        assertThat(decimal("123456789012345678").isValid()).isTrue();
        assertThat(decimal("-123456789012345678.123456789012").isValid()).isTrue();
        assertThat(decimal("1".repeat(AmountInput.MAX_LENGTH)).isValid()).isFalse();
        assertThat(decimal("0." + "0".repeat(50) + "1".repeat(11)).getError().code()).isEqualTo(MoneyRejection.AMOUNT_TOO_PRECISE);
        assertThat(decimal("0.000000000001").isValid()).isTrue();
    }

    @Test
    void money_is_returned_at_the_currency_minor_unit() {
        assertThat(money("12.5", "CNY").get().amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(money("1200", "JPY").get()).isEqualTo(Money.of(new BigDecimal("1200"), JPY));
        assertThat(money("10.050", "CNY").get()).isEqualTo(cny("10.05"));
    }

    @Test
    void an_amount_finer_than_the_currency_is_refused_never_rounded() {
        // when
        Validation<Seq<Rejection>, Money> result = money("10.005", "CNY");
        // then
        assertThat(codes(result)).containsExactly("money/AMOUNT_FINER_THAN_CURRENCY");
        assertThat(result.getError().head().field()).isEqualTo("price.amount");
        assertThat(codes(money("1.5", "JPY"))).containsExactly("money/AMOUNT_FINER_THAN_CURRENCY");
        assertThat(codes(AmountInput.money(new BigDecimal("0.001"), CNY, "s", "f"))).containsExactly("money/AMOUNT_FINER_THAN_CURRENCY");
    }

    @Test
    void an_unknown_or_unsupported_currency_is_refused() {
        assertThat(codes(money("1.00", "ABC"))).containsExactly("money/CURRENCY_UNKNOWN");
        assertThat(codes(money("1.00", "cny"))).containsExactly("money/CURRENCY_UNKNOWN");
        assertThat(codes(money("1.00", null))).containsExactly("money/CURRENCY_UNKNOWN");
        assertThat(codes(money("1.00", "XAU"))).containsExactly("money/CURRENCY_NOT_SUPPORTED");
        assertThat(money("1.00", "ABC").getError().head().field()).isEqualTo("price.currency");
    }

    @Test
    void every_reason_is_reported_at_once() {
        assertThat(codes(money("1e1000000000", "ABC")))
                .containsExactly("money/AMOUNT_TOO_LARGE", "money/CURRENCY_UNKNOWN");
        assertThat(codes(AmountInput.money((BigDecimal) null, null, "s", "f")))
                .containsExactly("money/AMOUNT_MISSING", "money/CURRENCY_UNKNOWN");
    }

    @Test
    void an_already_parsed_amount_is_checked_with_the_same_limits() {
        assertThat(AmountInput.decimal(new BigDecimal("1e1000000000"), "s", "f").getError().code())
                .isEqualTo(MoneyRejection.AMOUNT_TOO_LARGE);
        assertThat(AmountInput.money(new BigDecimal("7.10"), CNY, "s", "f").get()).isEqualTo(cny("7.1"));
    }
}
