package dev.saleskernel.money;

import static dev.saleskernel.money.Currencies.CNY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class AllocationProperties {
    private static final int EXAMPLES = 2000;

    private static final Gen<Long> MINOR_UNITS = Generate.oneOf(
            longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L),
            longs().between(-1000, 1000));

    private static final Gen<BigDecimal> DECIMAL_WEIGHT = longs().between(1, 1_000_000)
            .zip(integers().between(-2, 6), BigDecimal::valueOf);

    private static final Gen<List<BigDecimal>> DECIMAL_WEIGHTS = lists().of(DECIMAL_WEIGHT).ofSizeBetween(1, 25);

    private static final Gen<List<Long>> SMALL_WEIGHTS = lists().of(longs().between(1, 4)).ofSizeBetween(1, 25);

    private static final Gen<List<Long>> LONG_WEIGHTS = Generate.oneOf(SMALL_WEIGHTS,
            lists().of(longs().between(1, Long.MAX_VALUE / 64)).ofSizeBetween(1, 30));

    private static final Gen<Long> ANY_LONG_TOTAL = Generate.oneOf(longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE),
            longs().between(-100, 100));

    @Test
    void allocation_never_creates_or_loses_a_cent() {
        qt().withExamples(EXAMPLES).forAll(MINOR_UNITS, DECIMAL_WEIGHTS).checkAssert((units, weights) -> {
            Money total = Money.ofMinor(units, CNY);
            List<Money> parts = Allocation.largestRemainder(total, weights);
            assertThat(parts).hasSameSizeAs(weights);
            assertThat(parts.stream().reduce(Money.zero(CNY), Money::plus)).isEqualTo(total);
            assertThat(parts).allSatisfy(part -> assertThat(part.amount().scale()).isEqualTo(2));
        });
    }

    @Test
    void each_part_is_within_one_minor_unit_of_its_exact_share() {
        qt().withExamples(EXAMPLES).forAll(MINOR_UNITS, DECIMAL_WEIGHTS).checkAssert((units, weights) -> {
            List<Money> parts = Allocation.largestRemainder(Money.ofMinor(units, CNY), weights);
            BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < parts.size(); i++) {
                BigDecimal partTimesSum = BigDecimal.valueOf(parts.get(i).toMinorUnits()).multiply(sum);
                BigDecimal exactTimesSum = BigDecimal.valueOf(units).multiply(weights.get(i));
                assertThat(partTimesSum.subtract(exactTimesSum).abs()).as("part %d", i).isLessThan(sum);
            }
        });
    }

    @Test
    void the_long_variant_conserves_the_total_and_agrees_with_the_money_variant() {
        qt().withExamples(EXAMPLES).forAll(ANY_LONG_TOTAL, LONG_WEIGHTS).checkAssert((total, weightList) -> {
            long[] weights = weightList.stream().mapToLong(Long::longValue).toArray();
            long[] parts = Allocation.allocate(total, weights);
            BigInteger sum = BigInteger.ZERO;
            for (long part : parts) {
                sum = sum.add(BigInteger.valueOf(part));
            }
            assertThat(sum).isEqualTo(BigInteger.valueOf(total));
            List<Long> viaMoney = Allocation.largestRemainder(Money.ofMinor(total, CNY), weights).stream()
                    .map(Money::toMinorUnits).collect(Collectors.toList());
            assertThat(parts).containsExactly(viaMoney.stream().mapToLong(Long::longValue).toArray());
            List<Long> viaDecimals = Allocation.largestRemainder(Money.ofMinor(total, CNY),
                            weightList.stream().map(BigDecimal::valueOf).collect(Collectors.toList())).stream()
                    .map(Money::toMinorUnits).collect(Collectors.toList());
            assertThat(viaDecimals).isEqualTo(viaMoney);
        });
    }

    @Test
    void reordering_the_weights_reorders_the_parts_and_nothing_else() {
        qt().withExamples(EXAMPLES).forAll(MINOR_UNITS, Generate.oneOf(SMALL_WEIGHTS, LONG_WEIGHTS), longs().all())
                .checkAssert((total, weightList, seed) -> {
                    List<Long> shuffled = new ArrayList<>(weightList);
                    Collections.shuffle(shuffled, new Random(seed));
                    assertThat(pairs(weightList, Allocation.allocate(total, toArray(weightList))))
                            .isEqualTo(pairs(shuffled, Allocation.allocate(total, toArray(shuffled))));
                });
    }

    @Test
    void a_negative_total_is_allocated_as_the_negated_positive_one() {
        qt().withExamples(EXAMPLES).forAll(longs().between(0, Long.MAX_VALUE), LONG_WEIGHTS).checkAssert((total, weightList) -> {
            long[] positive = Allocation.allocate(total, toArray(weightList));
            long[] negative = Allocation.allocate(-total, toArray(weightList));
            for (int i = 0; i < positive.length; i++) {
                assertThat(negative[i]).isEqualTo(-positive[i]);
            }
        });
    }

    private static long[] toArray(List<Long> weights) {
        return weights.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<String> pairs(List<Long> weights, long[] parts) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            pairs.add(weights.get(i) + "→" + parts[i]);
        }
        pairs.sort(Comparator.naturalOrder());
        return pairs;
    }
}
