package dev.saleskernel.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RateArithmeticProperties {
    /** Any long, with the extremes and small values drawn often. */
    private static final Gen<Long> NUMERATORS = longs().all().mix(longs().between(-10_000, 10_000), 30)
            .mix(longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 2_000_000), 10)
            .mix(longs().between(Long.MAX_VALUE - 2_000_000, Long.MAX_VALUE), 10);
    private static final Gen<Long> DENOMINATORS = longs().between(1, Long.MAX_VALUE).mix(longs().between(1, 1_000_000), 60)
            .mix(longs().between(Long.MAX_VALUE - 1_000, Long.MAX_VALUE), 10);

    @Test
    void a_half_even_division_is_the_big_decimal_division_rounded_half_even() {
        qt().withExamples(5_000).forAll(NUMERATORS, DENOMINATORS).checkAssert((numerator, denominator) -> {
            BigDecimal exact = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN);
            assertThat(Rate.divideHalfEven(numerator, denominator)).isEqualTo(exact.longValueExact());
        });
    }

    @Test
    void applying_a_rate_is_the_big_decimal_product_rounded_half_even_to_the_minor_unit() {
        qt().withExamples(5_000).forAll(longs().between(-1_000_000_000_000L, 1_000_000_000_000L), longs().between(0, 1_000_000))
                .checkAssert((amount, ppm) -> assertThat(Rate.apply(amount, ppm)).isEqualTo(BigDecimal.valueOf(amount)
                        .multiply(Rate.fraction(ppm)).setScale(0, RoundingMode.HALF_EVEN).longValueExact()));
    }
}
