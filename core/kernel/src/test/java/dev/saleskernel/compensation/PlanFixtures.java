package dev.saleskernel.compensation;

import dev.saleskernel.compensation.PlanComponent.*;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Plans, tiers and credits for compensation tests; amounts in minor units (cents). */
final class PlanFixtures {
    static final Currency CNY = Currency.getInstance("CNY");
    static final Period Q1 = FiscalCalendar.CALENDAR_YEAR.quarter(2026, 1);
    static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    static final DateRange YEAR_2026 = DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
    static final PayMix MIX_40_60 = new PayMix(400_000, 600_000);

    private PlanFixtures() {
    }

    static long cents(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(2).longValueExact();
    }

    static long ppm(String fraction) {
        return Rate.ppm(new java.math.BigDecimal(fraction));
    }

    static PlanVersion plan(PlanComponent... components) {
        return new PlanVersion("field-sales", 1, "Field sales 2026", YEAR_2026, CNY, CreditEvent.BOOKING, MIX_40_60,
                List.of(components), Optional.empty());
    }

    /** Tiers 0–5,000 @5%, 5,000–10,000 @10%, 10,000+ @15% (amounts), every tier in one mode. */
    static Tiered issueTiers(Mode mode) {
        return tiered("commission", Basis.AMOUNT, mode, Limits.NONE, 0, 50_000, 5_000_00, 100_000, 10_000_00, 150_000);
    }

    /** Tiers from bounds and rates: bound0(=0), rate0, bound1, rate1, ..., last rate open-ended. */
    static Tiered tiered(String id, Basis basis, Mode mode, Limits limits, long... boundsAndRates) {
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < boundsAndRates.length; i += 2) {
            long from = boundsAndRates[i];
            long rate = boundsAndRates[i + 1];
            long to = i + 2 < boundsAndRates.length ? boundsAndRates[i + 2] : Long.MAX_VALUE;
            tiers.add(new Tier(from, to, rate, mode));
        }
        return new Tiered(id, basis, tiers, limits);
    }

    static Limits cap(long capMinor) {
        return new Limits(Optional.empty(), Optional.empty(), Optional.of(new Limit(capMinor, false)), Optional.empty());
    }

    static CreditBatch credits(String participant, long... amounts) {
        CreditBatch.Builder b = CreditBatch.builder(amounts.length);
        for (int i = 0; i < amounts.length; i++) {
            b.add(participant, "deal-" + i, "p-1", JAN_15, CreditEvent.BOOKING, CreditKind.DIRECT, amounts[i]);
        }
        return b.build().get();
    }

    static CompensationRun run(PlanVersion plan, List<Participant> participants, List<Team> teams, CreditBatch batch) {
        return CommissionCalculator.run(plan, Q1, participants, teams, batch).get();
    }

    static CompensationRun runOne(PlanVersion plan, long quota, CreditBatch batch) {
        return run(plan, List.of(Participant.of("rep-1", cents("400000.00"), quota)), List.of(), batch);
    }
}
