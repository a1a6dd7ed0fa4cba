package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.analytics.FunnelCut;
import dev.saleskernel.funnel.analytics.FunnelReport;
import dev.saleskernel.money.Money;
import org.junit.jupiter.api.Test;

/** The funnel benchmarks compare like with like only if the baselines compute what the library does. */
class FunnelBaselinesTest {

    @Test
    void the_enum_switch_baseline_and_the_aggregate_accept_the_same_move_into_the_same_state() {
        FunnelTransitionBenchmark benchmark = new FunnelTransitionBenchmark();
        benchmark.historyBefore = 6;
        benchmark.setUp();

        Opportunity moved = ((io.vavr.control.Either<?, dev.saleskernel.shared.Change<Opportunity>>)
                benchmark.library_accepted_move()).get().state();
        var change = ((io.vavr.control.Either<?, dev.saleskernel.shared.Change<Opportunity>>)
                benchmark.library_accepted_move()).get();
        FunnelBaselines.Transition transition =
                (FunnelBaselines.Transition) benchmark.baseline_enum_switch_accepted_move();
        FunnelBaselines.Deal deal = transition.state();

        assertThat(benchmark.opportunity.history()).hasSize(6);
        assertThat(moved.history()).hasSize(deal.history().length).hasSize(7);
        assertThat(moved.stageId()).isEqualTo("quotation");
        assertThat(deal.stage()).isEqualTo(FunnelBaselines.Stage.QUOTATION);
        assertThat(moved.probability().intValueExact()).isEqualTo(deal.probability());
        assertThat(moved.history().get(5).leftAt().orElseThrow()).isEqualTo(deal.history()[5].leftAt());
        assertThat(moved.history().get(5).leftBy().orElseThrow()).isEqualTo(deal.history()[5].leftBy());
        assertThat(moved.history().get(6).leftAt()).isEmpty();
        assertThat(deal.history()[6].leftAt()).isNull();
        var event = (dev.saleskernel.funnel.OpportunityEvents.StageAdvanced) change.events().get(0);
        assertThat(change.events()).hasSize(1);
        assertThat(event.fromStage()).isEqualTo("proposal");
        assertThat(transition.event().from()).isEqualTo(FunnelBaselines.Stage.PROPOSAL);
        assertThat(event.toStage()).isEqualTo("quotation");
        assertThat(transition.event().to()).isEqualTo(FunnelBaselines.Stage.QUOTATION);
        assertThat(event.direction().name()).isEqualTo(transition.event().direction().name());
        assertThat(event.actor()).isEqualTo(transition.event().actor());
        assertThat(event.occurredAt()).isEqualTo(transition.event().at());
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
