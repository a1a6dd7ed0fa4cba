package dev.saleskernel.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.money.Money;
import dev.saleskernel.money.RoundingPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ProrationProperties {
    private static final int EXAMPLES = 2000;
    private static final Currency CNY = Currency.getInstance("CNY");

    private static final Gen<Period> PERIODS = PeriodProperties.CALENDARS.zip(
            Generate.pick(List.of(PeriodKind.YEAR, PeriodKind.QUARTER, PeriodKind.MONTH)), PeriodProperties.DATES,
            FiscalCalendar::periodOf);

    private static final Gen<Long> AMOUNTS = longs().between(-1_000_000_000_000L, 1_000_000_000_000L);

    private static final Gen<List<Integer>> CUT_OFFSETS = lists().of(integers().between(1, 365)).ofSizeBetween(0, 8);

    @Test
    void prorated_parts_of_a_period_sum_to_the_whole() {
        qt().withExamples(EXAMPLES).forAll(PERIODS, AMOUNTS, CUT_OFFSETS).checkAssert((period, units, offsets) -> {
            // given segments cut at random days inside the period
            List<DateRange> segments = segments(period, offsets);
            Money amount = Money.ofMinor(units, CNY);
            // when
            List<Money> parts = Proration.split(amount, period, segments);
            // then
            assertThat(parts.stream().reduce(Money.zero(CNY), Money::plus)).isEqualTo(amount);
            for (int i = 0; i < parts.size(); i++) {
                BigDecimal exactTimesDays = BigDecimal.valueOf(units).multiply(BigDecimal.valueOf(segments.get(i).days()));
                BigDecimal partTimesDays = BigDecimal.valueOf(parts.get(i).toMinorUnits()).multiply(BigDecimal.valueOf(period.days()));
                assertThat(partTimesDays.subtract(exactTimesDays).abs()).isLessThan(BigDecimal.valueOf(period.days()));
            }
        });
    }

    @Test
    void prorating_each_segment_separately_stays_within_half_a_unit_of_the_exact_share() {
        qt().withExamples(EXAMPLES).forAll(PERIODS, AMOUNTS, CUT_OFFSETS).checkAssert((period, units, offsets) -> {
            Money amount = Money.ofMinor(units, CNY);
            for (DateRange segment : segments(period, offsets)) {
                Money prorated = Proration.prorate(amount, period, segment, RoundingPolicy.DEFAULT);
                BigDecimal error = BigDecimal.valueOf(prorated.toMinorUnits()).multiply(BigDecimal.valueOf(period.days()))
                        .subtract(BigDecimal.valueOf(units).multiply(BigDecimal.valueOf(segment.days()))).abs();
                assertThat(error.multiply(BigDecimal.valueOf(2))).isLessThanOrEqualTo(BigDecimal.valueOf(period.days()));
            }
        });
    }

    private static List<DateRange> segments(Period period, List<Integer> offsets) {
        TreeSet<LocalDate> cuts = new TreeSet<>();
        for (int offset : offsets) {
            LocalDate cut = period.start().plusDays(offset % period.days());
            if (cut.isAfter(period.start())) {
                cuts.add(cut);
            }
        }
        List<DateRange> segments = new ArrayList<>();
        LocalDate from = period.start();
        for (LocalDate cut : cuts) {
            segments.add(DateRange.of(from, cut));
            from = cut;
        }
        segments.add(DateRange.of(from, period.endExclusive()));
        return segments;
    }
}
