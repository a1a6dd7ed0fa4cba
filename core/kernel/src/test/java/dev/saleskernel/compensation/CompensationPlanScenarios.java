package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.compensation.PlanComponent.Mode;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.testing.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompensationPlanScenarios {
    static final TenantId ACME = TenantId.of("acme");
    static final ActorId ALICE = ActorId.of("alice");
    static final ActorId BOB = ActorId.of("bob");
    static final Instant AT = Instant.parse("2026-01-02T08:00:00Z");

    static CompensationPlan.Draft draft(int version) {
        PlanVersion plan = new PlanVersion("field-sales", version, "Field sales", YEAR_2026, CNY, CreditEvent.BOOKING, MIX_40_60,
                List.of(issueTiers(Mode.MARGINAL)), Optional.empty());
        return new CompensationPlan.Draft(plan, "{}");
    }

    static CompensationPlan drafted() {
        return CompensationPlan.propose(ACME, draft(1), "FY2026 plan", ALICE, AT).get().state();
    }

    @Test
    void a_proposed_version_pays_nobody_until_somebody_else_publishes_it() {
        CompensationPlan drafted = drafted();
        assertThat(drafted.inForceOn(JAN_15)).isEmpty();
        Change<CompensationPlan> published = Scenario.given(drafted).when(p -> p.publish(1, BOB, AT.plusSeconds(60)))
                .thenEvents(PlanEvents.PlanVersionPublished.class);
        assertThat(published.state().inForceOn(JAN_15)).map(PlanVersion::version).contains(1);
        assertThat(published.state().published().get(0).publishedBy()).isEqualTo(BOB);
    }

    @Test
    void the_proposer_cannot_publish_their_own_version() {
        Scenario.given(drafted()).when(p -> p.publish(1, ALICE, AT)).thenRejected(SharedRejection.PROPOSER_CANNOT_APPROVE);
    }

    @Test
    void a_second_draft_a_skipped_number_an_invalid_plan_and_a_missing_reason_are_refused_together() {
        CompensationPlan.Draft invalid = new CompensationPlan.Draft(new PlanVersion("field-sales", 3, "x", YEAR_2026, CNY,
                CreditEvent.BOOKING, new PayMix(1, 1), List.of(issueTiers(Mode.MARGINAL)), Optional.empty()), "{}");
        Scenario.given(drafted()).when(p -> p.proposeVersion(invalid, " ", BOB, AT)).thenRejected(
                SharedRejection.CHANGE_ALREADY_PENDING, CompensationRejection.PLAN_INVALID, SharedRejection.REQUIRED,
                CompensationRejection.PAY_MIX_NOT_100);
    }

    @Test
    void a_later_version_governs_from_its_publication_and_a_rejected_draft_changes_nothing() {
        CompensationPlan v1 = drafted().publish(1, BOB, AT).get().state();
        CompensationPlan rejected = Scenario.given(v1.proposeVersion(draft(2), "raise rates", ALICE, AT).get().state())
                .when(p -> p.reject(2, "not this year", BOB, AT)).thenEvents(PlanEvents.PlanVersionRejected.class).state();
        assertThat(rejected.inForceOn(JAN_15)).map(PlanVersion::version).contains(1);
        Scenario.given(rejected).when(p -> p.publish(2, BOB, AT)).thenRejected(SharedRejection.NOTHING_PENDING);
        // version numbers are never reused: the next draft is 3
        CompensationPlan v3 = rejected.proposeVersion(draft(3), "raise rates, again", ALICE, AT).get().state()
                .publish(3, BOB, AT).get().state();
        assertThat(v3.inForceOn(LocalDate.of(2026, 6, 1))).map(PlanVersion::version).contains(3);
        assertThat(v3.version(1)).isPresent();
    }
}
