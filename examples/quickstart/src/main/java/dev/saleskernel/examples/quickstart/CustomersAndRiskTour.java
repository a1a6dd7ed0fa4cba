package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.JsonDocuments;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.customer.AbcClass;
import dev.saleskernel.customer.AbcClassifier;
import dev.saleskernel.customer.AbcInput;
import dev.saleskernel.customer.AbcPolicy;
import dev.saleskernel.customer.AbcRun;
import dev.saleskernel.customer.ParetoReport;
import dev.saleskernel.money.Money;
import dev.saleskernel.risk.BuiltInRules;
import dev.saleskernel.risk.FindingLedger;
import dev.saleskernel.risk.PortfolioSnapshot;
import dev.saleskernel.risk.PortfolioSnapshot.AccountFacts;
import dev.saleskernel.risk.PortfolioSnapshot.OpportunityFacts;
import dev.saleskernel.risk.RiskEngine;
import dev.saleskernel.risk.RiskEvaluation;
import dev.saleskernel.risk.RiskScope;
import dev.saleskernel.risk.RuleDefinition;
import dev.saleskernel.risk.TrackedFinding;
import dev.saleskernel.shared.ActorId;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Customers and risk: the A/B/C table of a small book, then the open risk findings with their evidence. */
final class CustomersAndRiskTour {
    static final Currency CNY = Currency.getInstance("CNY");
    static final LocalDate AS_OF = LocalDate.of(2026, 8, 17);

    private CustomersAndRiskTour() {
    }

    static void run(PrintStream out, SalesKernel kernel) {
        out.println();
        out.println("9. Customers: A/B/C classification");
        String[] names = {"华东电力", "Northwind", "Contoso", "蓝海物流", "Fabrikam", "Tailspin", "Litware", "Adatum", "Proseware", "Wingtip"};
        long[] profit = {5_000_000_00L, 2_000_000_00L, 1_000_000_00L, 600_000_00L, 400_000_00L, 300_000_00L, 300_000_00L,
                200_000_00L, 100_000_00L, 100_000_00L};
        List<AbcInput> book = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            book.add(new AbcInput(names[i], profit[i]));
        }
        AbcRun run = AbcClassifier.classify(book, AbcPolicy.SEEDS_DEFAULT);
        out.println("  class  accounts  share of accounts  profit (CNY)   share of profit");
        for (ParetoReport.Row row : run.report().rows()) {
            out.printf("  %-5s  %8d  %17s  %13s  %15s%n", row.abcClass(), row.accounts(), row.accountShare(),
                    Money.ofMinor(row.contributionMinor(), CNY).amount().toPlainString(), row.contributionShare());
        }
        out.printf("  A accounts: %s%n", run.assignments().stream().filter(a -> a.abcClass() == AbcClass.A)
                .map(a -> a.accountId()).toList());

        out.println();
        out.println("10. Risk: rules from JSON, findings with evidence");
        List<RuleDefinition> rules = JsonDocuments.riskRules("""
                {"rules": [
                  {"id": "process.stalled-deal", "version": 1, "kind": "stalled-deal",
                   "severity": {"impact": 3, "likelihood": 4}, "response": "Review the deal with its owner this week."},
                  {"id": "process.discount", "version": 2, "kind": "discount-beyond-policy", "parameters": {"maxDiscount": "0.15"},
                   "severity": {"impact": 3, "likelihood": 3}, "response": "Get the discount approved or re-quote."},
                  {"id": "credit.exposure", "version": 1, "kind": "credit-exposure", "parameters": {"overdueDays": "30"},
                   "severity": {"impact": 4, "likelihood": 4}, "response": "Hold new orders until receivables are settled."},
                  {"id": "team.key-person", "version": 1, "kind": "key-person", "parameters": {"maxShare": "0.50"},
                   "severity": {"impact": 5, "likelihood": 2}, "response": "Pair a second rep on the A accounts."},
                  {"id": "target.coverage", "version": 1, "kind": "target-at-risk", "parameters": {"requiredCoverage": "3"},
                   "severity": {"impact": 4, "likelihood": 3}, "response": "Generate pipeline: pool claims and campaign leads."}
                ]}""").getOrElseThrow(rejected -> new IllegalStateException(rejected.toString()));
        PortfolioSnapshot snapshot = new PortfolioSnapshot(CNY,
                List.of(new OpportunityFacts("o-101", "华东电力", "zhao.lei", true, "negotiation", AS_OF.minusDays(40), 21, 1,
                                new BigDecimal("0.10"), AS_OF.minusDays(3), 1_200_000_00L),
                        new OpportunityFacts("o-102", "Contoso", "zhao.lei", true, "quotation", AS_OF.minusDays(5), 14, 0,
                                new BigDecimal("0.18"), AS_OF.minusDays(1), 300_000_00L)),
                List.of(account("华东电力", "zhao.lei", AbcClass.A, 5_000_000_00L, 4_000_000_00L, 4_500_000_00L, 0, null),
                        account("Northwind", "qian.mei", AbcClass.A, 2_000_000_00L, 1_000_000_00L, 200_000_00L, 150_000_00L,
                                AS_OF.minusDays(45))),
                List.of(new PortfolioSnapshot.RepFacts("zhao.lei", "east"), new PortfolioSnapshot.RepFacts("qian.mei", "east")),
                List.of(new PortfolioSnapshot.TargetFacts("east-Q3", RiskScope.TEAM, "east", 10_000_000_00L, 5_000_000_00L)),
                List.of(), List.of());
        RiskEvaluation evaluation = RiskEngine.evaluate(snapshot, BuiltInRules.of(rules), AS_OF);
        FindingLedger ledger = FindingLedger.empty().record(evaluation, new ActorId("risk-batch"), Instant.parse("2026-08-17T02:00:00Z")).state();
        for (TrackedFinding tracked : ledger.openBySeverity()) {
            var f = tracked.finding();
            out.printf("  %s %-8s %s  %s v%d  %s%n", tracked.findingId(), f.severity().level(), f.subject(), f.ruleId(),
                    f.ruleVersion(), f.evidence());
            out.printf("      -> %s%n", f.suggestedResponse());
        }
        FindingLedger again = ledger.record(RiskEngine.evaluate(snapshot, BuiltInRules.of(rules), AS_OF),
                new ActorId("risk-batch"), Instant.parse("2026-08-17T03:00:00Z")).state();
        out.printf("  evaluated again: still %d open findings (deduplicated)%n", again.open().size());
    }

    private static AccountFacts account(String id, String owner, AbcClass abc, long revenue, long profit, long openReceivables,
                                        long overdue, LocalDate dueOn) {
        return new AccountFacts(id, owner, abc, revenue, profit, 4_000_000_00L, openReceivables, overdue, Optional.ofNullable(dueOn),
                0, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

}
