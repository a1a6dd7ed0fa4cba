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
}
