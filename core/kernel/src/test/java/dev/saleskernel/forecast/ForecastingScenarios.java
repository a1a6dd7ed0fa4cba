package dev.saleskernel.forecast;

import static dev.saleskernel.forecast.ForecastFixtures.AS_OF;
import static dev.saleskernel.forecast.ForecastFixtures.Q1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.kpi.KpiValue;
import dev.saleskernel.shared.Rejected;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forecast roll-ups on the known pipeline of {@link ForecastFixtures}. */
class ForecastingScenarios {
    private final Forecasting.TeamForecast sh = ForecastFixtures.shanghai();

    @Test
    void categories_roll_up_cumulatively_from_closed_to_commit_to_best_case_to_pipeline() {
        Forecast team = sh.team();
        assertThat(team.closed()).isEqualTo(500_000_00);
        assertThat(team.commit()).isEqualTo(100_000_00);
        assertThat(team.bestCase()).isEqualTo(150_000_00);
        assertThat(team.pipeline()).isEqualTo(80_000_00);
        assertThat(team.commitRollup()).isEqualTo(600_000_00);
        assertThat(team.bestCaseRollup()).isEqualTo(750_000_00);
        assertThat(team.pipelineRollup()).isEqualTo(830_000_00);
        assertThat(team.openPipeline()).isEqualTo(330_000_00);
    }

    @Test
    void the_weighted_pipeline_sums_amount_times_probability_over_open_deals_in_the_period() {
        assertThat(sh.team().weighted()).as("100,000 × 90% + 150,000 × 60% + 80,000 × 40%").isEqualTo(212_000_00);
    }

    @Test
    void historical_win_rates_per_stage_are_applied_to_open_deals_and_rounded_once() {
        WinRates rates = ForecastFixtures.history();
        assertThat(rates.rate(1)).contains(new BigDecimal("0.5000"));
        assertThat(rates.rate(2)).contains(new BigDecimal("0.6667"));
        assertThat(rates.rate(5)).contains(new BigDecimal("1.0000"));
        assertThat(sh.team().winRateExpected()).as("500,000 + 100,000 × 2/2 + 150,000 × 2/3 + 80,000 × 2/3")
                .isEqualTo(753_333_33);
        assertThat(sh.team().unrated()).isZero();
    }

    @Test
    void open_deals_in_stages_without_history_are_reported_as_unrated_not_guessed() {
        WinRates none = WinRates.learn(List.of(), 6);
        Forecast team = Forecasting.forecast(ForecastFixtures.pipeline(), ForecastFixtures.org(), "sh", Q1, AS_OF, none, Map.of())
                .get().team();
        assertThat(team.winRateExpected()).isEqualTo(500_000_00);
        assertThat(team.unrated()).isEqualTo(330_000_00);
    }

    @Test
    void the_run_rate_projects_closed_business_over_the_whole_period() {
        assertThat(sh.team().runRate()).as("500,000 × 90 ÷ 45").isEqualTo(1_000_000_00);
    }

    @Test
    void forecast_against_target_gives_the_gap_to_commit_and_to_best_case() {
        assertThat(sh.team().target()).contains(1_200_000_00L);
        assertThat(sh.team().gapToCommit()).contains(600_000_00L);
        assertThat(sh.team().gapToBestCase()).contains(450_000_00L);
        assertThat(sh.byOwner().get("ann").gapToCommit()).isEmpty();
    }

    @Test
    void members_forecasts_add_up_to_the_team() {
        assertThat(sh.byOwner().keySet()).as("members in id order").containsExactly("ann", "bo");
        Forecast ann = sh.byOwner().get("ann");
        Forecast bo = sh.byOwner().get("bo");
        assertThat(ann.closed()).isEqualTo(300_000_00);
        assertThat(ann.commitRollup()).isEqualTo(400_000_00);
        assertThat(bo.bestCaseRollup()).isEqualTo(350_000_00);
        assertThat(ann.pipelineRollup() + bo.pipelineRollup()).isEqualTo(sh.team().pipelineRollup());
    }

    @Test
    void people_outside_the_team_or_the_sales_hierarchy_never_enter_its_forecast() {
        assertThat(sh.outside()).containsExactlyInAnyOrder("x1", "x2");
        assertThat(sh.byOwner()).doesNotContainKeys("cai", "finance-li");
        assertThat(sh.undated()).containsExactly("p5");
        Forecast company = Forecasting.forecast(ForecastFixtures.pipeline(), ForecastFixtures.org(), "hq", Q1, AS_OF,
                ForecastFixtures.history(), Map.of()).get().team();
        assertThat(company.commit()).as("cai counts for head office, finance-li never").isEqualTo(100_000_00 + 999_00);
    }

    @Test
    void accuracy_after_the_period_compares_the_forecast_with_the_actual() {
        assertThat(Forecasting.accuracy(600_000_00, 900_000_00).toString()).as("1 − 300 ÷ 900").isEqualTo("0.6667");
        assertThat(Forecasting.bias(600_000_00, 900_000_00).toString()).isEqualTo("-0.3333");
        assertThat(Forecasting.accuracy(5, 0)).isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "actual"));
    }

    @Test
    void deals_with_a_negative_amount_or_an_impossible_probability_are_refused_every_one() {
        Rejected refused = Forecasting.forecast(List.of(
                ForecastFixtures.open("bad1", "ann", 1, ForecastCategory.PIPELINE, -1, 1000, Q1.start()),
                ForecastFixtures.open("bad2", "bo", 1, ForecastCategory.PIPELINE, 100, 10_001, Q1.start())),
                ForecastFixtures.org(), "sh", Q1, AS_OF, ForecastFixtures.history(), Map.of()).getLeft();
        assertThat(refused.codes()).containsExactly("forecast/DEAL_INVALID", "forecast/DEAL_INVALID");
        assertThat(refused.reasons().get(1).field()).isEqualTo("probabilityBp");
    }
}
