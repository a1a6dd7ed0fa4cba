package dev.saleskernel.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class FiscalCalendarScenarios {
    private static final FiscalCalendar JANUARY = FiscalCalendar.CALENDAR_YEAR;
    private static final FiscalCalendar APRIL = FiscalCalendar.startingIn(Month.APRIL);

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void a_january_calendar_is_the_calendar_year() {
        // when
        Period year = JANUARY.yearOf(date("2026-07-15"));
        // then
        assertThat(year.label()).isEqualTo("FY2026");
        assertThat(year.start()).isEqualTo(date("2026-01-01"));
        assertThat(year.endExclusive()).isEqualTo(date("2027-01-01"));
        assertThat(JANUARY.quarterOf(date("2026-07-15")).label()).isEqualTo("FY2026-Q3");
        assertThat(JANUARY.halfOf(date("2026-07-15")).label()).isEqualTo("FY2026-H2");
        assertThat(JANUARY.monthOf(date("2026-07-15")).label()).isEqualTo("FY2026-M07");
    }

    @Test
    void the_first_and_last_day_of_a_january_fiscal_year_belong_to_it() {
        assertThat(JANUARY.yearOf(date("2026-01-01")).label()).isEqualTo("FY2026");
        assertThat(JANUARY.quarterOf(date("2026-01-01")).label()).isEqualTo("FY2026-Q1");
        assertThat(JANUARY.monthOf(date("2026-12-31")).label()).isEqualTo("FY2026-M12");
        assertThat(JANUARY.quarterOf(date("2026-12-31")).label()).isEqualTo("FY2026-Q4");
        assertThat(JANUARY.yearOf(date("2027-01-01")).label()).isEqualTo("FY2027");
    }

    @Test
    void an_april_fiscal_year_is_named_by_the_year_it_ends_in_by_default() {
        // when
        Period fy2026 = APRIL.year(2026);
        // then
        assertThat(APRIL.naming()).isEqualTo(FiscalYearNaming.END_YEAR);
        assertThat(fy2026.start()).isEqualTo(date("2025-04-01"));
        assertThat(fy2026.endExclusive()).isEqualTo(date("2026-04-01"));
        assertThat(APRIL.yearOf(date("2025-04-01"))).isEqualTo(fy2026);
        assertThat(APRIL.yearOf(date("2026-03-31"))).isEqualTo(fy2026);
        assertThat(APRIL.yearOf(date("2025-03-31")).label()).isEqualTo("FY2025");
        assertThat(APRIL.yearOf(date("2026-04-01")).label()).isEqualTo("FY2027");
        assertThat(APRIL.fiscalYearOf(date("2025-12-25"))).isEqualTo(2026);
    }

    @Test
    void an_april_fiscal_year_can_be_named_by_the_year_it_starts_in() {
        FiscalCalendar japanese = APRIL.withNaming(FiscalYearNaming.START_YEAR);
        assertThat(japanese.yearOf(date("2025-04-01")).label()).isEqualTo("FY2025");
        assertThat(japanese.yearOf(date("2026-03-31")).label()).isEqualTo("FY2025");
        assertThat(japanese.year(2025).start()).isEqualTo(date("2025-04-01"));
        assertThat(japanese.quarter(2025, 4).start()).isEqualTo(date("2026-01-01"));
    }

    @Test
    void quarters_halves_and_months_count_from_the_first_fiscal_month() {
        assertThat(APRIL.quarterOf(date("2025-04-01")).label()).isEqualTo("FY2026-Q1");
        assertThat(APRIL.quarterOf(date("2025-07-01")).label()).isEqualTo("FY2026-Q2");
        assertThat(APRIL.quarterOf(date("2026-01-31")).label()).isEqualTo("FY2026-Q4");
        assertThat(APRIL.halfOf(date("2025-10-01")).label()).isEqualTo("FY2026-H2");
        assertThat(APRIL.monthOf(date("2025-04-30")).label()).isEqualTo("FY2026-M01");
        assertThat(APRIL.monthOf(date("2026-03-01")).label()).isEqualTo("FY2026-M12");
        assertThat(APRIL.month(2026, 5).start()).isEqualTo(date("2025-08-01"));
        assertThat(APRIL.quarter(2026, 2).range()).isEqualTo(DateRange.of(date("2025-07-01"), date("2025-10-01")));
    }

    @Test
    void february_29_falls_where_expected_and_leap_years_have_366_days() {
        assertThat(JANUARY.monthOf(date("2024-02-29")).label()).isEqualTo("FY2024-M02");
        assertThat(JANUARY.quarterOf(date("2024-02-29")).label()).isEqualTo("FY2024-Q1");
        assertThat(APRIL.monthOf(date("2024-02-29")).label()).isEqualTo("FY2024-M11");
        assertThat(APRIL.quarterOf(date("2024-02-29")).label()).isEqualTo("FY2024-Q4");
        assertThat(APRIL.monthOf(date("2024-02-29")).days()).isEqualTo(29);
        assertThat(APRIL.year(2024).days()).isEqualTo(366);
        assertThat(APRIL.year(2025).days()).isEqualTo(365);
        assertThat(JANUARY.year(2024).days()).isEqualTo(366);
    }

    @Test
    void period_numbers_out_of_range_and_custom_kinds_are_misuse() {
        assertThatThrownBy(() -> APRIL.quarter(2026, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> APRIL.month(2026, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> APRIL.half(2026, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> APRIL.periodOf(PeriodKind.CUSTOM, date("2026-01-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Period.custom");
    }
}
