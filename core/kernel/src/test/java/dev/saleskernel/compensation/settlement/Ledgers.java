package dev.saleskernel.compensation.settlement;

import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.PeriodEarnings.ComponentEarning;
import dev.saleskernel.compensation.PeriodEarnings.DealPayout;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Test data for settlement: a calendar-year FY2026 ledger in CNY and an earnings builder. */
final class Ledgers {
    static final Currency CNY = Currency.getInstance("CNY");
    static final FiscalCalendar CALENDAR = FiscalCalendar.CALENDAR_YEAR;
    static final Period FY2026 = CALENDAR.year(2026);
    static final Period M01 = CALENDAR.month(2026, 1);
    static final Period M02 = CALENDAR.month(2026, 2);
    static final Period M03 = CALENDAR.month(2026, 3);
    static final Period M04 = CALENDAR.month(2026, 4);
    static final Period Q1 = CALENDAR.quarter(2026, 1);
    static final ActorId ANA = ActorId.of("ana.ops");
    static final ActorId BEN = ActorId.of("ben.finance");
    static final Instant AT = Instant.parse("2026-04-02T09:00:00Z");

    private Ledgers() {
    }

    static PayeeLedger ledger(SettlementTerms terms) {
        return PayeeLedger.open("rep-li", "plan-2026", FY2026, CNY, terms, 0, "plan year starts", ANA, AT).get().state();
    }

    static <A> A state(Either<Rejected, Change<A>> result) {
        if (result.isLeft()) {
            throw new AssertionError("refused: " + result.getLeft());
        }
        return result.get().state();
    }

    /** Settles, proposes (ana) and approves (ben) a statement. */
    static PayeeLedger settleAndFinalise(PayeeLedger ledger, PeriodEarnings earnings, Period payPeriod) {
        PayeeLedger settled = state(ledger.settle(earnings, payPeriod, "monthly run", ANA, AT));
        PayeeLedger proposed = state(settled.proposeFinalisation(payPeriod, "checked", ANA, AT));
        return state(proposed.approveFinalisation(payPeriod, BEN, AT));
    }

    static Earnings earnings(Period period) {
        return new Earnings(period);
    }

    /** Builds {@link PeriodEarnings}; deal-attributable components are the sum of their deals. */
    static final class Earnings {
        private final Period period;
        private final List<ComponentEarning> components = new ArrayList<>();
        private final List<DealPayout> payouts = new ArrayList<>();
        private int planVersion = 1;

        Earnings(Period period) {
            this.period = period;
        }

        Earnings version(int version) {
            this.planVersion = version;
            return this;
        }

        /** A component not attributable to deals (a bonus on total attainment). */
        Earnings bonus(String componentId, long amountMinor) {
            components.add(new ComponentEarning(componentId, "breakthrough", amountMinor, false,
                    new Explanation("breakthrough/fixed", "attainment ≥ 120%", List.of())));
            return this;
        }

        /** A deal-attributable component: deals as (dealId, amountMinor) pairs credited on the period's first day. */
        Earnings commission(String componentId, Object... dealsAndAmounts) {
            long total = 0;
            for (int i = 0; i < dealsAndAmounts.length; i += 2) {
                long amount = ((Number) dealsAndAmounts[i + 1]).longValue();
                payouts.add(new DealPayout((String) dealsAndAmounts[i], componentId, amount,
                        Optional.of(new BigDecimal("0.100000")), period.start()));
                total += amount;
            }
            components.add(new ComponentEarning(componentId, "tiered", total, true,
                    new Explanation("tiered-commission/marginal", "credited × 10%", List.of())));
            return this;
        }

        /** One deal payout with an explicit credit date. */
        Earnings deal(String componentId, String dealId, long amountMinor, LocalDate creditedOn) {
            payouts.add(new DealPayout(dealId, componentId, amountMinor, Optional.of(new BigDecimal("0.100000")), creditedOn));
            return this;
        }

        /** A deal-attributable component whose amount is the sum of the deals added with {@link #deal}. */
        Earnings attributable(String componentId) {
            long total = payouts.stream().filter(p -> p.componentId().equals(componentId)).mapToLong(DealPayout::amountMinor).sum();
            components.add(new ComponentEarning(componentId, "flat", total, true,
                    new Explanation("flat-rate", "credited × 10%", List.of())));
            return this;
        }

        PeriodEarnings build() {
            return new PeriodEarnings("rep-li", period, CNY, "plan-2026", planVersion, components, payouts);
        }
    }
}
