package dev.saleskernel.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The primitive fast paths of {@link Rate} give exactly what the plain {@code BigDecimal}
 * definitions give, over small, large and edge values.
 */
class RateFormattingProperties {
    private static final int EXAMPLES = 2_000;

    /** Small values, values near the fast paths' limits, and anything in between. */
    private static final Gen<Long> ANY = longs().between(-1_000_000_000L, 1_000_000_000L)
            .mix(longs().all(), 30)
            .mix(longs().between(-100_000_000_005L, 100_000_000_005L), 15)
            .mix(longs().between(99_999_999_990L, 100_000_000_010L), 5)
            .mix(longs().between(-100_000_000_010L, -99_999_999_990L), 5)
            .mix(longs().between(-Long.MAX_VALUE / 1_000_000 - 5, -Long.MAX_VALUE / 1_000_000 + 5), 10)
            .mix(longs().between(Long.MAX_VALUE / 1_000_000 - 5, Long.MAX_VALUE / 1_000_000 + 5), 10);

    /** ANY with the extremes, zero and its neighbours mixed in often. */
    private static final Gen<Long> EDGES = ANY
            .mix(longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 2), 10)
            .mix(longs().between(Long.MAX_VALUE - 2, Long.MAX_VALUE), 10)
            .mix(longs().between(-2, 2), 10);

    /**
     * ANY without zero (zero becomes one), for divisors. Not {@code assuming(v -> v != 0)}: with it
     * QuickTheories gave up ("only 0 example(s) matching the assumptions") on 13 seeds in 3,000
     * for {@code EDGES}, e.g. {@code -DQT_SEED=241}; with this mapping on none.
     */
    private static final Gen<Long> NON_ZERO = ANY.map(v -> v == 0 ? 1 : v)
            .mix(longs().between(Long.MAX_VALUE / 2 - 3, Long.MAX_VALUE / 2 + 3), 10);

    /** EDGES without zero (zero becomes one), for divisors; see {@link #NON_ZERO}. */
    private static final Gen<Long> NON_ZERO_EDGES = EDGES.map(v -> v == 0 ? 1 : v);

    @Test
    void a_quotient_is_the_big_decimal_division_at_scale_6_half_even() {
        qt().withExamples(EXAMPLES).forAll(ANY, NON_ZERO).checkAssert((part, whole) -> {
            BigDecimal expected = BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN);
            BigDecimal actual = Rate.quotient(part, whole);
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.scale()).isEqualTo(6);
        });
    }

    @Test
    void half_way_quotients_round_to_the_even_neighbour() {
        // 1 ÷ 8,000,000 = 0.000000125 → 0.000000; 3 ÷ 2,000,000 = 0.0000015 → 0.000002
        assertThat(Rate.quotient(1, 2_000_000)).isEqualTo(new BigDecimal("0.000000"));
        assertThat(Rate.quotient(3, 2_000_000)).isEqualTo(new BigDecimal("0.000002"));
        assertThat(Rate.quotient(-3, 2_000_000)).isEqualTo(new BigDecimal("-0.000002"));
    }

    @Test
    void a_percentage_is_the_big_decimal_rendering_without_trailing_zeros() {
        qt().withExamples(EXAMPLES).forAll(ANY.mix(longs().between(-1, 1), 5)).checkAssert(ppm ->
                assertThat(Rate.percent(ppm)).isEqualTo(BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%"));
        assertThat(Rate.percent(125_000)).isEqualTo("12.5%");
        assertThat(Rate.percent(5)).isEqualTo("0.0005%");
        assertThat(Rate.percent(0)).isEqualTo("0%");
    }

    @Test
    void an_attainment_is_the_big_decimal_percentage_at_scale_2_half_even() {
        qt().withExamples(EXAMPLES).forAll(ANY, NON_ZERO).checkAssert((part, whole) ->
                assertThat(Rate.attainment(part, whole)).isEqualTo(BigDecimal.valueOf(part).movePointRight(2)
                        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN).toPlainString() + "%"));
        // and attainments of millions of percent, around where the whole part leaves an int
        qt().withExamples(EXAMPLES).forAll(longs().between(-1_000_000_000_000L, 1_000_000_000_000L), longs().between(1, 1_000))
                .checkAssert((part, whole) -> assertThat(Rate.attainment(part, whole)).isEqualTo(BigDecimal.valueOf(part)
                        .movePointRight(2).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN).toPlainString() + "%"));
        assertThat(Rate.attainment(-1, 40_000)).isEqualTo("0.00%");
        assertThat(Rate.attainment(11_000, 10_000)).isEqualTo("110.00%");
    }

    @Test
    void an_amount_is_grouped_by_thousands_at_the_currencys_fraction_digits() {
        qt().withExamples(EXAMPLES).forAll(ANY.mix(longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 2), 5),
                integers().between(0, 4)).checkAssert((minor, digits) ->
                assertThat(Rate.amount(minor, digits)).isEqualTo(reference(minor, digits)));
        assertThat(Rate.amount(1_100_000, 2)).isEqualTo("11,000.00");
        assertThat(Rate.amount(-5, 2)).isEqualTo("-0.05");
        assertThat(Rate.amount(1_000, 0)).isEqualTo("1,000");
    }

    @Test
    void an_amount_appended_to_a_buffer_is_the_same_text_after_what_the_buffer_held() {
        qt().withExamples(EXAMPLES).forAll(ANY.mix(longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 2), 5),
                integers().between(0, 4), integers().between(0, 3)).checkAssert((minor, digits, prefix) -> {
            String before = "x = ".repeat(prefix);
            FormulaText buffer = new FormulaText(prefix == 3 ? 0 : 64).append(before);
            assertThat(buffer.appendAmount(minor, digits).toString()).isEqualTo(before + reference(minor, digits));
        });
    }

    @Test
    void a_percentage_of_the_extremes_zero_and_negatives_is_the_big_decimal_rendering() {
        qt().withExamples(EXAMPLES).forAll(EDGES).checkAssert(ppm ->
                assertThat(Rate.percent(ppm)).isEqualTo(BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%"));
        assertThat(Rate.percent(Long.MIN_VALUE)).isEqualTo("-922337203685477.5808%");
        assertThat(Rate.percent(Long.MAX_VALUE)).isEqualTo("922337203685477.5807%");
        assertThat(Rate.percent(-50_000)).isEqualTo("-5%");
    }

    @Test
    void an_attainment_of_the_extremes_zero_and_negatives_is_the_big_decimal_percentage() {
        qt().withExamples(EXAMPLES).forAll(EDGES, NON_ZERO_EDGES).checkAssert((part, whole) ->
                assertThat(Rate.attainment(part, whole)).isEqualTo(BigDecimal.valueOf(part).movePointRight(2)
                        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN).toPlainString() + "%"));
        // the largest part the fast path takes, over 1: the longest text it writes
        long part = Long.MAX_VALUE / 1_000_000 - 1;
        assertThat(Rate.attainment(part, 1)).isEqualTo(BigDecimal.valueOf(part).movePointRight(2).setScale(2) + "%");
        assertThat(Rate.attainment(-part, 1)).isEqualTo(BigDecimal.valueOf(-part).movePointRight(2).setScale(2) + "%");
        assertThat(Rate.attainment(5, 0)).isEqualTo("n/a");
    }

    @Test
    void amounts_of_the_extremes_zero_and_negatives_written_one_after_another_are_each_their_own_text() {
        qt().withExamples(EXAMPLES).forAll(EDGES, EDGES, integers().between(0, 4)).checkAssert((first, second, digits) -> {
            assertThat(Rate.amount(first, digits)).isEqualTo(reference(first, digits));
            assertThat(Rate.amountLength(first, digits)).isEqualTo(reference(first, digits).length());
            FormulaText buffer = new FormulaText(0).append("a → ").appendAmount(first, digits).append(" b = ");
            assertThat(buffer.appendAmount(second, digits).toString())
                    .isEqualTo("a → " + reference(first, digits) + " b = " + reference(second, digits));
        });
        assertThat(Rate.amount(Long.MIN_VALUE, 2)).isEqualTo("-92,233,720,368,547,758.08");
        assertThat(Rate.amount(Long.MAX_VALUE, 0)).isEqualTo("9,223,372,036,854,775,807");
        assertThat(Rate.amount(Long.MIN_VALUE, 4)).isEqualTo("-922,337,203,685,477.5808");
        assertThat(Rate.amount(-7, 4)).isEqualTo("-0.0007");
        assertThat(Rate.amount(0, 3)).isEqualTo("0.000");
    }

    @Test
    void an_amount_with_more_fraction_digits_than_a_long_has_digits_is_zero_padded() {
        qt().withExamples(1_000).forAll(EDGES, integers().between(0, 25)).checkAssert((minor, digits) ->
                assertThat(Rate.amount(minor, digits)).isEqualTo(reference(minor, digits)));
    }

    @Test
    void negative_fraction_digits_are_refused() {
        assertThatThrownBy(() -> Rate.amount(100, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The grouping by hand on the plain decimal rendering. */
    private static String reference(long minor, int fractionDigits) {
        String plain = new BigDecimal(java.math.BigInteger.valueOf(minor), fractionDigits).abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder grouped = new StringBuilder(whole);
        for (int i = whole.length() - 3; i > 0; i -= 3) {
            grouped.insert(i, ',');
        }
        return (minor < 0 ? "-" : "") + grouped + (point < 0 ? "" : plain.substring(point));
    }
}
