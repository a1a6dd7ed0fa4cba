package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityEvents.StageAdvanced;
import dev.saleskernel.funnel.StageVisit;
import dev.saleskernel.shared.Change;
import java.util.ArrayList;
import java.util.List;
import dev.saleskernel.funnel.analytics.FunnelCut;
import dev.saleskernel.funnel.analytics.FunnelReport;
import dev.saleskernel.money.Money;
import org.junit.jupiter.api.Test;

/** The funnel benchmarks compare like with like only if the baselines compute what the library does. */
class FunnelBaselinesTest {

    @Test
    void the_enum_switch_baseline_and_the_aggregate_make_the_same_chain_of_moves_into_the_same_states() {
        FunnelTransitionBenchmark benchmark = new FunnelTransitionBenchmark();
        benchmark.historyBefore = 6;
        benchmark.setUp();
        List<Integer> historySizes = new ArrayList<>();

        for (int step = 0; step < 2 * FunnelTransitionBenchmark.CHAIN + 1; step++) {
            Change<Opportunity> change = benchmark.library_chained_move().get();
            FunnelBaselines.Transition transition = benchmark.baseline_enum_switch_chained_move();
            Opportunity moved = change.state();
            FunnelBaselines.Deal deal = transition.state();

            historySizes.add(moved.history().size());
            assertThat(moved.history()).hasSize(deal.history().length);
            assertThat(FunnelBaselines.SEEDS.indexOf(moved.stageId())).isEqualTo(deal.stage().ordinal());
            assertThat(moved.probability().intValueExact()).isEqualTo(deal.probability());
            for (int i = 0; i < deal.history().length; i++) {
                StageVisit visit = moved.history().get(i);
                FunnelBaselines.Visit expected = deal.history()[i];
                assertThat(FunnelBaselines.SEEDS.indexOf(visit.stageId())).isEqualTo(expected.stage().ordinal());
                assertThat(visit.enteredAt()).isEqualTo(expected.enteredAt());
                assertThat(visit.leftAt().orElse(null)).isEqualTo(expected.leftAt());
                assertThat(visit.leftBy().orElse(null)).isEqualTo(expected.leftBy());
            }
            StageAdvanced event = (StageAdvanced) change.events().get(0);
            assertThat(change.events()).hasSize(1);
            assertThat(FunnelBaselines.SEEDS.indexOf(event.fromStage())).isEqualTo(transition.event().from().ordinal());
            assertThat(FunnelBaselines.SEEDS.indexOf(event.toStage())).isEqualTo(transition.event().to().ordinal());
            assertThat(event.direction().name()).isEqualTo(transition.event().direction().name());
            assertThat(event.actor()).isEqualTo(transition.event().actor());
            assertThat(event.occurredAt()).isEqualTo(transition.event().at());
        }
        assertThat(historySizes).containsExactly(7, 8, 9, 10, 11, 12, 7, 8, 9, 10, 11, 12, 7);
        assertThat(benchmark.opportunity.history()).hasSize(6);
    }

    @Test
    void the_enum_switch_baseline_refuses_what_the_aggregate_refuses() {
        Opportunity o = FunnelBaselines.opportunityInProposal(0);
        FunnelBaselines.Deal deal = FunnelBaselines.dealInProposal(o);
        FunnelBaselines.Deal withoutNextStep = new FunnelBaselines.Deal(deal.id(), deal.pipelineVersion(), deal.stage(),
                deal.amountMinor(),
                deal.expectedClose(), "", deal.lineCount(), deal.hasVisit(), deal.probability(), deal.history());
        Opportunity withoutStep = o.setNextStep("", FunnelBaselines.REP, FunnelTransitionBenchmark.AT).get().state();

        assertThat(FunnelBaselines.move(withoutNextStep, 1, FunnelBaselines.Stage.NEGOTIATION, false, FunnelBaselines.REP,
                FunnelTransitionBenchmark.AT)).isEqualTo("nextStep");
        assertThat(withoutStep.move(FunnelBaselines.SEEDS, "negotiation", dev.saleskernel.funnel.MoveInput.NONE,
                dev.saleskernel.funnel.StageRoles.nobody(), FunnelBaselines.REP, FunnelTransitionBenchmark.AT)
                .getLeft().codes()).containsExactly("funnel/FIELD_REQUIRED");
    }

    @Test
    void the_plain_loop_baseline_and_the_library_report_the_same_headline_figures() {
        FunnelBaselines.Generated generated = FunnelBaselines.randomFunnel(20_000, 7);

        FunnelReport report = FunnelReport.of(generated.data(), FunnelCut.all(),
                new FunnelReport.Options(FunnelReportBenchmark.AS_OF, 1, 2));
        FunnelBaselines.Headline baseline = FunnelBaselines.report(generated.columns(), FunnelReportBenchmark.AS_OF, 1);

        for (int s = 0; s < baseline.reached().length; s++) {
            assertThat(report.reached(s)).isEqualTo(baseline.reached()[s]);
        }
        assertThat(report.weightedPipeline()).isEqualTo(Money.ofMinor(baseline.weightedMinor(), FunnelBaselines.CNY));
        assertThat(report.openPipeline()).isEqualTo(Money.ofMinor(baseline.openPipelineMinor(), FunnelBaselines.CNY));
        assertThat(report.velocityPerDay()).contains(Money.ofMinor(baseline.velocityMinor(), FunnelBaselines.CNY));
        assertThat(report.stalledCount()).isEqualTo(baseline.stalled()).isPositive();
        assertThat(report.cohort()).isEqualTo(20_000);
    }
}
