package dev.saleskernel.compensation.settlement;

import static dev.saleskernel.compensation.settlement.Ledgers.ANA;
import static dev.saleskernel.compensation.settlement.Ledgers.AT;
import static dev.saleskernel.compensation.settlement.Ledgers.M01;
import static dev.saleskernel.compensation.settlement.Ledgers.M02;
import static dev.saleskernel.compensation.settlement.Ledgers.M03;
import static dev.saleskernel.compensation.settlement.Ledgers.M04;
import static dev.saleskernel.compensation.settlement.Ledgers.earnings;
import static dev.saleskernel.compensation.settlement.Ledgers.ledger;
import static dev.saleskernel.compensation.settlement.Ledgers.settleAndFinalise;
import static dev.saleskernel.compensation.settlement.Ledgers.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.compensation.settlement.LedgerEntries.Cancellation;
import dev.saleskernel.compensation.settlement.SettlementTerms.Clawback;
import dev.saleskernel.compensation.settlement.SettlementTerms.ClawbackMode;
import dev.saleskernel.compensation.settlement.SettlementTerms.Hold;
import dev.saleskernel.compensation.settlement.SettlementTerms.HoldCondition;
import dev.saleskernel.testing.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClawbackAndHoldScenarios {
    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

    /** D1 paid under two components in January and again in February; D2 paid in January. */
    static PayeeLedger paidOverTwoMonths(SettlementTerms terms) {
        PayeeLedger ledger = settleAndFinalise(ledger(terms), earnings(M01)
                .deal("commission", "D1", 1_000_00, JAN_1).deal("commission", "D2", 500_00, JAN_1).attributable("commission")
                .deal("spiff", "D1", 200_00, JAN_1).attributable("spiff").build(), M01);
        return state(ledger.settle(earnings(M02).deal("commission", "D1", 300_00, FEB_1).attributable("commission").build(),
                M02, "run", ANA, AT));
    }

    @Test
    void a_cancellation_inside_the_window_reverses_every_payout_line_of_the_deal_as_negative_lines() {
        PayeeLedger ledger = paidOverTwoMonths(SettlementTerms.payAsEarned());
        assertThat(ledger.dealNetMinor("D1")).isEqualTo(1_500_00);

        var event = Scenario.given(ledger)
                .when(l -> l.clawBack(Cancellation.of("cancel-77", "D1", LocalDate.of(2026, 2, 15)), M02, "order cancelled", ANA, AT))
                .thenSingleEvent(SettlementEvents.DealClawedBack.class);

        assertThat(event.clawedBackMinor()).isEqualTo(1_500_00);
        assertThat(event.lines()).extracting(StatementLine::componentId, StatementLine::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("commission", -1_300_00L),
                        org.assertj.core.groups.Tuple.tuple("spiff", -200_00L));
        assertThat(event.lines().get(0).explanation().inputs())
                .contains(new dev.saleskernel.compensation.Explanation.Input("paid at rate", "0.100000"));
        PayeeLedger after = state(ledger.clawBack(Cancellation.of("cancel-77", "D1", LocalDate.of(2026, 2, 15)), M02, "x", ANA, AT));
        assertThat(after.dealNetMinor("D1")).isZero();
        assertThat(after.dealNetMinor("D2")).isEqualTo(500_00);
        assertThat(after.statement(M01)).isEqualTo(ledger.statement(M01));
    }

    @Test
    void the_same_cancellation_twice_claws_back_once() {
        PayeeLedger once = state(paidOverTwoMonths(SettlementTerms.payAsEarned())
                .clawBack(Cancellation.of("cancel-77", "D1", LocalDate.of(2026, 2, 15)), M02, "cancelled", ANA, AT));

        Scenario.given(once).when(l -> l.clawBack(Cancellation.of("cancel-77", "D1", LocalDate.of(2026, 2, 15)), M03, "again", ANA, AT))
                .thenEvents();
    }

    @Test
    void a_cancellation_after_the_window_or_of_an_unpaid_deal_is_refused() {
        PayeeLedger ledger = paidOverTwoMonths(SettlementTerms.payAsEarned());

        Scenario.given(ledger).when(l -> l.clawBack(Cancellation.of("c-1", "D1", LocalDate.of(2026, 6, 1)), M02, "late", ANA, AT))
                .thenRejected(SettlementRejection.OUTSIDE_CLAWBACK_WINDOW);
        Scenario.given(ledger).when(l -> l.clawBack(Cancellation.of("c-2", "D404", LocalDate.of(2026, 2, 1)), M01, "x", ANA, AT))
                .thenRejected(SettlementRejection.DEAL_NOT_PAID, SettlementRejection.STATEMENT_FINALISED);
        Scenario.given(ledger).when(l -> l.clawBack(Cancellation.of("c-3", "D1", LocalDate.of(2025, 12, 1)), M02, "x", ANA, AT))
                .thenRejected(SettlementRejection.CANCELLED_BEFORE_CREDITED);
    }

    @Test
    void a_prorated_clawback_reverses_the_share_of_the_window_not_yet_elapsed() {
        SettlementTerms terms = SettlementTerms.payAsEarned().withClawback(new Clawback(90, ClawbackMode.PRORATED, true));
        PayeeLedger ledger = settleAndFinalise(ledger(terms),
                earnings(M01).deal("commission", "D1", 900_00, JAN_1).attributable("commission").build(), M01);

        var event = Scenario.given(ledger)
                .when(l -> l.clawBack(Cancellation.of("c-1", "D1", LocalDate.of(2026, 1, 31)), M02, "returned", ANA, AT))
                .thenSingleEvent(SettlementEvents.DealClawedBack.class);

        assertThat(event.clawedBackMinor()).isEqualTo(600_00);
        assertThat(event.reducesAttainment()).isTrue();
        assertThat(event.lines().get(0).explanation().formula()).isEqualTo("−(900.00 × 1 × (90 − 30) ÷ 90) = -600.00");
    }

    @Test
    void a_partial_refund_then_a_cancellation_never_take_back_more_than_was_paid() {
        PayeeLedger ledger = settleAndFinalise(ledger(SettlementTerms.payAsEarned()),
                earnings(M01).deal("commission", "D1", 900_00, JAN_1).attributable("commission").build(), M01);

        PayeeLedger refunded = state(ledger.clawBack(new Cancellation("r-1", "D1", LocalDate.of(2026, 1, 20), new BigDecimal("0.5")),
                M02, "half refunded", ANA, AT));
        PayeeLedger cancelled = state(refunded.clawBack(Cancellation.of("c-1", "D1", LocalDate.of(2026, 1, 25)), M02, "cancelled", ANA, AT));

        assertThat(refunded.dealNetMinor("D1")).isEqualTo(450_00);
        assertThat(cancelled.dealNetMinor("D1")).isZero();
        assertThat(cancelled.statement(M02).get().lines()).extracting(StatementLine::amountMinor).containsExactly(-450_00L, -450_00L);
    }

    @Test
    void a_hold_pays_part_now_and_releases_the_rest_when_the_customer_pays() {
        SettlementTerms terms = SettlementTerms.payAsEarned().withHold(new Hold(new BigDecimal("0.25"), HoldCondition.PAYMENT_RECEIVED));
        PayeeLedger ledger = settleAndFinalise(ledger(terms),
                earnings(M01).commission("commission", "D1", 1_000_00, "D2", 400_00).build(), M01);

        assertThat(ledger.statement(M01).get().lines()).extracting(StatementLine::kind, StatementLine::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.EARNINGS, 1_400_00L),
                        org.assertj.core.groups.Tuple.tuple(LineKind.HOLD, -350_00L));
        assertThat(ledger.outstandingHeldMinor()).isEqualTo(350_00);

        var released = Scenario.given(ledger).when(l -> l.releaseOnPayment("D1", "pay-1", M02, "paid", ANA, AT))
                .thenSingleEvent(SettlementEvents.HoldsReleased.class);
        PayeeLedger after = state(ledger.releaseOnPayment("D1", "pay-1", M02, "paid", ANA, AT));

        assertThat(released.lines()).singleElement().satisfies(line -> assertThat(line.amountMinor()).isEqualTo(250_00));
        assertThat(after.outstandingHeldMinor()).isEqualTo(100_00);
        Scenario.given(after).when(l -> l.releaseOnPayment("D1", "pay-1", M02, "again", ANA, AT)).thenEvents();
    }

    @Test
    void holds_until_the_window_passed_are_released_on_the_day_the_window_ends_not_before() {
        SettlementTerms terms = SettlementTerms.payAsEarned()
                .withHold(new Hold(new BigDecimal("0.2"), HoldCondition.CLAWBACK_WINDOW_PASSED));
        PayeeLedger ledger = settleAndFinalise(ledger(terms),
                earnings(M01).deal("commission", "D1", 1_000_00, JAN_1).attributable("commission").build(), M01);

        Scenario.given(ledger).when(l -> l.releaseMatured(LocalDate.of(2026, 3, 31), M03, "sweep", ANA, AT)).thenEvents();
        PayeeLedger released = state(ledger.releaseMatured(LocalDate.of(2026, 4, 1), M04, "sweep", ANA, AT));

        assertThat(released.outstandingHeldMinor()).isZero();
        assertThat(released.statement(M04).get().totalMinor()).isEqualTo(200_00);
    }

    @Test
    void clawing_back_a_deal_with_amounts_on_hold_releases_them_so_only_what_reached_the_rep_is_taken_back() {
        SettlementTerms terms = SettlementTerms.payAsEarned().withHold(new Hold(new BigDecimal("0.25"), HoldCondition.PAYMENT_RECEIVED));
        PayeeLedger ledger = settleAndFinalise(ledger(terms),
                earnings(M01).deal("commission", "D1", 1_000_00, JAN_1).attributable("commission").build(), M01);

        PayeeLedger after = state(ledger.clawBack(Cancellation.of("c-1", "D1", LocalDate.of(2026, 2, 3)), M02, "cancelled", ANA, AT));

        assertThat(after.statement(M02).get().lines()).extracting(StatementLine::kind, StatementLine::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.CLAWBACK, -1_000_00L),
                        org.assertj.core.groups.Tuple.tuple(LineKind.RELEASE, 250_00L));
        assertThat(after.paidMinor()).isZero();
        assertThat(after.outstandingHeldMinor()).isZero();
        assertThat(after.dealNetMinor("D1")).isZero();
    }

    @Test
    void a_clawed_back_deal_is_not_paid_or_reversed_again_by_a_later_true_up() {
        PayeeLedger ledger = paidOverTwoMonths(SettlementTerms.payAsEarned());
        PayeeLedger clawed = state(ledger.clawBack(Cancellation.of("c-1", "D1", LocalDate.of(2026, 2, 15)), M02, "x", ANA, AT));

        PayeeLedger withDeal = state(clawed.settle(earnings(Ledgers.Q1).commission("commission", "D1", 1_300_00, "D2", 500_00)
                .build(), M03, "quarter", ANA, AT));
        PayeeLedger withoutDeal = state(clawed.settle(earnings(Ledgers.Q1).commission("commission", "D2", 500_00)
                .build(), M03, "quarter", ANA, AT));

        assertThat(withDeal.dealNetMinor("D1")).isZero();
        assertThat(withoutDeal.dealNetMinor("D1")).isZero();
        assertThat(withDeal.statement(M03).get().totalMinor()).isZero();
        assertThat(withoutDeal.statement(M03).get().totalMinor()).isZero();
    }
}
