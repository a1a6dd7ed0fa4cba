package dev.saleskernel.target;

import static dev.saleskernel.target.Plans.ALICE;
import static dev.saleskernel.target.Plans.AT;
import static dev.saleskernel.target.Plans.aPlan;
import static dev.saleskernel.target.Plans.assertSumsHold;
import static dev.saleskernel.target.Plans.children;
import static dev.saleskernel.target.Plans.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.period.PeriodKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed example: a company's annual target split by product line and region, then quarters,
 * then months, then teams and reps — exact at every level.
 */
class SeedExampleScenario {

    @Test
    void company_annual_target_down_to_product_lines_regions_quarters_months_teams_and_reps() {
        TargetPlan plan = aPlan(100_000_000_01L);
        plan = ok(plan.split("company", Dimension.PRODUCT_LINE, children("hardware", "cloud"), new Strategy.Weights(
                Map.of("hardware", new BigDecimal("60"), "cloud", new BigDecimal("40"))), ALICE, AT));
        for (String line : List.of("company/hardware", "company/cloud")) {
            plan = ok(plan.split(line, Dimension.REGION, children("east", "north", "south"),
                    new Strategy.HistoricalShare(Map.of("east", 5_000L, "north", 3_000L, "south", 2_001L)), ALICE, AT));
        }
        Strategy.Seasonality profile = Strategy.Seasonality.of(pct("6"), pct("5"), pct("8"), pct("8"), pct("8"), pct("9"),
                pct("7"), pct("7"), pct("9"), pct("9"), pct("10"), pct("14"));
        for (TargetNode region : List.copyOf(leaves(plan))) {
            plan = ok(plan.splitOverTime(region.id(), PeriodKind.QUARTER, profile, ALICE, AT));
        }
        for (TargetNode quarter : List.copyOf(leaves(plan))) {
            plan = ok(plan.splitOverTime(quarter.id(), PeriodKind.MONTH, profile, ALICE, AT));
        }
        for (TargetNode month : List.copyOf(leaves(plan))) {
            plan = ok(plan.split(month.id(), Dimension.ORG, children("team-a", "team-b"), new Strategy.Equal(), ALICE, AT));
        }
        for (TargetNode team : List.copyOf(leaves(plan))) {
            plan = ok(plan.split(team.id(), Dimension.ORG, children("rep-1", "rep-2", "rep-3"), new Strategy.Equal(), ALICE, AT));
        }

        assertSumsHold(plan);
        assertThat(leaves(plan)).hasSize(2 * 3 * 12 * 2 * 3);
        assertThat(leaves(plan).stream().mapToLong(TargetNode::amount).sum()).isEqualTo(100_000_000_01L);
        assertThat(plan.node("company/hardware").orElseThrow().amount()).isEqualTo(60_000_000_01L);
        assertThat(plan.node("company/cloud/east").orElseThrow().amount()).isEqualTo(19_998_000_20L);
        assertThat(plan.node("company/cloud/east/FY2026-Q4").orElseThrow().amount()).isEqualTo(6_599_340_07L);
        assertThat(plan.children("company/cloud/east/FY2026-Q4")).extracting(TargetNode::amount)
                .containsExactly(1_799_820_02L, 1_999_800_02L, 2_799_720_03L);

        TargetPlan overridden = ok(plan.setAmount("company/cloud/east/FY2026-Q4", 7_000_000_00L, "big Q4 framework deal", ALICE, AT));
        assertSumsHold(overridden);
        assertThat(overridden.node("company/cloud/east").orElseThrow().amount()).isEqualTo(19_998_000_20L);
    }

    private static List<TargetNode> leaves(TargetPlan plan) {
        return plan.nodes().stream().filter(TargetNode::isLeaf).toList();
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
