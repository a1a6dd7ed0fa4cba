package dev.saleskernel.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.org.OrgStructure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForecastProperties {
    private static final String[] OWNERS = {"ann", "bo", "cai", "dan", "finance-li", "mei"};
    private static final ForecastCategory[] OPEN = {ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE, ForecastCategory.COMMIT,
            ForecastCategory.OMITTED};
    private final OrgStructure org = ForecastFixtures.org();

    private static List<ForecastDeal> randomDeals(Random r) {
        List<ForecastDeal> deals = new ArrayList<>();
        for (int i = r.nextInt(30); i > 0; i--) {
            String owner = OWNERS[r.nextInt(OWNERS.length)];
            LocalDate day = LocalDate.of(2025, 12, 1).plusDays(r.nextInt(150));
            long amount = r.nextInt(10) == 0 ? 0 : r.nextLong(1, 100_000_000_000L);
            deals.add(switch (r.nextInt(3)) {
                case 0 -> ForecastFixtures.won("d" + i, owner, amount, day);
                case 1 -> ForecastFixtures.lost("d" + i, owner, r.nextInt(6), day);
                default -> ForecastFixtures.open("d" + i, owner, r.nextInt(6), OPEN[r.nextInt(4)], amount, r.nextInt(10_001),
                        r.nextInt(8) == 0 ? null : day);
            });
        }
        return deals;
    }

    @Test
    void forecast_categories_are_cumulative_for_every_team_and_member() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            List<ForecastDeal> deals = randomDeals(r);
            for (String unit : List.of("hq", "sh", "hz-1")) {
                Forecasting.TeamForecast f = Forecasting.forecast(deals, org, unit, ForecastFixtures.Q1, ForecastFixtures.AS_OF,
                        WinRates.learn(randomDeals(r), 6), Map.of()).get();
                List<Forecast> all = new ArrayList<>(f.byOwner().values());
                all.add(f.team());
                for (Forecast x : all) {
                    assertThat(x.commitRollup()).isLessThanOrEqualTo(x.bestCaseRollup());
                    assertThat(x.bestCaseRollup()).isLessThanOrEqualTo(x.pipeline() + x.closed() + x.bestCase() + x.commit());
                    assertThat(x.closed()).isLessThanOrEqualTo(x.commitRollup());
                    assertThat(x.winRateExpected()).isBetween(x.closed(), x.closed() + x.openPipeline());
                }
                assertThat(f.byOwner().values().stream().mapToLong(Forecast::pipelineRollup).sum())
                        .isEqualTo(f.team().pipelineRollup());
                assertThat(f.byOwner().keySet()).doesNotContain("finance-li");
            }
        });
    }

    @Test
    void nobody_outside_the_sales_hierarchy_ever_enters_a_forecast_and_every_counted_deal_is_somebodys_in_the_team() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            List<ForecastDeal> deals = randomDeals(new Random(seed));
            Forecasting.TeamForecast sh = Forecasting.forecast(deals, org, "sh", ForecastFixtures.Q1, ForecastFixtures.AS_OF,
                    WinRates.learn(List.of(), 6), Map.of()).get();
            assertThat(Set.of("ann", "bo", "mei")).containsAll(sh.byOwner().keySet());
            for (ForecastDeal d : deals) {
                if (d.ownerId().equals("finance-li") || d.ownerId().equals("cai")) {
                    boolean inPeriod = d.expectedClose().or(d::closedOn).map(ForecastFixtures.Q1::contains).orElse(false);
                    if (inPeriod && d.status() != dev.saleskernel.funnel.StageKind.LOST) {
                        assertThat(sh.outside()).contains(d.id());
                    }
                }
            }
        });
    }
}
