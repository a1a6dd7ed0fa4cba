package dev.saleskernel.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saleskernel.money.Money;
import dev.saleskernel.money.RoundingPolicy;
import dev.saleskernel.shared.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProrationScenarios {
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Period Q2 = FiscalCalendar.CALENDAR_YEAR.quarter(2026, 2);
    private static final LocalDate DAY_46 = LocalDate.of(2026, 5, 16);

    private static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), CNY);
    }

    @Test
    void a_rep_hired_on_day_46_of_a_91_day_quarter_covers_46_days() {
        // given
        DateRange employed = DateRange.of(DAY_46, LocalDate.of(2027, 1, 1));
        // when
        DayShare share = Proration.share(Q2, employed);
        // then
        assertThat(Q2.days()).isEqualTo(91);
        assertThat(DAY_46.toEpochDay() - Q2.start().toEpochDay() + 1).isEqualTo(46);
        assertThat(share).isEqualTo(new DayShare(46, 91));
        assertThat(share).hasToString("46/91");
    }

    @Test
    void a_partial_coverage_is_prorated_exactly_and_rounded_once_by_the_declared_policy() {
        // given 1000.00 × 46 ÷ 91 = 505.4945…
        DateRange employed = DateRange.of(DAY_46, Q2.endExclusive());
        // when / then
        assertThat(Proration.prorate(cny("1000.00"), Q2, employed, RoundingPolicy.DEFAULT)).isEqualTo(cny("505.49"));
        assertThat(Proration.prorate(cny("1000.00"), Q2, employed, RoundingPolicy.toMinorUnit(RoundingMode.CEILING)))
                .isEqualTo(cny("505.50"));
        assertThat(Proration.prorate(cny("1000.00"), Q2, employed, RoundingPolicy.toScale(0, RoundingMode.HALF_EVEN)))
                .isEqualTo(cny("505"));
    }

    @Test
    void a_leaver_is_prorated_up_to_the_day_before_leaving() {
        DateRange employed = DateRange.of(LocalDate.of(2025, 1, 1), DAY_46);
        assertThat(Proration.share(Q2, employed)).isEqualTo(new DayShare(45, 91));
        assertThat(Proration.prorate(cny("1000.00"), Q2, employed, RoundingPolicy.DEFAULT)).isEqualTo(cny("494.51"));
    }

    @Test
    void full_and_no_coverage_give_the_whole_and_nothing() {
        assertThat(Proration.share(Q2, Q2.range()).isWhole()).isTrue();
        assertThat(Proration.prorate(cny("1000.00"), Q2, Q2.range(), RoundingPolicy.DEFAULT)).isEqualTo(cny("1000.00"));
        DateRange before = DateRange.of(LocalDate.of(2026, 1, 1), Q2.start());
        assertThat(Proration.share(Q2, before).isNone()).isTrue();
        assertThat(Proration.prorate(cny("1000.00"), Q2, before, RoundingPolicy.DEFAULT)).isEqualTo(Money.zero(CNY));
    }

    @Test
    void rep_moving_teams_mid_quarter_is_credited_pro_rata() {
        // given a move on day 46: 45 days in the first team, 46 in the second
        List<DateRange> teams = List.of(DateRange.of(Q2.start(), DAY_46), DateRange.of(DAY_46, Q2.endExclusive()));
        // when
        List<Money> parts = Proration.split(cny("1000.00"), Q2, teams);
        // then exact shares 494.505… and 505.494…; the larger remainder takes the leftover fen
        assertThat(parts).containsExactly(cny("494.51"), cny("505.49"));
        assertThat(parts.get(0).plus(parts.get(1))).isEqualTo(cny("1000.00"));
    }

    @Test
    void segments_that_do_not_partition_the_period_are_refused_with_every_reason() {
        // given a gap in April, an overlap in May and a segment past the quarter's end
        List<DateRange> segments = List.of(
                DateRange.of(LocalDate.of(2026, 4, 5), LocalDate.of(2026, 5, 10)),
                DateRange.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 7, 15)));
        // when
        Validation<Seq<Rejection>, List<DateRange>> checked = Proration.checkPartition(Q2, segments, "member:m-12", "memberships");
        // then
        assertThat(checked.getError().map(r -> r.code().code() + " " + r.field()).asJava()).containsExactly(
                "period/SEGMENT_GAP memberships[0]",
                "period/SEGMENT_OUTSIDE_PERIOD memberships[1]",
                "period/SEGMENT_OVERLAP memberships[1]");
        assertThat(Proration.checkPartition(Q2, List.of(), "s", "f").getError().head().code()).isEqualTo(PeriodRejection.SEGMENTS_EMPTY);
        assertThat(Proration.checkPartition(Q2, Arrays.asList(Q2.range(), null), "s", "f").getError().map(r -> r.code().code()))
                .containsExactly("period/SEGMENT_MISSING");
        assertThat(Proration.checkPartition(Q2, List.of(DateRange.of(Q2.start(), DAY_46)), "s", "f").getError().map(r -> r.code().code()))
                .containsExactly("period/SEGMENT_GAP");
        assertThatThrownBy(() -> Proration.split(cny("1.00"), Q2, segments))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEGMENT_GAP");
    }
}
