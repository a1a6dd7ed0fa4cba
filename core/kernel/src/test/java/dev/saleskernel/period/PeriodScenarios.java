package dev.saleskernel.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class PeriodScenarios {
    private static final FiscalCalendar APRIL = FiscalCalendar.startingIn(Month.APRIL);

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void a_year_splits_into_halves_quarters_and_months() {
        // given
        Period year = APRIL.year(2026);
        // when / then
        assertThat(year.children()).extracting(Period::label).containsExactly("FY2026-H1", "FY2026-H2");
        assertThat(year.children().get(1).children()).extracting(Period::label).containsExactly("FY2026-Q3", "FY2026-Q4");
        assertThat(APRIL.quarter(2026, 4).children()).extracting(Period::label)
                .containsExactly("FY2026-M10", "FY2026-M11", "FY2026-M12");
        assertThat(APRIL.month(2026, 1).children()).isEmpty();
    }

    @Test
    void each_calendar_period_knows_its_parent() {
        assertThat(APRIL.month(2026, 5).parent()).contains(APRIL.quarter(2026, 2));
        assertThat(APRIL.quarter(2026, 2).parent()).contains(APRIL.half(2026, 1));
        assertThat(APRIL.half(2026, 2).parent()).contains(APRIL.year(2026));
        assertThat(APRIL.year(2026).parent()).isEmpty();
    }

    @Test
    void next_and_previous_cross_fiscal_year_boundaries() {
        assertThat(APRIL.quarter(2026, 4).next()).isEqualTo(APRIL.quarter(2027, 1));
        assertThat(APRIL.month(2026, 1).previous()).isEqualTo(APRIL.month(2025, 12));
        assertThat(APRIL.month(2026, 1).plus(25).label()).isEqualTo("FY2028-M02");
        assertThat(APRIL.year(2026).plus(-3).label()).isEqualTo("FY2023");
        assertThat(APRIL.half(2026, 2).next().label()).isEqualTo("FY2027-H1");
    }

    @Test
    void periods_are_half_open() {
        // given
        Period q1 = APRIL.quarter(2026, 1);
        // then
        assertThat(q1.contains(date("2025-04-01"))).isTrue();
        assertThat(q1.contains(date("2025-06-30"))).isTrue();
        assertThat(q1.contains(date("2025-07-01"))).isFalse();
        assertThat(q1.overlaps(q1.next())).isFalse();
        assertThat(q1.days()).isEqualTo(91);
        assertThat(q1.range().last()).isEqualTo(date("2025-06-30"));
    }

    @Test
    void a_period_contains_its_children_and_overlaps_what_shares_a_day() {
        Period year = APRIL.year(2026);
        assertThat(year.contains(APRIL.month(2026, 12))).isTrue();
        assertThat(year.contains(APRIL.month(2027, 1))).isFalse();
        Period campaign = Period.custom("Spring campaign", date("2026-03-15"), date("2026-05-01"));
        assertThat(campaign.overlaps(year)).isTrue();
        assertThat(year.contains(campaign)).isFalse();
        assertThat(campaign.overlaps(APRIL.year(2028))).isFalse();
    }

    @Test
    void a_custom_period_is_any_named_range_outside_the_hierarchy() {
        // given
        Period campaign = Period.custom("Spring campaign", date("2026-03-15"), date("2026-05-01"));
        // then
        assertThat(campaign.kind()).isEqualTo(PeriodKind.CUSTOM);
        assertThat(campaign.label()).isEqualTo("Spring campaign");
        assertThat(campaign.days()).isEqualTo(47);
        assertThat(campaign.children()).isEmpty();
        assertThat(campaign.parent()).isEmpty();
        assertThat(campaign.calendar()).isEmpty();
        assertThat(campaign).hasToString("Spring campaign [2026-03-15, 2026-05-01)");
        assertThatThrownBy(campaign::next).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(campaign::fiscalYear).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Period.custom(" ", date("2026-03-15"), date("2026-05-01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.custom("empty", date("2026-03-15"), date("2026-03-15"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void calendar_periods_expose_their_fiscal_year_and_number() {
        Period m05 = APRIL.month(2026, 5);
        assertThat(m05.fiscalYear()).isEqualTo(2026);
        assertThat(m05.number()).isEqualTo(5);
        assertThat(m05.kind()).isEqualTo(PeriodKind.MONTH);
        assertThat(m05.calendar()).contains(APRIL);
        assertThat(m05.label()).isEqualTo("FY2026-M05");
    }

    @Test
    void date_ranges_intersect_and_refuse_to_be_empty() {
        DateRange april = DateRange.inclusive(date("2026-04-01"), date("2026-04-30"));
        DateRange late = DateRange.of(date("2026-04-20"), date("2026-05-10"));
        assertThat(april.days()).isEqualTo(30);
        assertThat(april.intersection(late)).contains(DateRange.of(date("2026-04-20"), date("2026-05-01")));
        assertThat(april.intersection(DateRange.of(date("2026-05-01"), date("2026-05-02")))).isEmpty();
        assertThatThrownBy(() -> DateRange.of(date("2026-05-01"), date("2026-04-01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
