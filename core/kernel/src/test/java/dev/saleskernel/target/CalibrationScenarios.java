package dev.saleskernel.target;

import static dev.saleskernel.target.Plans.ALICE;
import static dev.saleskernel.target.Plans.AT;
import static dev.saleskernel.target.Plans.BOB;
import static dev.saleskernel.target.Plans.aPlan;
import static dev.saleskernel.target.Plans.amount;
import static dev.saleskernel.target.Plans.assertSumsHold;
import static dev.saleskernel.target.Plans.children;
import static dev.saleskernel.target.Plans.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.testing.Scenario;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalibrationScenarios {
    /** company 1000 → east 500 (e1 250, e2 250), west 500; commitments e1 300, e2 330, west 400. */
    private static TargetPlan calibrating() {
        TargetPlan plan = ok(aPlan(1000).split("company", Dimension.REGION, children("east", "west"), new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.split("company/east", Dimension.ORG, children("e1", "e2"), new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.submitCommitment("company/east/e1", 300, BOB, AT));
        plan = ok(plan.submitCommitment("company/east/e2", 330, BOB, AT));
        return ok(plan.submitCommitment("company/west", 400, BOB, AT));
    }

    @Test
    void the_gap_report_rolls_submissions_up_and_shows_top_down_minus_bottom_up_per_node() {
        TargetPlan plan = calibrating();

        assertThat(plan.gaps()).extracting(g -> g.nodeId() + " " + g.topDown() + " " + g.bottomUp().orElse(null) + " " + g.gap().orElse(null))
                .containsExactly("company 1000 1030 -30", "company/east 500 630 -130", "company/west 500 400 100",
                        "company/east/e1 250 300 -50", "company/east/e2 250 330 -80");
    }

    @Test
    void scale_shares_the_top_down_total_by_the_bottom_up_proportions_exactly() {
        TargetPlan scaled = ok(calibrating().reconcile("company", new Reconciliation.ScaleToTopDown(), "round 1", ALICE, AT));

        assertThat(amount(scaled, "company")).isEqualTo(1000);
        assertThat(amount(scaled, "company/east")).isEqualTo(612);
        assertThat(amount(scaled, "company/west")).isEqualTo(388);
        assertSumsHold(scaled);
        assertThat(scaled.changeLog()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("reconcile:scale");
            assertThat(e.reason()).isEqualTo("round 1");
        });
    }

    @Test
    void accept_bottom_up_takes_the_commitments_and_moves_the_ancestors_by_the_difference() {
        TargetPlan accepted = ok(calibrating().reconcile("company/east", new Reconciliation.AcceptBottomUp(), "east knows best", ALICE, AT));

        assertThat(amount(accepted, "company/east/e1")).isEqualTo(300);
        assertThat(amount(accepted, "company/east/e2")).isEqualTo(330);
        assertThat(amount(accepted, "company/east")).isEqualTo(630);
        assertThat(amount(accepted, "company")).isEqualTo(1130);
        assertSumsHold(accepted);
    }

    @Test
    void blend_weighs_bottom_up_against_top_down() {
        TargetPlan blended = ok(calibrating().reconcile("company/east", new Reconciliation.Blend(new BigDecimal("0.5")), "meet halfway",
                ALICE, AT));

        assertThat(amount(blended, "company/east/e1")).isEqualTo(275);
        assertThat(amount(blended, "company/east/e2")).isEqualTo(290);
        assertThat(amount(blended, "company/east")).isEqualTo(565);
        assertThat(amount(blended, "company")).isEqualTo(1065);
    }

    @Test
    void keep_top_down_changes_no_amount_but_is_recorded() {
        TargetPlan kept = ok(calibrating().reconcile("company", new Reconciliation.KeepTopDown(), "board decision", ALICE, AT));

        assertThat(kept.nodes()).extracting(TargetNode::amount).isEqualTo(calibrating().nodes().stream().map(TargetNode::amount).toList());
        assertThat(kept.changeLog()).last().extracting(ChangeLogEntry::action).isEqualTo("reconcile:keep-top-down");
    }

    @Test
    void reconciliation_without_every_child_s_figure_or_through_a_locked_ancestor_is_refused() {
        TargetPlan plan = ok(aPlan(1000).split("company", Dimension.REGION, children("a", "b"), new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.split("company/a", Dimension.ORG, children("a1", "a2"), new Strategy.Equal(), ALICE, AT));
        plan = ok(plan.setAmount("company/a", 600, "lock", ALICE, AT));
        plan = ok(plan.submitCommitment("company/a/a1", 500, BOB, AT));

        Scenario.given(plan).when(p -> p.reconcile("company/a", new Reconciliation.AcceptBottomUp(), "x", ALICE, AT))
                .thenRejected(TargetRejection.SUBMISSION_MISSING);
        TargetPlan both = ok(plan.submitCommitment("company/a/a2", 200, BOB, AT));
        Scenario.given(both).when(p -> p.reconcile("company/a", new Reconciliation.AcceptBottomUp(), "x", ALICE, AT))
                .thenRejected(TargetRejection.ANCESTOR_LOCKED);
        Scenario.given(both).when(p -> p.reconcile("company/a", new Reconciliation.Blend(new BigDecimal("1.5")), "", ALICE, AT))
                .thenRejected(TargetRejection.BLEND_WEIGHT_OUT_OF_RANGE, dev.saleskernel.shared.SharedRejection.REQUIRED);
        assertThat(both.bottomUp("company")).isEqualTo(Optional.of(700L));
    }
}
