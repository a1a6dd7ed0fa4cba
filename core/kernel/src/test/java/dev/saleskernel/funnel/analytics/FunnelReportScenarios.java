package dev.saleskernel.funnel.analytics;

import static dev.saleskernel.funnel.FunnelFixtures.CNY;
import static dev.saleskernel.funnel.FunnelFixtures.REP;
import static dev.saleskernel.funnel.FunnelFixtures.SEEDS;
import static dev.saleskernel.funnel.FunnelFixtures.aQualifiedOpportunity;
import static dev.saleskernel.funnel.FunnelFixtures.accepted;
import static dev.saleskernel.funnel.FunnelFixtures.anOpportunity;
import static dev.saleskernel.funnel.FunnelFixtures.cny;
import static dev.saleskernel.funnel.FunnelFixtures.day;
import static dev.saleskernel.funnel.FunnelFixtures.inStage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.MoveInput;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.StageRoles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunnelReportScenarios {

    @Test
    void pipeline_velocity_of_100_deals_at_50000_with_25_percent_over_60_days_is_20833_33_per_day() {
        assertThat(PipelineVelocity.perDay(100, cny("50000.00"), new BigDecimal("0.25"), new BigDecimal("60")))
                .isEqualTo(cny("20833.33"));
    }

    @Test
    void velocity_from_raw_sums_rounds_once_at_the_end() {
        assertThat(PipelineVelocity.perDayMinor(100, 5_000_000L * 25, 25, 75, 25 * 60 * 86_400L)).isEqualTo(2_083_333);
    }

    static FunnelReport report(List<Opportunity> deals, int asOfDay) {
        return FunnelReport.of(FunnelData.of(deals, SEEDS), FunnelCut.all(),
                new FunnelReport.Options(day(asOfDay).getEpochSecond(), 1, 1));
    }

    @Test
    void conversion_is_over_the_cohort_history_not_the_current_stage_and_skips_count_as_passing_through() {
        Opportunity qualified = aQualifiedOpportunity();
        Opportunity won = accepted(inStage(qualified, "negotiation", 2)
                .win(SEEDS, cny("8000.00"), LocalDate.parse("2026-04-11"), MoveInput.NONE, StageRoles.nobody(), REP, day(10)));
        Opportunity lostAfterProposal = accepted(inStage(qualified, "proposal", 3)
                .lose(SEEDS, "price", "", StageRoles.nobody(), REP, day(4)));
        Opportunity backToContact = inStage(inStage(qualified, "quotation", 2), "initial-contact", 5);
        Opportunity fresh = anOpportunity();

        FunnelReport report = report(List.of(won, lostAfterProposal, backToContact, fresh), 30);

        assertThat(report.cohort()).isEqualTo(4);
        assertThat(List.of(report.reached(0), report.reached(1), report.reached(2), report.reached(3), report.reached(4),
                report.reached(5), report.reached(6))).containsExactly(4L, 3L, 3L, 3L, 2L, 1L, 1L);
        assertThat(report.conversion(3)).contains(new BigDecimal("0.6667"));
        assertThat(report.winRateByCount()).contains(new BigDecimal("0.5000"));
        assertThat(report.winRateByAmount()).contains(new BigDecimal("0.4444"));
        assertThat(report.averageCycleDays()).contains(new BigDecimal("10.00"));
        assertThat(report.visitsToClose()).contains(new BigDecimal("1.00"));
    }

    @Test
    void weighted_pipeline_and_forecast_roll_ups_follow_the_categories() {
        Opportunity atProposal = inStage(aQualifiedOpportunity(), "proposal", 2);
        Opportunity atNegotiation = inStage(aQualifiedOpportunity(), "negotiation", 2);
        Opportunity won = accepted(atNegotiation.win(SEEDS, cny("5000.00"), LocalDate.parse("2026-04-11"),
                MoveInput.NONE, StageRoles.nobody(), REP, day(3)));
        Opportunity lead = anOpportunity();

        FunnelReport report = report(List.of(atProposal, atNegotiation, won, lead), 5);

        assertThat(report.weightedPipeline()).isEqualTo(cny("16000.00"));
        assertThat(report.pipeline()).isEqualTo(cny("10000.00"));
        assertThat(report.bestCase()).isEqualTo(cny("10000.00"));
        assertThat(report.commit()).isEqualTo(cny("10000.00"));
        assertThat(report.commitRollup()).isEqualTo(cny("15000.00"));
        assertThat(report.bestCaseRollup()).isEqualTo(cny("25000.00"));
        assertThat(report.openPipeline()).isEqualTo(cny("30000.00"));
        assertThat(report.coverage(cny("20000.00"))).contains(new BigDecimal("1.5000"));
        assertThat(report.coverage(cny("0.00"))).isEmpty();
    }

    @Test
    void deals_longer_in_a_stage_than_its_maximum_are_stalled() {
        Opportunity lead = anOpportunity();

        assertThat(report(List.of(lead), 14).stalled()).isEmpty();
        assertThat(report(List.of(lead), 15).stalled()).containsExactly("o-1");
    }

    @Test
    void median_days_in_stage_takes_the_middle_of_completed_visits() {
        Opportunity a = accepted(anOpportunity().move(SEEDS, "initial-contact", MoveInput.NONE, StageRoles.nobody(), REP, day(1)));
        Opportunity b = accepted(anOpportunity().move(SEEDS, "initial-contact", MoveInput.NONE, StageRoles.nobody(), REP, day(4)));

        List<Optional<BigDecimal>> medians = FunnelReport.medianDaysInStage(FunnelData.of(List.of(a, b), SEEDS), FunnelCut.all());

        assertThat(medians.get(0)).contains(new BigDecimal("2.50"));
        assertThat(medians.get(1)).isEmpty();
    }

    @Test
    void reports_cut_by_owner_contain_each_owners_deals() {
        Opportunity mine = anOpportunity();
        Opportunity theirs = accepted(anOpportunity().changeOwner(dev.saleskernel.shared.ActorId.of("rep-2"), List.of(),
                REP, day(1)));
        FunnelData data = FunnelData.of(List.of(mine, theirs, theirs), SEEDS);

        var byOwner = FunnelReport.by(FunnelData.Dimension.OWNER, data, FunnelCut.all(),
                new FunnelReport.Options(day(1).getEpochSecond(), 1, 1));

        assertThat(byOwner).containsOnlyKeys("rep-1", "rep-2");
        assertThat(byOwner.get("rep-2").cohort()).isEqualTo(2);
        assertThat(FunnelReport.of(data, FunnelCut.all().only(FunnelData.Dimension.OWNER,
                data.code(FunnelData.Dimension.OWNER, "rep-1")), new FunnelReport.Options(0, 1, 1)).cohort()).isEqualTo(1);
        assertThat(CNY).isEqualTo(data.currency());
    }
}
