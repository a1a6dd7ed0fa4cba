package dev.saleskernel.benchmarks;

import dev.saleskernel.customer.AbcClass;
import dev.saleskernel.risk.BuiltInRules;
import dev.saleskernel.risk.PortfolioSnapshot;
import dev.saleskernel.risk.RiskRule;
import dev.saleskernel.risk.RuleDefinition;
import dev.saleskernel.risk.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** A generated portfolio (seeded, so every run sees the same data) and the ten built-in rules. */
final class RiskPortfolios {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final Currency CNY = Currency.getInstance("CNY");
    static final BigDecimal[] DISCOUNTS = {new BigDecimal("0.00"), new BigDecimal("0.05"), new BigDecimal("0.10"),
            new BigDecimal("0.15"), new BigDecimal("0.20"), new BigDecimal("0.25")};

    private RiskPortfolios() {
    }

    static PortfolioSnapshot generate(int opportunities, int accounts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int reps = Math.max(10, accounts / 200);
        List<PortfolioSnapshot.OpportunityFacts> opps = new ArrayList<>(opportunities);
        for (int i = 0; i < opportunities; i++) {
            opps.add(new PortfolioSnapshot.OpportunityFacts("o" + i, "a" + random.nextInt(accounts), "r" + random.nextInt(reps),
                    random.nextInt(10) != 0, "stage-" + random.nextInt(6), AS_OF.minusDays(random.nextInt(60)), 45,
                    random.nextInt(5), DISCOUNTS[random.nextInt(DISCOUNTS.length)], AS_OF.minusDays(random.nextInt(40)),
                    1000 + random.nextInt(10_000_000)));
        }
        List<PortfolioSnapshot.AccountFacts> accs = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            long revenue = random.nextInt(5_000_000);
            long limit = 1_000_000 + random.nextInt(5_000_000);
            boolean overdue = random.nextInt(20) == 0;
            accs.add(new PortfolioSnapshot.AccountFacts("a" + i, i % 2 == 0 ? "r0" : "r" + random.nextInt(reps), AbcClass.values()[random.nextInt(3)],
                    revenue, revenue / 4, limit, random.nextInt(6_000_000), overdue ? 1 + random.nextInt(100_000) : 0,
                    overdue ? Optional.of(AS_OF.minusDays(random.nextInt(60))) : Optional.empty(),
                    random.nextInt(1_000_000), random.nextInt(1_000_000),
                    Optional.of(BigDecimal.valueOf(30 + random.nextInt(20), 1)), Optional.of(BigDecimal.valueOf(30 + random.nextInt(20), 1)),
                    Optional.of(AS_OF.minusDays(random.nextInt(120)))));
        }
        List<PortfolioSnapshot.RepFacts> repFacts = new ArrayList<>();
        List<PortfolioSnapshot.TargetFacts> targets = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            repFacts.add(new PortfolioSnapshot.RepFacts("r" + r, "t" + (r % 10)));
            targets.add(new PortfolioSnapshot.TargetFacts("tr" + r, dev.saleskernel.risk.RiskScope.REP, "r" + r,
                    2_000_000_000L + random.nextInt(1_000_000_000), random.nextInt(1_000_000_000)));
        }
        for (int t = 0; t < 10; t++) {
            targets.add(new PortfolioSnapshot.TargetFacts("tt" + t, dev.saleskernel.risk.RiskScope.TEAM, "t" + t,
                    200_000_000_000L, 10_000_000_000L));
        }
        List<PortfolioSnapshot.ProductLineRevenue> lines = List.of(new PortfolioSnapshot.ProductLineRevenue("pumps", 40_000),
                new PortfolioSnapshot.ProductLineRevenue("valves", 35_000), new PortfolioSnapshot.ProductLineRevenue("seals", 25_000));
        return new PortfolioSnapshot(CNY, opps, accs, repFacts, targets, lines,
                List.of(new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("0.07"), new BigDecimal("0.08")));
    }

    static List<RuleDefinition> definitions() {
        List<RuleDefinition> definitions = new ArrayList<>();
        for (String kind : new java.util.TreeSet<>(BuiltInRules.KINDS)) {
            Map<String, BigDecimal> parameters = kind.equals("concentration") ? Map.of("maxShare", new BigDecimal("0.30")) : Map.of();
            definitions.add(new RuleDefinition("bench." + kind, 1, kind, parameters, new Severity(3, 3), "respond"));
        }
        return definitions;
    }

    static List<RiskRule> rules() {
        return BuiltInRules.of(definitions());
    }
}
