package dev.saleskernel.compensation.settlement;

import static dev.saleskernel.compensation.settlement.Ledgers.ANA;
import static dev.saleskernel.compensation.settlement.Ledgers.AT;
import static dev.saleskernel.compensation.settlement.Ledgers.M01;
import static dev.saleskernel.compensation.settlement.Ledgers.M02;
import static dev.saleskernel.compensation.settlement.Ledgers.M03;
import static dev.saleskernel.compensation.settlement.Ledgers.M04;
import static dev.saleskernel.compensation.settlement.Ledgers.Q1;
import static dev.saleskernel.compensation.settlement.Ledgers.ledger;
import static dev.saleskernel.compensation.settlement.Ledgers.settleAndFinalise;
import static dev.saleskernel.compensation.settlement.Ledgers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.settlement.LedgerEntries.Cancellation;
import dev.saleskernel.compensation.settlement.SettlementTerms.Advances;
import dev.saleskernel.compensation.settlement.SettlementTerms.Clawback;
import dev.saleskernel.compensation.settlement.SettlementTerms.ClawbackMode;
import dev.saleskernel.compensation.settlement.SettlementTerms.Hold;
import dev.saleskernel.compensation.settlement.SettlementTerms.HoldCondition;
import dev.saleskernel.period.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Settlement invariants on random histories: months, a quarter true-up, recomputes, holds, advances. */
class SettlementProperties {
    static final List<String> DEALS = List.of("D1", "D2", "D3", "D4", "D5");
    static final List<String> RATES = List.of("0.5", "0.8", "0.333333", "1");

    static SettlementTerms randomTerms(Random random, ClawbackMode mode) {
        SettlementTerms terms = SettlementTerms.payAsEarned().withClawback(new Clawback(30 + random.nextInt(200), mode, false));
        if (random.nextBoolean()) {
            terms = terms.withAdvances(new Advances(new BigDecimal(RATES.get(random.nextInt(RATES.size())))));
        }
        if (random.nextBoolean()) {
            terms = terms.withHold(new Hold(new BigDecimal("0.0" + (1 + random.nextInt(9)) + "7"), HoldCondition.PAYMENT_RECEIVED));
        }
        return terms;
    }

    static PeriodEarnings randomEarnings(Random random, Period period) {
        Ledgers.Earnings earnings = Ledgers.earnings(period);
        for (String component : List.of("commission", "spiff")) {
            int deals = random.nextInt(4);
            for (int i = 0; i < deals; i++) {
                earnings.deal(component, DEALS.get(random.nextInt(DEALS.size())), 1 + random.nextInt(2_000_000_000),
                        period.start().plusDays(random.nextInt(28)));
            }
            earnings.attributable(component);
        }
        if (random.nextBoolean()) {
            earnings.bonus("bonus", random.nextInt(1_000_000));
        }
        return earnings.build();
    }

    /** Three months (some finalised), sometimes a recompute of January, then the quarter; pay periods up to March. */
    static PayeeLedger randomHistory(Random random, SettlementTerms terms) {
        PayeeLedger ledger = ledger(terms);
        for (Period month : List.of(M01, M02, M03)) {
            PeriodEarnings earnings = randomEarnings(random, month);
            ledger = month != M03 && random.nextBoolean() ? settleAndFinalise(ledger, earnings, month)
                    : state(ledger.settle(earnings, month, "run", ANA, AT));
        }
        if (random.nextBoolean()) {
            ledger = state(ledger.settle(randomEarnings(random, M01), M03, "recompute", ANA, AT));
        }
        if (random.nextBoolean()) {
            ledger = state(ledger.settle(randomEarnings(random, Q1), M03, "quarter", ANA, AT));
        }
        return ledger;
    }

    static long settledEarnings(PayeeLedger ledger) {
        return ledger.statements().stream().flatMap(s -> s.lines().stream()).filter(l -> l.kind().settlesEarnings())
                .mapToLong(StatementLine::amountMinor).sum();
    }

    @Test
    void a_full_clawback_of_a_paid_deal_brings_the_deals_net_to_exactly_zero() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            PayeeLedger ledger = randomHistory(random, randomTerms(random, ClawbackMode.FULL)
                    .withClawback(new Clawback(120, ClawbackMode.FULL, false)));
            for (String deal : DEALS) {
                if (ledger.dealNetMinor(deal) > 0) {
                    PayeeLedger after = state(ledger.clawBack(Cancellation.of("c-" + deal, deal, LocalDate.of(2026, 3, 31)),
                            M04, "cancelled", ANA, AT));
                    assertThat(after.dealNetMinor(deal)).as("net of %s", deal).isZero();
                    ledger = after;
                }
            }
        });
    }

    @Test
    void a_partial_or_prorated_clawback_never_takes_back_more_than_the_deal_was_paid() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            PayeeLedger ledger = randomHistory(random, randomTerms(random, random.nextBoolean() ? ClawbackMode.PRORATED
                    : ClawbackMode.FULL));
            for (String deal : DEALS) {
                long paid = ledger.dealNetMinor(deal);
                if (paid <= 0) {
                    continue;
                }
                for (int refund = 0; refund < 3; refund++) {
                    BigDecimal share = BigDecimal.valueOf(1 + random.nextInt(1_000_000), 6);
                    var result = ledger.clawBack(new Cancellation("r-" + deal + refund, deal,
                            LocalDate.of(2026, 3, 1 + random.nextInt(31)), share), M04, "refund", ANA, AT);
                    if (result.isRight()) {
                        ledger = result.get().state();
                    }
                    assertThat(ledger.dealNetMinor(deal)).isBetween(0L, paid);
                }
            }
        });
    }

    @Test
    void settling_the_same_earnings_twice_changes_nothing_the_second_time() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            PayeeLedger ledger = randomHistory(random, randomTerms(random, ClawbackMode.FULL));
            PeriodEarnings again = randomEarnings(random, random.nextBoolean() ? M01 : Q1);

            PayeeLedger once = state(ledger.settle(again, M04, "recompute", ANA, AT));
            var twice = once.settle(again, M04, "recompute again", ANA, AT);

            assertThat(twice.get().changedNothing()).isTrue();
            assertThat(twice.get().state()).isEqualTo(once);
        });
    }

    @Test
    void after_the_quarter_is_trued_up_everything_settled_for_it_equals_the_quarters_earnings_to_the_minor_unit() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            PayeeLedger ledger = randomHistory(random, randomTerms(random, ClawbackMode.FULL));
            PeriodEarnings quarter = randomEarnings(random, Q1);

            PayeeLedger trued = state(ledger.settle(quarter, M04, "quarter close", ANA, AT));

            assertThat(settledEarnings(trued)).isEqualTo(quarter.totalMinor());
        });
    }

    @Test
    void held_plus_released_plus_paid_conserves_the_earned_amount() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            SettlementTerms terms = randomTerms(random, ClawbackMode.FULL)
                    .withHold(new Hold(BigDecimal.valueOf(random.nextInt(1_000_001), 6), HoldCondition.PAYMENT_RECEIVED));
            PayeeLedger ledger = randomHistory(random, terms);
            long earned = settledEarnings(ledger);
            long heldEver = ledger.holds().stream().mapToLong(LedgerEntries.HeldAmount::amountMinor).sum();

            assertThat(ledger.paidMinor() + ledger.outstandingHeldMinor()).isEqualTo(earned);
            for (String deal : DEALS) {
                if (random.nextBoolean()) {
                    ledger = state(ledger.releaseOnPayment(deal, "pay-" + deal, M04, "paid", ANA, AT));
                }
                long released = ledger.holds().stream().filter(h -> !h.outstanding())
                        .mapToLong(LedgerEntries.HeldAmount::amountMinor).sum();
                assertThat(ledger.outstandingHeldMinor() + released).isEqualTo(heldEver);
                assertThat(ledger.paidMinor() + ledger.outstandingHeldMinor()).isEqualTo(earned);
            }
            for (String deal : DEALS) {
                ledger = state(ledger.releaseOnPayment(deal, "pay-all-" + deal, M04, "paid", ANA, AT));
            }
            assertThat(ledger.paidMinor()).isEqualTo(earned);
        });
    }
}
