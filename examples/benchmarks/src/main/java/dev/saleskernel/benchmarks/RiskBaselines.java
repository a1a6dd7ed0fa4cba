package dev.saleskernel.benchmarks;

import dev.saleskernel.customer.AbcClass;
import dev.saleskernel.money.Money;
import dev.saleskernel.risk.Finding;
import dev.saleskernel.risk.PortfolioSnapshot;
import dev.saleskernel.risk.PortfolioSnapshot.AccountFacts;
import dev.saleskernel.risk.PortfolioSnapshot.OpportunityFacts;
import dev.saleskernel.risk.RiskScope;
import dev.saleskernel.risk.RuleDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ten built-in checks with their default parameters (concentration at 0.30) as one
 * hand-written pass per collection, building the same findings and evidence as the engine.
 * {@code RiskBaselinesTest} proves the findings identical.
 */
final class RiskBaselines {
    private static final BigDecimal MAX_DISCOUNT = new BigDecimal("0.20");
    private static final BigDecimal ORDER_DROP = new BigDecimal("0.30");
    private static final BigDecimal KEY_SHARE = new BigDecimal("0.40");
    private static final BigDecimal CONCENTRATION = new BigDecimal("0.30");
    private static final BigDecimal COVERAGE = new BigDecimal("3");

    private RiskBaselines() {
    }

    static List<Finding> evaluate(PortfolioSnapshot s, Map<String, RuleDefinition> byKind, java.time.LocalDate asOf) {
        List<Finding> out = new ArrayList<>();
        long today = asOf.toEpochDay();
        RuleDefinition stalled = byKind.get("stalled-deal");
        RuleDefinition slipped = byKind.get("close-date-slipped");
        RuleDefinition discount = byKind.get("discount-beyond-policy");
        RuleDefinition idle = byKind.get("no-activity");
        Map<String, String> teamOf = new HashMap<>();
        s.reps().forEach(r -> teamOf.put(r.id(), r.teamId()));
        Map<String, long[]> pipeRep = new HashMap<>();
        Map<String, long[]> pipeTeam = new HashMap<>();
        for (OpportunityFacts o : s.opportunities()) {
            if (!o.open()) {
                continue;
            }
            String subject = "opportunity:" + o.id();
            long days = today - o.stageEnteredOn().toEpochDay();
            if (days > o.stageMaxDays()) {
                Map<String, String> e = new LinkedHashMap<>();
                e.put("stage", o.stage());
                e.put("daysInStage", Long.toString(days));
                e.put("stageMaxDays", Integer.toString(o.stageMaxDays()));
                out.add(Finding.of(stalled, RiskScope.OPPORTUNITY, subject, e, asOf));
            }
            if (o.closeDateSlips() >= 3) {
                out.add(Finding.of(slipped, RiskScope.OPPORTUNITY, subject,
                        Map.of("closeDateSlips", Integer.toString(o.closeDateSlips()), "maxSlips", "3"), asOf));
            }
            if (o.discount().compareTo(MAX_DISCOUNT) > 0) {
                Map<String, String> e = new LinkedHashMap<>();
                e.put("discount", o.discount().toPlainString());
                e.put("maxDiscount", MAX_DISCOUNT.toPlainString());
                e.put("amount", money(s, o.amountMinor()));
                out.add(Finding.of(discount, RiskScope.OPPORTUNITY, subject, e, asOf));
            }
            long quiet = today - o.lastActivityOn().toEpochDay();
            if (quiet >= 14) {
                out.add(Finding.of(idle, RiskScope.OPPORTUNITY, subject, Map.of("daysWithoutActivity", Long.toString(quiet),
                        "lastActivityOn", o.lastActivityOn().toString(), "days", "14"), asOf));
            }
            pipeRep.computeIfAbsent(o.owner(), k -> new long[1])[0] += o.amountMinor();
            String team = teamOf.get(o.owner());
            if (team != null) {
                pipeTeam.computeIfAbsent(team, k -> new long[1])[0] += o.amountMinor();
            }
        }
        RuleDefinition churn = byKind.get("churn-warning");
        RuleDefinition credit = byKind.get("credit-exposure");
        long revenueTotal = 0;
        long aTotal = 0;
        Map<String, long[]> aByRep = new TreeMap<>();
        for (AccountFacts a : s.accounts()) {
            String subject = "account:" + a.id();
            revenueTotal += Math.max(0, a.revenueMinor());
            if (a.abcClass() == AbcClass.A && a.profitMinor() > 0) {
                aByRep.computeIfAbsent(a.owner(), k -> new long[1])[0] += a.profitMinor();
                aTotal += a.profitMinor();
            }
            Map<String, String> e = new LinkedHashMap<>();
            long drop = a.ordersPriorMinor() - a.ordersCurrentMinor();
            if (a.ordersPriorMinor() > 0 && drop > 0
                    && BigDecimal.valueOf(drop).compareTo(ORDER_DROP.multiply(BigDecimal.valueOf(a.ordersPriorMinor()))) >= 0) {
                e.put("ordersPrior", money(s, a.ordersPriorMinor()));
                e.put("ordersCurrent", money(s, a.ordersCurrentMinor()));
                e.put("orderDrop", share(drop, a.ordersPriorMinor()));
            }
            if (a.satisfactionPrior().isPresent() && a.satisfactionLatest().isPresent()
                    && a.satisfactionPrior().get().subtract(a.satisfactionLatest().get()).compareTo(BigDecimal.ONE) >= 0) {
                e.put("satisfactionPrior", a.satisfactionPrior().get().toPlainString());
                e.put("satisfactionLatest", a.satisfactionLatest().get().toPlainString());
            }
            if (a.lastPurchaseOn().isPresent() && today - a.lastPurchaseOn().get().toEpochDay() >= 90) {
                e.put("daysWithoutPurchase", Long.toString(today - a.lastPurchaseOn().get().toEpochDay()));
            }
            if (!e.isEmpty()) {
                out.add(Finding.of(churn, RiskScope.ACCOUNT, subject, e, asOf));
            }
            boolean exceeded = a.openReceivablesMinor() > a.creditLimitMinor();
            long late = a.oldestOverdueDueOn().isPresent() ? today - a.oldestOverdueDueOn().get().toEpochDay() : 0;
            boolean overdue = a.overdueReceivablesMinor() > 0 && a.oldestOverdueDueOn().isPresent() && late >= 1;
            if (exceeded || overdue) {
                Map<String, String> c = new LinkedHashMap<>();
                c.put("creditLimit", money(s, a.creditLimitMinor()));
                c.put("openReceivables", money(s, a.openReceivablesMinor()));
                if (overdue) {
                    c.put("overdueReceivables", money(s, a.overdueReceivablesMinor()));
                    c.put("daysOverdue", Long.toString(late));
                }
                out.add(Finding.of(credit, RiskScope.ACCOUNT, subject, c, asOf));
            }
        }
        RuleDefinition keyPerson = byKind.get("key-person");
        for (Map.Entry<String, long[]> rep : aByRep.entrySet()) {
            long held = rep.getValue()[0];
            if (BigDecimal.valueOf(held).compareTo(KEY_SHARE.multiply(BigDecimal.valueOf(aTotal))) >= 0) {
                Map<String, String> e = new LinkedHashMap<>();
                e.put("aClassProfitHeld", money(s, held));
                e.put("aClassProfitTotal", money(s, aTotal));
                e.put("share", share(held, aTotal));
                e.put("maxShare", KEY_SHARE.toPlainString());
                out.add(Finding.of(keyPerson, RiskScope.REP, "rep:" + rep.getKey(), e, asOf));
            }
        }
        RuleDefinition concentration = byKind.get("concentration");
        BigDecimal revenueBound = CONCENTRATION.multiply(BigDecimal.valueOf(revenueTotal));
        for (AccountFacts a : s.accounts()) {
            if (revenueTotal > 0 && a.revenueMinor() > 0 && BigDecimal.valueOf(a.revenueMinor()).compareTo(revenueBound) >= 0) {
                out.add(Finding.of(concentration, RiskScope.ACCOUNT, "account:" + a.id(),
                        concentrationEvidence(s, a.revenueMinor(), revenueTotal), asOf));
            }
        }
        long lines = 0;
        for (PortfolioSnapshot.ProductLineRevenue line : s.productLines()) {
            lines += Math.max(0, line.revenueMinor());
        }
        for (PortfolioSnapshot.ProductLineRevenue line : s.productLines()) {
            if (lines > 0 && line.revenueMinor() > 0
                    && BigDecimal.valueOf(line.revenueMinor()).compareTo(CONCENTRATION.multiply(BigDecimal.valueOf(lines))) >= 0) {
                out.add(Finding.of(concentration, RiskScope.PRODUCT_LINE, "product-line:" + line.productLine(),
                        concentrationEvidence(s, line.revenueMinor(), lines), asOf));
            }
        }
        RuleDefinition target = byKind.get("target-at-risk");
        for (PortfolioSnapshot.TargetFacts t : s.targets()) {
            long gap = t.targetMinor() - t.achievedMinor();
            long pipeline = (t.holderScope() == RiskScope.REP ? pipeRep : pipeTeam).getOrDefault(t.holderId(), new long[1])[0];
            if (gap > 0 && BigDecimal.valueOf(pipeline).compareTo(COVERAGE.multiply(BigDecimal.valueOf(gap))) < 0) {
                Map<String, String> e = new LinkedHashMap<>();
                e.put("holder", t.holderScope().name().toLowerCase(java.util.Locale.ROOT) + ":" + t.holderId());
                e.put("target", money(s, t.targetMinor()));
                e.put("achieved", money(s, t.achievedMinor()));
                e.put("gap", money(s, gap));
                e.put("openPipeline", money(s, pipeline));
                e.put("coverage", BigDecimal.valueOf(pipeline).divide(BigDecimal.valueOf(gap), 2, RoundingMode.HALF_EVEN).toPlainString());
                e.put("requiredCoverage", COVERAGE.toPlainString());
                out.add(Finding.of(target, RiskScope.TARGET, "target:" + t.id(), e, asOf));
            }
        }
        List<BigDecimal> series = s.averageDiscountByPeriod();
        if (series.size() >= 4) {
            List<BigDecimal> recent = series.subList(series.size() - 4, series.size());
            boolean rising = true;
            for (int i = 1; i < recent.size(); i++) {
                rising &= recent.get(i).compareTo(recent.get(i - 1)) > 0;
            }
            if (rising) {
                Map<String, String> e = new LinkedHashMap<>();
                e.put("averageDiscounts", recent.stream().map(BigDecimal::toPlainString).toList().toString());
                e.put("periods", "3");
                out.add(Finding.of(byKind.get("price-pressure"), RiskScope.PORTFOLIO, "portfolio", e, asOf));
            }
        }
        return out;
    }

    private static Map<String, String> concentrationEvidence(PortfolioSnapshot s, long revenue, long total) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("revenue", money(s, revenue));
        e.put("totalRevenue", money(s, total));
        e.put("share", share(revenue, total));
        e.put("maxShare", CONCENTRATION.toPlainString());
        return e;
    }

    private static String share(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String money(PortfolioSnapshot s, long minor) {
        return Money.ofMinor(minor, s.currency()).amount().toPlainString();
    }
}
