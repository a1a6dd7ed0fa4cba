package dev.saleskernel.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.Strategy;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Test-data builders for budgets. The standard budget: 1,200,000.00 CNY for FY2026 (calendar
 * year), split 50/30/20 over sales expenses, market promotion and channel maintenance, each
 * equally over the company's two branches (east, west) and equally over the twelve months: every
 * sales-expenses line is 25,000.00 CNY, market promotion 15,000.00, channel maintenance 10,000.00.
 */
final class Budgets {
    static final TenantId ACME = TenantId.of("acme");
    static final ActorId ALICE = ActorId.of("alice");
    static final ActorId BOB = ActorId.of("bob");
    static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Period FY2026 = FiscalCalendar.CALENDAR_YEAR.year(2026);
    static final CostCategory SALES = CostCategory.SALES_EXPENSES;
    static final CostCategory PROMOTION = CostCategory.MARKET_PROMOTION;
    static final CostCategory CHANNEL = CostCategory.CHANNEL_MAINTENANCE;
    static final String EAST_SALES_JAN = "sales-expenses/east/FY2026-M01";
    static final String EAST_SALES_FEB = "sales-expenses/east/FY2026-M02";
    static final String WEST_SALES_JAN = "sales-expenses/west/FY2026-M01";

    private Budgets() {
    }

    static List<BudgetUnit> units() {
        return List.of(BudgetUnit.root("company", "Company"), BudgetUnit.child("east", "company", "East branch"),
                BudgetUnit.child("west", "company", "West branch"));
    }

    static Preparation preparation(ControlPolicy policy) {
        return new Preparation(120_000_000L, List.of(SALES, PROMOTION, CHANNEL),
                new Strategy.Weights(Map.of(SALES.code(), new BigDecimal("50"), PROMOTION.code(), new BigDecimal("30"),
                        CHANNEL.code(), new BigDecimal("20"))),
                units(), Map.of(), PeriodKind.MONTH, new Strategy.Equal(), policy);
    }

    static Budget draft(ControlPolicy policy) {
        return ok(Budget.prepare(ACME, "b-2026", "Sales budget FY2026", CNY, FY2026, preparation(policy), ALICE, AT));
    }

    /** The standard budget, approved (proposed by alice, approved by bob). */
    static Budget approved(ControlPolicy policy) {
        Budget proposed = ok(draft(policy).propose("ready", ALICE, AT));
        return ok(proposed.approve(BOB, AT));
    }

    static Budget ok(Either<Rejected, Change<Budget>> result) {
        assertThat(result.isRight()).as("accepted, but %s", result.isLeft() ? result.getLeft() : "").isTrue();
        return result.get().state();
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
