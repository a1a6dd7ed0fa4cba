package dev.saleskernel.funnel;

import static dev.saleskernel.funnel.FunnelFixtures.MANAGER;
import static dev.saleskernel.funnel.FunnelFixtures.REP;
import static dev.saleskernel.funnel.FunnelFixtures.aQualifiedOpportunity;
import static dev.saleskernel.funnel.FunnelFixtures.day;
import static dev.saleskernel.funnel.FunnelFixtures.inStage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stage history shares its closed visits between versions without one version seeing another's. */
class OpportunityHistorySharingTest {

    private static List<String> stages(Opportunity o) {
        return o.history().stream().map(StageVisit::stageId).toList();
    }

    @Test
    void moves_branching_from_the_same_state_keep_their_own_histories() {
        // Given an opportunity in needs analysis
        Opportunity base = inStage(aQualifiedOpportunity(), "needs-analysis", 2);
        List<StageVisit> before = List.copyOf(base.history());

        // When two different moves are made from it, then a third and the first one again
        Opportunity toProposal = inStage(base, "proposal", 3);
        Opportunity byManager = FunnelFixtures.accepted(base.move(FunnelFixtures.SEEDS, "initial-contact",
                MoveInput.NONE, StageRoles.nobody(), MANAGER, day(4)));
        Opportunity again = inStage(base, "proposal", 3);

        // Then each sees its own closed visit and the base is unchanged
        assertThat(base.history()).isEqualTo(before);
        assertThat(base.history().get(base.history().size() - 1).leftAt()).isEmpty();
        assertThat(stages(toProposal)).endsWith("needs-analysis", "proposal");
        assertThat(stages(byManager)).endsWith("needs-analysis", "initial-contact");
        StageVisit closedForProposal = toProposal.history().get(before.size() - 1);
        StageVisit closedByManager = byManager.history().get(before.size() - 1);
        assertThat(closedForProposal.leftAt()).contains(day(3));
        assertThat(closedForProposal.leftBy()).contains(REP);
        assertThat(closedByManager.leftAt()).contains(day(4));
        assertThat(closedByManager.leftBy()).contains(MANAGER);
        assertThat(again.history()).isEqualTo(toProposal.history());
        assertThat(toProposal.history()).hasSize(before.size() + 1);
        assertThat(toProposal.history().get(before.size()).leftAt()).isEqualTo(Optional.empty());
    }

    @Test
    void a_long_history_grows_and_reads_back_every_visit_in_order() {
        // Given a qualified opportunity, when it goes back and forth forty times
        Opportunity o = aQualifiedOpportunity();
        for (int i = 0; i < 40; i++) {
            o = inStage(o, i % 2 == 0 ? "needs-analysis" : "initial-contact", 2 + i);
        }

        // Then the history holds every visit, contiguous, only the last open
        List<StageVisit> history = o.history();
        assertThat(history).hasSize(41);
        for (int i = 0; i + 1 < history.size(); i++) {
            assertThat(history.get(i).leftAt()).contains(history.get(i + 1).enteredAt());
        }
        assertThat(history.get(40).leftAt()).isEmpty();
        assertThat(List.copyOf(history)).isEqualTo(history);
    }

    @Test
    void a_moved_opportunity_keeps_every_part_the_move_does_not_change_and_equals_its_rebuilt_copy() {
        // Given a qualified opportunity
        Opportunity base = aQualifiedOpportunity();

        // When it moves
        Opportunity moved = inStage(base, "needs-analysis", 2);

        // Then only the stage parts changed, and a copy built part by part equals it, hash and text included
        assertThat(moved.id()).isEqualTo(base.id());
        assertThat(moved.amount()).isEqualTo(base.amount());
        assertThat(moved.lines()).isEqualTo(base.lines());
        assertThat(moved.team()).isEqualTo(base.team());
        assertThat(moved.activities()).isEqualTo(base.activities());
        assertThat(moved.nextStep()).isEqualTo(base.nextStep());
        assertThat(moved.closeDate()).isEqualTo(base.closeDate());
        assertThat(moved.stageId()).isEqualTo("needs-analysis");
        Opportunity rebuilt = rebuilt(moved, moved.nextStep(), moved.stageId());
        assertThat(rebuilt).isEqualTo(moved).hasSameHashCodeAs(moved);
        assertThat(rebuilt.toString()).isEqualTo(moved.toString()).contains("stageId=needs-analysis");
    }

    @Test
    void opportunities_differing_in_a_shared_part_or_in_a_stage_part_are_not_equal() {
        Opportunity moved = inStage(aQualifiedOpportunity(), "needs-analysis", 2);

        assertThat(rebuilt(moved, moved.nextStep() + " and call back", moved.stageId())).isNotEqualTo(moved);
        assertThat(rebuilt(moved, moved.nextStep(), "proposal")).isNotEqualTo(moved);
        assertThat(moved).isNotEqualTo(inStage(aQualifiedOpportunity(), "needs-analysis", 3));
    }

    private static Opportunity rebuilt(Opportunity o, String nextStep, String stageId) {
        return new Opportunity(o.id(), o.tenant(), o.pipelineId(), o.pipelineVersion(), o.accountId(), o.owner(), o.team(),
                o.currency(), o.lines(), o.amount(), o.expectedCloseDate(), o.closeDateSlips(), stageId, o.status(),
                o.probability(), o.forecastCategory(), nextStep, o.competitor(), List.copyOf(o.history()),
                o.activities(), o.createdAt(), o.closeDate(), o.lossReason(), o.productLine(), o.channel());
    }
}
