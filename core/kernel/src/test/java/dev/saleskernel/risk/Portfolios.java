package dev.saleskernel.risk;

import dev.saleskernel.customer.AbcClass;
import dev.saleskernel.risk.PortfolioSnapshot.AccountFacts;
import dev.saleskernel.risk.PortfolioSnapshot.OpportunityFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test-data builders for risk snapshots. */
final class Portfolios {
    static final Currency CNY = Currency.getInstance("CNY");
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private Portfolios() {
    }

    static OpportunityFacts anOpportunity(String id) {
        return new OpportunityFacts(id, "acc-1", "rep-1", true, "proposal", AS_OF, 30, 0, BigDecimal.ZERO, AS_OF, 100_000);
    }

    static OpportunityFacts inStageFor(OpportunityFacts o, int days) {
        return new OpportunityFacts(o.id(), o.accountId(), o.owner(), o.open(), o.stage(), AS_OF.minusDays(days), o.stageMaxDays(),
                o.closeDateSlips(), o.discount(), o.lastActivityOn(), o.amountMinor());
    }

    static OpportunityFacts slipped(OpportunityFacts o, int slips) {
        return new OpportunityFacts(o.id(), o.accountId(), o.owner(), o.open(), o.stage(), o.stageEnteredOn(), o.stageMaxDays(),
                slips, o.discount(), o.lastActivityOn(), o.amountMinor());
    }

    static OpportunityFacts discounted(OpportunityFacts o, String discount) {
        return new OpportunityFacts(o.id(), o.accountId(), o.owner(), o.open(), o.stage(), o.stageEnteredOn(), o.stageMaxDays(),
                o.closeDateSlips(), new BigDecimal(discount), o.lastActivityOn(), o.amountMinor());
    }

    static OpportunityFacts idleFor(OpportunityFacts o, int days) {
        return new OpportunityFacts(o.id(), o.accountId(), o.owner(), o.open(), o.stage(), o.stageEnteredOn(), o.stageMaxDays(),
                o.closeDateSlips(), o.discount(), AS_OF.minusDays(days), o.amountMinor());
    }

    static OpportunityFacts ownedBy(OpportunityFacts o, String owner, long amountMinor, boolean open) {
        return new OpportunityFacts(o.id(), o.accountId(), owner, open, o.stage(), o.stageEnteredOn(), o.stageMaxDays(),
                o.closeDateSlips(), o.discount(), o.lastActivityOn(), amountMinor);
    }

    static AccountFacts anAccount(String id) {
        return new AccountFacts(id, "rep-1", AbcClass.C, 0, 0, 1_000_000, 0, 0, Optional.empty(), 0, 0, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static AccountFacts withCredit(AccountFacts a, long limit, long open, long overdue, Optional<LocalDate> dueOn) {
        return new AccountFacts(a.id(), a.owner(), a.abcClass(), a.revenueMinor(), a.profitMinor(), limit, open, overdue, dueOn,
                a.ordersCurrentMinor(), a.ordersPriorMinor(), a.satisfactionPrior(), a.satisfactionLatest(), a.lastPurchaseOn());
    }

    static AccountFacts contributing(AccountFacts a, String owner, AbcClass abc, long revenue, long profit) {
        return new AccountFacts(a.id(), owner, abc, revenue, profit, a.creditLimitMinor(), a.openReceivablesMinor(),
                a.overdueReceivablesMinor(), a.oldestOverdueDueOn(), a.ordersCurrentMinor(), a.ordersPriorMinor(),
                a.satisfactionPrior(), a.satisfactionLatest(), a.lastPurchaseOn());
    }

    static AccountFacts churnSignals(AccountFacts a, long current, long prior, String satisfactionPrior, String satisfactionLatest,
                                     Optional<LocalDate> lastPurchase) {
        return new AccountFacts(a.id(), a.owner(), a.abcClass(), a.revenueMinor(), a.profitMinor(), a.creditLimitMinor(),
                a.openReceivablesMinor(), a.overdueReceivablesMinor(), a.oldestOverdueDueOn(), current, prior,
                Optional.ofNullable(satisfactionPrior).map(BigDecimal::new), Optional.ofNullable(satisfactionLatest).map(BigDecimal::new),
                lastPurchase);
    }

    static PortfolioSnapshot ofOpportunities(OpportunityFacts... opportunities) {
        return new PortfolioSnapshot(CNY, List.of(opportunities), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static PortfolioSnapshot ofAccounts(AccountFacts... accounts) {
        return new PortfolioSnapshot(CNY, List.of(), List.of(accounts), List.of(), List.of(), List.of(), List.of());
    }

    static RuleDefinition rule(String kind, Map<String, String> parameters) {
        Map<String, BigDecimal> decimals = new java.util.TreeMap<>();
        parameters.forEach((k, v) -> decimals.put(k, new BigDecimal(v)));
        return new RuleDefinition("test." + kind, 1, kind, decimals, new Severity(3, 4), "call the owner");
    }

    static List<Finding> run(RuleDefinition definition, PortfolioSnapshot snapshot) {
        return RiskEngine.evaluate(snapshot, List.of(BuiltInRules.of(definition)), AS_OF).findings();
    }

    static List<String> subjects(RuleDefinition definition, PortfolioSnapshot snapshot) {
        List<String> subjects = new ArrayList<>();
        run(definition, snapshot).forEach(f -> subjects.add(f.subject()));
        return subjects;
    }
}
