package dev.saleskernel.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PeriodProperties {
    private static final int EXAMPLES = 2000;

    static final Gen<FiscalCalendar> CALENDARS = Generate.enumValues(Month.class)
            .zip(Generate.enumValues(FiscalYearNaming.class), FiscalCalendar::new);

    static final Gen<LocalDate> DATES = integers().between((int) LocalDate.of(1900, 1, 1).toEpochDay(),
            (int) LocalDate.of(2200, 12, 31).toEpochDay()).map(day -> LocalDate.ofEpochDay(day));

    private static final Gen<PeriodKind> CALENDAR_KINDS = Generate.pick(
            List.of(PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH));

    private static final Gen<Period> PERIODS = CALENDARS.zip(CALENDAR_KINDS, DATES, FiscalCalendar::periodOf);

    @Test
    void next_then_previous_is_the_same_period() {
        qt().withExamples(EXAMPLES).forAll(PERIODS).checkAssert(p -> {
            assertThat(p.next().previous()).isEqualTo(p);
            assertThat(p.previous().next()).isEqualTo(p);
            assertThat(p.next().start()).isEqualTo(p.endExclusive());
        });
    }

    @Test
    void plus_n_then_minus_n_is_the_same_period() {
        qt().withExamples(EXAMPLES).forAll(PERIODS, integers().between(-300, 300))
                .checkAssert((p, n) -> assertThat(p.plus(n).plus(-n)).isEqualTo(p));
    }

    @Test
    void the_calendar_finds_a_period_from_any_of_its_days() {
        qt().withExamples(EXAMPLES).forAll(PERIODS).checkAssert(p -> {
            FiscalCalendar calendar = p.calendar().orElseThrow();
            assertThat(calendar.periodOf(p.kind(), p.start())).isEqualTo(p);
            assertThat(calendar.periodOf(p.kind(), p.range().last())).isEqualTo(p);
            assertThat(calendar.period(p.kind(), p.fiscalYear(), p.number())).isEqualTo(p);
            if (p.kind() == PeriodKind.QUARTER) {
                assertThat(calendar.quarterOf(p.start())).isEqualTo(p);
            }
        });
    }

    @Test
    void children_partition_their_parent_with_no_gap_or_overlap() {
        qt().withExamples(EXAMPLES).forAll(PERIODS).checkAssert(p -> {
            List<Period> children = p.children();
            if (p.kind() == PeriodKind.MONTH) {
                assertThat(children).isEmpty();
                return;
            }
            assertThat(children.get(0).start()).isEqualTo(p.start());
            assertThat(children.get(children.size() - 1).endExclusive()).isEqualTo(p.endExclusive());
            for (int i = 1; i < children.size(); i++) {
                assertThat(children.get(i).start()).isEqualTo(children.get(i - 1).endExclusive());
            }
            assertThat(children.stream().mapToLong(Period::days).sum()).isEqualTo(p.days());
            assertThat(children).allSatisfy(child -> assertThat(child.parent()).contains(p));
        });
    }

    @Test
    void every_date_is_in_exactly_one_month_and_one_quarter_of_its_fiscal_year() {
        qt().withExamples(EXAMPLES).forAll(CALENDARS, DATES).checkAssert((calendar, date) -> {
            Period year = calendar.yearOf(date);
            List<Period> quarters = year.children().stream().flatMap(half -> half.children().stream()).collect(Collectors.toList());
            List<Period> months = quarters.stream().flatMap(quarter -> quarter.children().stream()).collect(Collectors.toList());
            assertThat(quarters).hasSize(4);
            assertThat(months).hasSize(12);
            assertThat(quarters.stream().filter(q -> q.contains(date))).containsExactly(calendar.quarterOf(date));
            assertThat(months.stream().filter(m -> m.contains(date))).containsExactly(calendar.monthOf(date));
            assertThat(year.contains(date)).isTrue();
            assertThat(year.fiscalYear()).isEqualTo(calendar.fiscalYearOf(date));
        });
    }
}
