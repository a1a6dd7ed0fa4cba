package dev.saleskernel.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.testing.Scenario;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastSubmissionScenarios {
    private static final ActorId MEI = ActorId.of("mei");
    private static final Instant AT = Instant.parse("2026-02-14T10:00:00Z");
    private final OrgStructure org = ForecastFixtures.org();
    private final ForecastSubmission submitted = ForecastSubmission.submit(TenantId.of("acme"), org, ForecastFixtures.shanghai(),
            ForecastFixtures.AS_OF, MEI, AT).get().state();

    @Test
    void the_branch_manager_submits_the_computed_forecast_per_member() {
        assertThat(submitted.submitted().commitRollup()).isEqualTo(600_000_00);
        assertThat(submitted.submitted("ann").pipeline()).isEqualTo(80_000_00);
        assertThat(ForecastSubmission.recordId("sh", ForecastFixtures.Q1)).isEqualTo("sh@FY2026-Q1");
    }

    @Test
    void somebody_who_does_not_manage_the_team_cannot_submit_its_forecast() {
        Scenario.Outcome.of(ForecastSubmission.submit(TenantId.of("acme"), org, ForecastFixtures.shanghai(), ForecastFixtures.AS_OF,
                ActorId.of("hong"), AT)).thenRejected(ForecastRejection.NOT_A_MANAGER);
    }

    @Test
    void an_adjustment_is_recorded_beside_the_submitted_figures_with_who_and_why() {
        ForecastSubmission adjusted = Scenario.given(submitted)
                .when(s -> s.adjust(org, "bo", ForecastCategory.COMMIT, 150_000_00, "bo's proposal p2 signed in principle", MEI, AT))
                .thenEvents(ForecastEvents.ForecastAdjusted.class).state();

        assertThat(adjusted.submitted("bo").commit()).as("the submitted figure is kept").isZero();
        assertThat(adjusted.adjusted("bo").commit()).isEqualTo(150_000_00);
        assertThat(adjusted.adjusted().commitRollup()).isEqualTo(750_000_00);
        assertThat(adjusted.adjustments().get(0).actor()).isEqualTo(MEI);
        assertThat(adjusted.adjustments().get(0).reason()).isEqualTo("bo's proposal p2 signed in principle");
        assertThat(adjusted.accuracy(750_000_00).toString()).isEqualTo("1.0000");
    }

    @Test
    void an_adjustment_breaking_every_rule_is_refused_with_every_reason() {
        Scenario.given(submitted)
                .when(s -> s.adjust(org, "finance-li", ForecastCategory.CLOSED, -1, " ", ActorId.of("ann"), AT))
                .thenRejected(SharedRejection.REQUIRED, ForecastRejection.CATEGORY_NOT_ADJUSTABLE,
                        ForecastRejection.OUTSIDE_SALES_HIERARCHY, ForecastRejection.NOT_A_MANAGER);
    }

    @Test
    void a_member_of_another_branch_cannot_be_put_into_this_forecast() {
        Scenario.given(submitted)
                .when(s -> s.adjust(org, "cai", ForecastCategory.PIPELINE, 10_00, "cross-sell", MEI, AT))
                .thenRejected(ForecastRejection.OUTSIDE_SALES_HIERARCHY);
    }

    @Test
    void an_adjustment_may_not_make_a_category_negative() {
        Scenario.given(submitted)
                .when(s -> s.adjust(org, "ann", ForecastCategory.COMMIT, -100_000_01, "p1 slips", MEI, AT))
                .thenRejected(ForecastRejection.NEGATIVE_FORECAST);
    }
}
