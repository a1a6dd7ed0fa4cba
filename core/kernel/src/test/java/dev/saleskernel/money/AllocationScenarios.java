package dev.saleskernel.money;

import static dev.saleskernel.money.Currencies.CNY;
import static dev.saleskernel.money.Currencies.JPY;
import static dev.saleskernel.money.Currencies.cny;
import static dev.saleskernel.money.Currencies.cnyList;
import static dev.saleskernel.money.Currencies.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.shared.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationScenarios {

    @Test
    void the_extra_cent_goes_to_the_lowest_index_among_equal_weights() {
        // when
        List<Money> parts = Allocation.largestRemainder(cny("100.00"), weights("1", "1", "1"));
        // then
        assertThat(parts).containsExactly(cny("33.34"), cny("33.33"), cny("33.33"));
    }

    @Test
    void leftover_cents_go_to_the_largest_remainders() {
        // given 10.00 by 1:2:4 → exact 1.428571…, 2.857142…, 5.714285…
        // when
        List<Money> parts = Allocation.largestRemainder(cny("10.00"), weights("1", "2", "4"));
        // then floors 1.42 + 2.85 + 5.71 = 9.98; the remainders 6/7 (index 0) and 5/7 (index 1) beat 3/7
        assertThat(parts).containsExactly(cny("1.43"), cny("2.86"), cny("5.71"));
    }

    @Test
    void equal_remainders_of_different_weights_go_to_the_larger_weight_so_order_does_not_matter() {
        // given 0.04 CNY = 4 fen over 1, 3, 2, 2: exact shares 0.5, 1.5, 1, 1 fen; remainders of 1 and 3 tie
        // when
        List<Money> forward = Allocation.largestRemainder(cny("0.04"), weights("1", "3", "2", "2"));
        List<Money> backward = Allocation.largestRemainder(cny("0.04"), weights("3", "1", "2", "2"));
        // then the weight 3 gets the extra fen in both orders
        assertThat(forward).containsExactly(cny("0.00"), cny("0.02"), cny("0.01"), cny("0.01"));
        assertThat(backward).containsExactly(cny("0.02"), cny("0.00"), cny("0.01"), cny("0.01"));
        assertThat(Allocation.allocate(4, new long[] {1, 3, 2, 2})).containsExactly(0, 2, 1, 1);
        assertThat(Allocation.allocate(4, new long[] {3, 1, 2, 2})).containsExactly(2, 0, 1, 1);
    }

    @Test
    void a_negative_total_is_the_mirror_image_of_the_positive_one() {
        assertThat(Allocation.largestRemainder(cny("-100.00"), weights("1", "1", "1")))
                .containsExactly(cny("-33.34"), cny("-33.33"), cny("-33.33"));
        assertThat(Allocation.allocate(-10000, new long[] {1, 1, 1})).containsExactly(-3334, -3333, -3333);
    }

    @Test
    void decimal_weights_work_like_their_integer_ratios() {
        assertThat(Allocation.largestRemainder(cny("1000.00"), weights("0.5", "0.25", "0.25")))
                .containsExactly(cny("500.00"), cny("250.00"), cny("250.00"));
        assertThat(Allocation.largestRemainder(cny("1.00"), weights("0.3333", "1E+1")))
                .isEqualTo(Allocation.largestRemainder(cny("1.00"), new long[] {3333, 100000}));
    }

    @Test
    void allocation_never_creates_or_loses_a_cent() {
        List<Money> parts = Allocation.largestRemainder(cny("0.05"), weights("1", "1", "1", "1", "1", "1", "1"));
        assertThat(parts.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.05");
        assertThat(parts).containsExactlyElementsOf(cnyList("0.01", "0.01", "0.01", "0.01", "0.01", "0.00", "0.00"));
    }

    @Test
    void zero_total_gives_zero_parts_at_the_minor_unit() {
        assertThat(Allocation.largestRemainder(Money.zero(CNY), new long[] {1, 2}))
                .extracting(Money::amount).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    @Test
    void the_unit_follows_the_currency_or_the_declared_policy_scale() {
        assertThat(Allocation.largestRemainder(Money.of(new BigDecimal("100"), JPY), new long[] {1, 1, 1}))
                .extracting(Money::amount).containsExactly(new BigDecimal("34"), new BigDecimal("33"), new BigDecimal("33"));
        assertThat(Allocation.largestRemainder(cny("100"), new long[] {1, 1, 1}, RoundingPolicy.toScale(0, RoundingMode.HALF_EVEN)))
                .containsExactly(cny("34"), cny("33"), cny("33"));
        assertThat(Allocation.largestRemainder(cny("10000"), new long[] {1, 1, 1}, RoundingPolicy.toScale(-3, RoundingMode.HALF_EVEN)))
                .containsExactly(cny("4000"), cny("3000"), cny("3000"));
    }

    @Test
    void a_total_finer_than_the_unit_is_refused_not_rounded() {
        assertThatThrownBy(() -> Allocation.largestRemainder(cny("10.005"), new long[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finer than the allocation unit");
    }

    @Test
    void zero_or_negative_weights_are_misuse_naming_the_index() {
        assertThatThrownBy(() -> Allocation.largestRemainder(cny("1.00"), weights("1", "2", "3", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[3]");
        assertThatThrownBy(() -> Allocation.largestRemainder(cny("1.00"), new long[] {1, -2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[1]");
        assertThatThrownBy(() -> Allocation.allocate(100, new long[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[0]");
        assertThatThrownBy(() -> Allocation.allocate(100, new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.largestRemainder(cny("1.00"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.largestRemainder(cny("1.00"), weights("1E-35")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[0]");
        assertThatThrownBy(() -> Allocation.largestRemainder(cny("1.00"), Arrays.asList(BigDecimal.ONE, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("weights[1]");
    }

    @Test
    void weights_from_user_data_are_refused_with_every_reason_and_field() {
        // given
        List<BigDecimal> fromUser = Arrays.asList(new BigDecimal("2"), BigDecimal.ZERO, null, new BigDecimal("-1"),
                new BigDecimal("1e1000000000"));
        // when
        Validation<Seq<Rejection>, List<BigDecimal>> checked = Allocation.checkWeights(fromUser, "pool:p-7", "weights");
        // then
        assertThat(checked.getError().map(r -> r.code().code() + " " + r.field()).asJava()).containsExactly(
                "money/WEIGHT_NOT_POSITIVE weights[1]",
                "money/WEIGHT_MISSING weights[2]",
                "money/WEIGHT_NOT_POSITIVE weights[3]",
                "money/WEIGHT_OUT_OF_RANGE weights[4]");
        assertThat(checked.getError().head().subject()).isEqualTo("pool:p-7");
        assertThat(Allocation.checkWeights(List.of(), "pool:p-7", "weights").getError().head().code())
                .isEqualTo(MoneyRejection.WEIGHTS_EMPTY);
        assertThat(Allocation.checkWeights(weights("1", "2.5"), "pool:p-7", "weights").isValid()).isTrue();
    }

    @Test
    void the_long_variant_falls_back_to_exact_arithmetic_when_the_product_overflows() {
        // given a product total × weight far beyond Long.MAX_VALUE
        long total = Long.MAX_VALUE;
        long[] weights = {Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4};
        // when
        long[] parts = Allocation.allocate(total, weights);
        // then
        assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
        assertThat(parts).containsExactly(Long.MAX_VALUE / 3 + 1, Long.MAX_VALUE / 3, Long.MAX_VALUE / 3);
    }

    @Test
    void the_long_variant_refuses_what_it_cannot_represent() {
        assertThatThrownBy(() -> Allocation.allocate(Long.MIN_VALUE, new long[] {1})).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Allocation.allocate(1, new long[] {Long.MAX_VALUE, 1})).isInstanceOf(ArithmeticException.class);
    }
}
