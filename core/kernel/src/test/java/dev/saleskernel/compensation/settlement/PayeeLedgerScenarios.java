package dev.saleskernel.compensation.settlement;

import static dev.saleskernel.compensation.settlement.Ledgers.ANA;
import static dev.saleskernel.compensation.settlement.Ledgers.AT;
import static dev.saleskernel.compensation.settlement.Ledgers.BEN;
import static dev.saleskernel.compensation.settlement.Ledgers.CNY;
import static dev.saleskernel.compensation.settlement.Ledgers.FY2026;
import static dev.saleskernel.compensation.settlement.Ledgers.M01;
import static dev.saleskernel.compensation.settlement.Ledgers.M02;
import static dev.saleskernel.compensation.settlement.Ledgers.M03;
import static dev.saleskernel.compensation.settlement.Ledgers.Q1;
import static dev.saleskernel.compensation.settlement.Ledgers.earnings;
import static dev.saleskernel.compensation.settlement.Ledgers.ledger;
import static dev.saleskernel.compensation.settlement.Ledgers.settleAndFinalise;
import static dev.saleskernel.compensation.settlement.Ledgers.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.settlement.SettlementTerms.Advances;
import dev.saleskernel.compensation.settlement.SettlementTerms.Draw;
import dev.saleskernel.compensation.settlement.SettlementTerms.DrawKind;
import dev.saleskernel.compensation.settlement.SettlementTerms.YearEndPolicy;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.testing.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayeeLedgerScenarios {

    static SettlementTerms drawOf(DrawKind kind) {
        return SettlementTerms.payAsEarned().withDraw(new Draw(kind, new BigDecimal("1500.00"), YearEndPolicy.FORGIVE));
    }

    @Test
    void a_recoverable_draw_tops_up_a_weak_month_and_is_repaid_from_the_next_months_excess() {
        PayeeLedger ledger = ledger(drawOf(DrawKind.RECOVERABLE));

        PayeeLedger january = settleAndFinalise(ledger, earnings(M01).bonus("commission", 500_00).build(), M01);

        assertThat(january.statement(M01).get().totalMinor()).isEqualTo(1_500_00);
        assertThat(january.drawBalanceMinor()).isEqualTo(-1_000_00);

        PayeeLedger february = settleAndFinalise(january, earnings(M02).bonus("commission", 3_000_00).build(), M02);

        Statement statement = february.statement(M02).get();
        assertThat(statement.totalMinor()).isEqualTo(2_000_00);
        assertThat(statement.lines()).extracting(StatementLine::kind).containsExactly(LineKind.EARNINGS, LineKind.DRAW_RECOVERY);
        assertThat(statement.lines().get(1).amountMinor()).isEqualTo(-1_000_00);
        assertThat(february.drawBalanceMinor()).isZero();
    }

    @Test
    void a_non_recoverable_draw_forgives_the_shortfall_at_once() {
        PayeeLedger january = settleAndFinalise(ledger(drawOf(DrawKind.NON_RECOVERABLE)),
                earnings(M01).bonus("commission", 500_00).build(), M01);
        PayeeLedger february = settleAndFinalise(january, earnings(M02).bonus("commission", 3_000_00).build(), M02);

        assertThat(january.statement(M01).get().totalMinor()).isEqualTo(1_500_00);
        assertThat(january.drawBalanceMinor()).isZero();
        assertThat(january.forgivenMinor()).isEqualTo(1_000_00);
        assertThat(february.statement(M02).get().totalMinor()).isEqualTo(3_000_00);
    }

    @Test
    void closing_the_year_forgives_or_carries_forward_an_outstanding_recoverable_balance_as_the_terms_say() {
        PayeeLedger forgiving = settleAndFinalise(ledger(drawOf(DrawKind.RECOVERABLE)),
                earnings(M01).bonus("commission", 500_00).build(), M01);
        PayeeLedger carrying = settleAndFinalise(ledger(SettlementTerms.payAsEarned().withDraw(
                new Draw(DrawKind.RECOVERABLE, new BigDecimal("1500.00"), YearEndPolicy.CARRY_FORWARD))),
                earnings(M01).bonus("commission", 500_00).build(), M01);

        var forgiven = Scenario.given(forgiving).when(l -> l.closeYear("year end", BEN, AT))
                .thenSingleEvent(SettlementEvents.PlanYearClosed.class);
        var carried = Scenario.given(carrying).when(l -> l.closeYear("year end", BEN, AT))
                .thenSingleEvent(SettlementEvents.PlanYearClosed.class);

        assertThat(forgiven.forgivenMinor()).isEqualTo(1_000_00);
        assertThat(carried.carriedForwardMinor()).isEqualTo(1_000_00);
        assertThat(state(carrying.closeYear("year end", BEN, AT)).drawBalanceMinor()).isEqualTo(-1_000_00);
        Scenario.given(state(forgiving.closeYear("year end", BEN, AT)))
                .when(l -> l.settle(earnings(M02).bonus("commission", 1).build(), M02, "late", ANA, AT))
                .thenRejected(SettlementRejection.YEAR_CLOSED);
    }

    @Test
    void a_full_quarter_pays_monthly_advances_and_trues_up_the_quarter_result_in_its_last_month() {
        PayeeLedger ledger = ledger(SettlementTerms.payAsEarned().withAdvances(new Advances(new BigDecimal("0.80"))));

        ledger = settleAndFinalise(ledger, earnings(M01).commission("commission", "D1", 2_000_00, "D2", 1_000_00).build(), M01);
        ledger = settleAndFinalise(ledger, earnings(M02).commission("commission", "D3", 4_000_00).build(), M02);
        ledger = state(ledger.settle(earnings(M03).commission("commission", "D4", 2_000_00).build(), M03, "monthly run", ANA, AT));
        ledger = state(ledger.settle(earnings(Q1).commission("commission", "D1", 2_000_00, "D2", 1_000_00, "D3", 4_000_00,
                "D4", 3_000_00).build(), M03, "quarter close", ANA, AT));

        assertThat(ledger.statement(M01).get().totalMinor()).isEqualTo(2_400_00);
        assertThat(ledger.statement(M02).get().totalMinor()).isEqualTo(3_200_00);
        Statement march = ledger.statement(M03).get();
        assertThat(march.lines()).extracting(StatementLine::kind).containsExactly(LineKind.ADVANCE, LineKind.TRUE_UP);
        assertThat(march.lines()).extracting(StatementLine::amountMinor).containsExactly(1_600_00L, 2_800_00L);
        StatementLine trueUp = march.lines().get(1);
        assertThat(trueUp.forPeriod()).isEqualTo("FY2026-Q1");
        assertThat(trueUp.explanation().formula()).isEqualTo("Σ deal payouts = 10000.00 − 7200.00 already settled = 2800.00");
        assertThat(trueUp.explanation().inputs()).contains(new Explanation.Input("plan version", "1"));
        assertThat(ledger.paidMinor()).isEqualTo(10_000_00);
        assertThat(ledger.dealNetMinor("D4")).isEqualTo(3_000_00);
    }

    @Test
    void an_annual_component_is_deferred_on_months_and_settled_on_the_year() {
        PayeeLedger ledger = ledger(SettlementTerms.payAsEarned().withAnnualComponents(Set.of("annual-bonus")));

        ledger = state(ledger.settle(earnings(M01).bonus("annual-bonus", 900_00).build(), M01, "run", ANA, AT));
        assertThat(ledger.statement(M01).get().lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.DEFERRED);
            assertThat(line.amountMinor()).isZero();
        });

        ledger = state(ledger.settle(earnings(FY2026).bonus("annual-bonus", 12_000_00).build(), M03, "year end", ANA, AT));

        assertThat(ledger.statement(M03).get().lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.TRUE_UP);
            assertThat(line.amountMinor()).isEqualTo(12_000_00);
        });
    }

    @Test
    void new_earnings_for_a_finalised_month_land_as_an_adjustment_in_the_open_month_and_twice_change_nothing() {
        PayeeLedger ledger = ledger(SettlementTerms.payAsEarned().withAdvances(new Advances(new BigDecimal("0.80"))));
        ledger = settleAndFinalise(ledger, earnings(M01).commission("commission", "D1", 2_000_00, "D2", 1_000_00).build(), M01);
        Statement january = ledger.statement(M01).get();
        PeriodEarnings recomputed = earnings(M01).version(2).commission("commission", "D1", 2_500_00, "D2", 1_000_00).build();

        PayeeLedger adjusted = state(ledger.settle(recomputed, M02, "credit corrected", ANA, AT));

        assertThat(adjusted.statement(M01).get()).isEqualTo(january);
        assertThat(adjusted.statement(M02).get().lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.RECOMPUTE_ADJUSTMENT);
            assertThat(line.forPeriod()).isEqualTo("FY2026-M01");
            assertThat(line.amountMinor()).isEqualTo(400_00);
            assertThat(line.planVersion()).isEqualTo(2);
        });
        Scenario.given(adjusted).when(l -> l.settle(recomputed, M02, "again", ANA, AT)).thenEvents();
    }

    @Test
    void earnings_for_another_ledger_are_refused_with_every_reason_and_change_nothing() {
        PeriodEarnings foreign = new PeriodEarnings("rep-zhao", Period.custom("promo", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 10)), Currency.getInstance("USD"), "plan-x", 1,
                List.of(new PeriodEarnings.ComponentEarning("commission", "flat", 100, true,
                        new Explanation("flat", "x", List.of()))),
                List.of(new PeriodEarnings.DealPayout("D1", "commission", 90, Optional.empty(), LocalDate.of(2026, 1, 2))));

        var rejected = Scenario.given(ledger(SettlementTerms.payAsEarned()))
                .when(l -> l.settle(foreign, M01, "run", ANA, AT))
                .thenRejected(SettlementRejection.EARNINGS_FOR_ANOTHER_LEDGER, SettlementRejection.EARNINGS_FOR_ANOTHER_LEDGER,
                        SettlementRejection.EARNINGS_FOR_ANOTHER_LEDGER, SettlementRejection.PERIOD_NOT_SETTLEABLE,
                        SettlementRejection.EARNINGS_INCONSISTENT);
        assertThat(rejected.reasons()).extracting(r -> r.field())
                .containsExactly("participantId", "planId", "currency", "period", "components[0].amountMinor");
    }

    @Test
    void a_finalised_statement_takes_no_new_line_and_its_proposer_cannot_approve_it() {
        PayeeLedger finalised = settleAndFinalise(ledger(SettlementTerms.payAsEarned()),
                earnings(M01).bonus("commission", 500_00).build(), M01);
        PayeeLedger proposed = state(state(ledger(SettlementTerms.payAsEarned())
                .settle(earnings(M01).bonus("commission", 500_00).build(), M01, "run", ANA, AT))
                .proposeFinalisation(M01, "checked", ANA, AT));

        Scenario.given(finalised).when(l -> l.settle(earnings(M01).bonus("commission", 600_00).build(), M01, "fix", ANA, AT))
                .thenRejected(SettlementRejection.STATEMENT_FINALISED);
        Scenario.given(proposed).when(l -> l.approveFinalisation(M01, ANA, AT))
                .thenRejected(SharedRejection.PROPOSER_CANNOT_APPROVE);
        Scenario.given(proposed).when(l -> l.settle(earnings(M01).bonus("commission", 600_00).build(), M01, "fix", ANA, AT))
                .thenRejected(SettlementRejection.STATEMENT_AWAITING_APPROVAL);
        assertThat(finalised.statement(M01).get().status()).isEqualTo(StatementStatus.FINALISED);
        assertThat(finalised.statement(M01).get().finalisedBy()).contains(BEN);
    }

    @Test
    void a_manual_adjustment_needs_somebody_else_to_approve_it_and_then_lands_as_a_line() {
        PayeeLedger proposed = state(ledger(SettlementTerms.payAsEarned())
                .proposeAdjustment(M02, "commission", 123_45, "missed split on deal D9", ANA, AT));

        Scenario.given(proposed).when(l -> l.approveAdjustment("ADJ-1", M02, ANA, AT))
                .thenRejected(SharedRejection.PROPOSER_CANNOT_APPROVE);
        PayeeLedger approved = state(proposed.approveAdjustment("ADJ-1", M02, BEN, AT));

        assertThat(approved.pendingAdjustments()).isEmpty();
        assertThat(approved.statement(M02).get().lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.MANUAL_ADJUSTMENT);
            assertThat(line.amountMinor()).isEqualTo(123_45);
            assertThat(line.explanation().inputs()).contains(new Explanation.Input("reason", "missed split on deal D9"),
                    new Explanation.Input("approved by", "ben.finance"));
        });
        Scenario.given(ledger(SettlementTerms.payAsEarned()))
                .when(l -> l.proposeAdjustment(M02, " ", 0, "", ANA, AT))
                .thenRejected(SharedRejection.NOT_ALLOWED, SharedRejection.REQUIRED, SharedRejection.REQUIRED);
    }

    @Test
    void a_dispute_is_recorded_against_a_finalised_line_and_resolved_without_editing_the_statement() {
        PayeeLedger finalised = settleAndFinalise(ledger(SettlementTerms.payAsEarned()),
                earnings(M01).bonus("commission", 500_00).build(), M01);

        PayeeLedger disputed = state(finalised.raiseDispute(M01, 1, "my split on D7 is missing", ANA, AT));
        PayeeLedger resolved = state(disputed.resolveDispute("D-1", "split added in February as ADJ-2", BEN, AT));

        assertThat(resolved.statement(M01)).isEqualTo(finalised.statement(M01));
        assertThat(resolved.disputes()).singleElement().satisfies(d -> {
            assertThat(d.lineNumber()).isEqualTo(1);
            assertThat(d.resolution()).contains("split added in February as ADJ-2");
            assertThat(d.resolvedBy()).contains(BEN);
        });
        Scenario.given(finalised).when(l -> l.raiseDispute(M01, 7, "", ANA, AT))
                .thenRejected(SettlementRejection.LINE_NOT_FOUND, SharedRejection.REQUIRED);
        Scenario.given(resolved).when(l -> l.resolveDispute("D-1", "again", BEN, AT))
                .thenRejected(SettlementRejection.DISPUTE_NOT_OPEN);
    }

    @Test
    void opening_a_ledger_with_bad_terms_names_every_broken_term_by_its_path() {
        SettlementTerms bad = new SettlementTerms(Optional.of(new Advances(new BigDecimal("1.5"))), Set.of(),
                Optional.of(new Draw(DrawKind.RECOVERABLE, new BigDecimal("10.001"), YearEndPolicy.FORGIVE)),
                Optional.of(new SettlementTerms.Hold(new BigDecimal("-0.1"), SettlementTerms.HoldCondition.PAYMENT_RECEIVED)),
                new SettlementTerms.Clawback(0, SettlementTerms.ClawbackMode.FULL, false));

        var rejected = PayeeLedger.open("rep-li", "plan-2026", Ledgers.Q1, CNY, bad, 1, "x", ANA, AT).getLeft();

        assertThat(rejected.reasons()).extracting(r -> r.field()).containsExactly("planYear", "openingDrawBalance",
                "settlement.advances.rate", "settlement.draw.amount", "settlement.hold.share", "settlement.clawback.windowDays");
    }
}
