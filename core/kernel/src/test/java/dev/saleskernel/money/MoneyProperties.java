package dev.saleskernel.money;

import static dev.saleskernel.money.Currencies.CNY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyProperties {
    private static final int EXAMPLES = 2000;

    @Test
    void equality_ignores_scale_and_hash_code_is_consistent() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(-20, 20), integers().between(0, 20))
                .checkAssert((unscaled, scale, extraZeros) -> {
                    Money money = Money.of(BigDecimal.valueOf(unscaled, scale), CNY);
                    Money rescaled = Money.of(money.amount().setScale(scale + extraZeros), CNY);
                    assertThat(rescaled).isEqualTo(money);
                    assertThat(rescaled.hashCode()).isEqualTo(money.hashCode());
                    assertThat(rescaled.compareTo(money)).isZero();
                });
    }

    @Test
    void different_amounts_are_never_equal() {
        qt().withExamples(EXAMPLES).forAll(longs().between(-1_000_000_000L, 1_000_000_000L), longs().between(1, 1_000_000))
                .checkAssert((units, delta) -> assertThat(Money.ofMinor(units, CNY))
                        .isNotEqualTo(Money.ofMinor(units + delta, CNY))
                        .isLessThan(Money.ofMinor(units + delta, CNY)));
    }

    @Test
    void plus_and_minus_are_exact_inverses() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), longs().all(), integers().between(0, 12))
                .checkAssert((a, b, scale) -> {
                    Money x = Money.of(BigDecimal.valueOf(a, scale), CNY);
                    Money y = Money.of(BigDecimal.valueOf(b, 2), CNY);
                    assertThat(x.plus(y).minus(y)).isEqualTo(x);
                    assertThat(x.minus(x)).isEqualTo(Money.zero(CNY));
                    assertThat(x.negate().negate()).isEqualTo(x);
                });
    }

    @Test
    void minor_units_round_trip() {
        qt().withExamples(EXAMPLES).forAll(longs().all())
                .checkAssert(units -> assertThat(Money.ofMinor(units, CNY).toMinorUnits()).isEqualTo(units));
    }
}
