package dev.saleskernel.risk;

import dev.saleskernel.customer.AbcClass;
import dev.saleskernel.money.Money;
import dev.saleskernel.risk.PortfolioSnapshot.AccountFacts;
import dev.saleskernel.risk.PortfolioSnapshot.OpportunityFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.Currency;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The built-in checks, chosen by a {@link RuleDefinition}'s {@code kind}. Each names exactly when
 * it fires; "days" are whole calendar days between the fact's date and the evaluation day.
 *
 * <ul>
 *   <li>{@code stalled-deal} (opportunity): open and {@code daysInStage > stageMaxDays + graceDays}
 *       (graceDays, default 0).</li>
 *   <li>{@code close-date-slipped} (opportunity): open and {@code closeDateSlips >= maxSlips} (default 3).</li>
 *   <li>{@code discount-beyond-policy} (opportunity): open and {@code discount > maxDiscount} (default 0.20).</li>
 *   <li>{@code no-activity} (opportunity): open and {@code daysSinceLastActivity >= days} (default 14).</li>
 *   <li>{@code churn-warning} (account): any of orders down {@code >= orderDrop} against the prior
 *       period (default 0.30), satisfaction down {@code >= satisfactionDrop} (default 1), or
 *       {@code daysSinceLastPurchase >= noPurchaseDays} (default 90).</li>
 *   <li>{@code credit-exposure} (account): {@code openReceivables > creditLimit}, or overdue
 *       receivables whose oldest due date is {@code >= overdueDays} behind (default 1).</li>
 *   <li>{@code key-person} (rep): the rep's share of A-class profit {@code >= maxShare} (default 0.40).</li>
 *   <li>{@code concentration} (account and product line): a share of revenue {@code >= maxShare} (default 0.25).</li>
 *   <li>{@code target-at-risk} (target): remaining gap {@code > 0} and open pipeline
 *       {@code < requiredCoverage × gap} (default 3).</li>
 *   <li>{@code price-pressure} (portfolio): the average discount rose in each of the last
 *       {@code periods} periods (default 3).</li>
 * </ul>
 */
public final class BuiltInRules {

    static final int SHARE_SCALE = 4;

    private static final Map<String, Function<RuleDefinition, RiskRule>> FACTORIES = new TreeMap<>(Map.of(
            "stalled-deal", StalledDeal::new,
            "close-date-slipped", CloseDateSlipped::new,
            "discount-beyond-policy", DiscountBeyondPolicy::new,
            "no-activity", NoActivity::new,
            "churn-warning", ChurnWarning::new,
            "credit-exposure", CreditExposure::new,
            "key-person", KeyPerson::new,
            "concentration", Concentration::new,
            "target-at-risk", TargetAtRisk::new,
            "price-pressure", PricePressure::new));

    /** The kinds of built-in rule. */
    public static final Set<String> KINDS = Set.copyOf(FACTORIES.keySet());

    /** The parameters each kind reads; any other name in a definition is a mistake. */
    public static final Map<String, Set<String>> PARAMETERS = Map.of(
            "stalled-deal", Set.of("graceDays"),
            "close-date-slipped", Set.of("maxSlips"),
            "discount-beyond-policy", Set.of("maxDiscount"),
            "no-activity", Set.of("days"),
            "churn-warning", Set.of("orderDrop", "satisfactionDrop", "noPurchaseDays"),
            "credit-exposure", Set.of("overdueDays"),
            "key-person", Set.of("maxShare"),
            "concentration", Set.of("maxShare"),
            "target-at-risk", Set.of("requiredCoverage"),
            "price-pressure", Set.of("periods"));

    private BuiltInRules() {
    }

    /** The built-in rule for the definition's kind; an unknown kind is a programming error. */
    public static RiskRule of(RuleDefinition definition) {
        Function<RuleDefinition, RiskRule> factory = FACTORIES.get(definition.kind());
        if (factory == null) {
            throw new IllegalArgumentException("no built-in rule of kind " + definition.kind() + "; known: " + KINDS);
        }
        return factory.apply(definition);
    }

    /** The built-in rules for the definitions, in order. */
    public static List<RiskRule> of(List<RuleDefinition> definitions) {
        return definitions.stream().map(BuiltInRules::of).toList();
    }

    static String share(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_EVEN).toPlainString();
    }

    static boolean atLeastShare(long part, long whole, BigDecimal share) {
        return BigDecimal.valueOf(part).compareTo(share.multiply(BigDecimal.valueOf(whole))) >= 0;
    }

    static String money(PortfolioSnapshot snapshot, long minor) {
        return money(snapshot.currency(), minor);
    }

    static String money(Currency currency, long minor) {
        return Money.ofMinor(minor, currency).amount().toPlainString();
    }

    /**
     * Marks rules known to report each subject at most once, so the engine skips its duplicate
     * check, and lets the engine share one {@link Subjects} among them.
     */
    interface OncePerSubject {
        void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects);
    }

    /**
     * The subject texts ({@code opportunity:o-17}) of one evaluation, built once per row and
     * shared by every rule that reports on that row.
     */
    static final class Subjects {
        private final List<OpportunityFacts> opportunities;
        private final List<AccountFacts> accounts;
        private String[] opportunity;
        private String[] account;

        Subjects(PortfolioSnapshot snapshot) {
            this.opportunities = snapshot.opportunities();
            this.accounts = snapshot.accounts();
        }

        String opportunity(int index) {
            if (opportunity == null) {
                opportunity = new String[opportunities.size()];
            }
            String subject = opportunity[index];
            if (subject == null) {
                subject = "opportunity:" + opportunities.get(index).id();
                opportunity[index] = subject;
            }
            return subject;
        }

        String account(int index) {
            if (account == null) {
                account = new String[accounts.size()];
            }
            String subject = account[index];
            if (subject == null) {
                subject = "account:" + accounts.get(index).id();
                account[index] = subject;
            }
            return subject;
        }
    }

    /**
     * Evidence rendered on first read from a row's (immutable) facts and what the rule computed:
     * a figure (days), flags (which signals fired), the rule's threshold as text and the currency.
     */
    private abstract static class RowEvidence<F> extends Evidence.Lazy {
        final F facts;
        final long figure;
        final int flags;
        final String threshold;
        final Currency currency;

        RowEvidence(F facts, long figure, int flags, String threshold, Currency currency) {
            this.facts = facts;
            this.figure = figure;
            this.flags = flags;
            this.threshold = threshold;
            this.currency = currency;
        }
    }

    private abstract static class Base implements RiskRule, OncePerSubject {
        final RuleDefinition definition;
        final RiskScope scope;

        Base(RuleDefinition definition, RiskScope scope) {
            this.definition = definition;
            this.scope = scope;
        }

        @Override
        public RuleDefinition definition() {
            return definition;
        }

        @Override
        public RiskScope scope() {
            return scope;
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings) {
            evaluate(snapshot, asOf, findings, new Subjects(snapshot));
        }

        Finding finding(String subject, Map<String, String> evidence, LocalDate asOf) {
            return Finding.of(definition, scope, subject, evidence, asOf);
        }
    }

    private static final class StalledDeal extends Base {
        private final int graceDays;

        StalledDeal(RuleDefinition d) {
            super(d, RiskScope.OPPORTUNITY);
            graceDays = d.whole("graceDays", 0);
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            long today = asOf.toEpochDay();
            List<OpportunityFacts> opportunities = snapshot.opportunities();
            for (int i = 0, n = opportunities.size(); i < n; i++) {
                OpportunityFacts o = opportunities.get(i);
                if (!o.open()) {
                    continue;
                }
                long days = today - o.stageEnteredOn().toEpochDay();
                if (days > (long) o.stageMaxDays() + graceDays) {
                    findings.accept(finding(subjects.opportunity(i), new Stalled(o, days), asOf));
                }
            }
        }

        private static final class Stalled extends RowEvidence<OpportunityFacts> {
            Stalled(OpportunityFacts opportunity, long days) {
                super(opportunity, days, 0, null, null);
            }

            @Override
            String[] render() {
                return new String[] {"stage", facts.stage(), "daysInStage", Long.toString(figure),
                        "stageMaxDays", Integer.toString(facts.stageMaxDays())};
            }
        }
    }

    private static final class CloseDateSlipped extends Base {
        private final int maxSlips;

        CloseDateSlipped(RuleDefinition d) {
            super(d, RiskScope.OPPORTUNITY);
            maxSlips = d.whole("maxSlips", 3);
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            String max = Integer.toString(maxSlips);
            List<OpportunityFacts> opportunities = snapshot.opportunities();
            for (int i = 0, n = opportunities.size(); i < n; i++) {
                OpportunityFacts o = opportunities.get(i);
                if (o.open() && o.closeDateSlips() >= maxSlips) {
                    findings.accept(finding(subjects.opportunity(i), new Slipped(o, max), asOf));
                }
            }
        }

        private static final class Slipped extends RowEvidence<OpportunityFacts> {
            Slipped(OpportunityFacts opportunity, String maxSlips) {
                super(opportunity, 0, 0, maxSlips, null);
            }

            @Override
            String[] render() {
                return new String[] {"closeDateSlips", Integer.toString(facts.closeDateSlips()), "maxSlips", threshold};
            }
        }
    }

    private static final class DiscountBeyondPolicy extends Base {
        private final BigDecimal maxDiscount;

        DiscountBeyondPolicy(RuleDefinition d) {
            super(d, RiskScope.OPPORTUNITY);
            maxDiscount = d.decimal("maxDiscount", new BigDecimal("0.20"));
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            String max = maxDiscount.toPlainString();
            List<OpportunityFacts> opportunities = snapshot.opportunities();
            for (int i = 0, n = opportunities.size(); i < n; i++) {
                OpportunityFacts o = opportunities.get(i);
                if (o.open() && o.discount().compareTo(maxDiscount) > 0) {
                    findings.accept(finding(subjects.opportunity(i), new Discounted(o, max, snapshot.currency()), asOf));
                }
            }
        }

        private static final class Discounted extends RowEvidence<OpportunityFacts> {
            Discounted(OpportunityFacts opportunity, String maxDiscount, Currency currency) {
                super(opportunity, 0, 0, maxDiscount, currency);
            }

            @Override
            String[] render() {
                return new String[] {"discount", facts.discount().toPlainString(), "maxDiscount", threshold,
                        "amount", money(currency, facts.amountMinor())};
            }
        }
    }

    private static final class NoActivity extends Base {
        private final int days;

        NoActivity(RuleDefinition d) {
            super(d, RiskScope.OPPORTUNITY);
            days = d.whole("days", 14);
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            long today = asOf.toEpochDay();
            String threshold = Integer.toString(days);
            List<OpportunityFacts> opportunities = snapshot.opportunities();
            for (int i = 0, n = opportunities.size(); i < n; i++) {
                OpportunityFacts o = opportunities.get(i);
                if (!o.open()) {
                    continue;
                }
                long idle = today - o.lastActivityOn().toEpochDay();
                if (idle >= days) {
                    findings.accept(finding(subjects.opportunity(i), new Idle(o, idle, threshold), asOf));
                }
            }
        }

        private static final class Idle extends RowEvidence<OpportunityFacts> {
            Idle(OpportunityFacts opportunity, long idle, String days) {
                super(opportunity, idle, 0, days, null);
            }

            @Override
            String[] render() {
                return new String[] {"daysWithoutActivity", Long.toString(figure), "lastActivityOn", facts.lastActivityOn().toString(),
                        "days", threshold};
            }
        }
    }

    private static final class ChurnWarning extends Base {
        private final BigDecimal orderDrop;
        private final BigDecimal satisfactionDrop;
        private final int noPurchaseDays;

        ChurnWarning(RuleDefinition d) {
            super(d, RiskScope.ACCOUNT);
            orderDrop = d.decimal("orderDrop", new BigDecimal("0.30"));
            satisfactionDrop = d.decimal("satisfactionDrop", BigDecimal.ONE);
            noPurchaseDays = d.whole("noPurchaseDays", 90);
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            long today = asOf.toEpochDay();
            List<AccountFacts> accounts = snapshot.accounts();
            for (int i = 0, n = accounts.size(); i < n; i++) {
                AccountFacts a = accounts.get(i);
                int signals = 0;
                long drop = a.ordersPriorMinor() - a.ordersCurrentMinor();
                if (a.ordersPriorMinor() > 0 && drop > 0 && atLeastShare(drop, a.ordersPriorMinor(), orderDrop)) {
                    signals |= Churn.ORDERS;
                }
                if (a.satisfactionPrior().isPresent() && a.satisfactionLatest().isPresent()
                        && a.satisfactionPrior().get().subtract(a.satisfactionLatest().get()).compareTo(satisfactionDrop) >= 0) {
                    signals |= Churn.SATISFACTION;
                }
                if (a.lastPurchaseOn().isPresent() && today - a.lastPurchaseOn().get().toEpochDay() >= noPurchaseDays) {
                    signals |= Churn.PURCHASE;
                }
                if (signals != 0) {
                    findings.accept(finding(subjects.account(i), new Churn(a, signals, today, snapshot.currency()), asOf));
                }
            }
        }

        /** The churn evidence of one account: the signals that fired, rendered from its facts. */
        private static final class Churn extends RowEvidence<AccountFacts> {
            static final int ORDERS = 1;
            static final int SATISFACTION = 2;
            static final int PURCHASE = 4;

            Churn(AccountFacts account, int signals, long today, Currency currency) {
                super(account, today, signals, null, currency);
            }

            @Override
            String[] render() {
                Evidence.Builder evidence = new Evidence.Builder();
                AccountFacts a = facts;
                long today = figure;
                int signals = flags;
                if ((signals & ORDERS) != 0) {
                    evidence.put("ordersPrior", money(currency, a.ordersPriorMinor()));
                    evidence.put("ordersCurrent", money(currency, a.ordersCurrentMinor()));
                    evidence.put("orderDrop", share(a.ordersPriorMinor() - a.ordersCurrentMinor(), a.ordersPriorMinor()));
                }
                if ((signals & SATISFACTION) != 0) {
                    evidence.put("satisfactionPrior", a.satisfactionPrior().orElseThrow().toPlainString());
                    evidence.put("satisfactionLatest", a.satisfactionLatest().orElseThrow().toPlainString());
                }
                if ((signals & PURCHASE) != 0) {
                    evidence.put("daysWithoutPurchase", Long.toString(today - a.lastPurchaseOn().orElseThrow().toEpochDay()));
                }
                return evidence.build().pairs();
            }
        }
    }

    private static final class CreditExposure extends Base {
        private final int overdueDays;

        CreditExposure(RuleDefinition d) {
            super(d, RiskScope.ACCOUNT);
            overdueDays = d.whole("overdueDays", 1);
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            long today = asOf.toEpochDay();
            List<AccountFacts> accounts = snapshot.accounts();
            for (int i = 0, n = accounts.size(); i < n; i++) {
                AccountFacts a = accounts.get(i);
                boolean exceeded = a.openReceivablesMinor() > a.creditLimitMinor();
                Optional<LocalDate> due = a.oldestOverdueDueOn();
                long late = due.isPresent() ? today - due.get().toEpochDay() : 0;
                boolean overdue = a.overdueReceivablesMinor() > 0 && due.isPresent() && late >= overdueDays;
                if (exceeded || overdue) {
                    findings.accept(finding(subjects.account(i), new Exposure(a, overdue, late, snapshot.currency()), asOf));
                }
            }
        }

        private static final class Exposure extends RowEvidence<AccountFacts> {
            Exposure(AccountFacts account, boolean overdue, long late, Currency currency) {
                super(account, late, overdue ? 1 : 0, null, currency);
            }

            @Override
            String[] render() {
                boolean overdue = flags != 0;
                long late = figure;
                String limit = money(currency, facts.creditLimitMinor());
                String open = money(currency, facts.openReceivablesMinor());
                return overdue
                        ? new String[] {"creditLimit", limit, "openReceivables", open,
                                "overdueReceivables", money(currency, facts.overdueReceivablesMinor()), "daysOverdue", Long.toString(late)}
                        : new String[] {"creditLimit", limit, "openReceivables", open};
            }
        }
    }

    private static final class KeyPerson extends Base {
        private final BigDecimal maxShare;

        KeyPerson(RuleDefinition d) {
            super(d, RiskScope.REP);
            maxShare = d.decimal("maxShare", new BigDecimal("0.40"));
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            Map<String, long[]> byRep = new TreeMap<>();
            long total = 0;
            for (AccountFacts a : snapshot.accounts()) {
                if (a.abcClass() == AbcClass.A && a.profitMinor() > 0) {
                    byRep.computeIfAbsent(a.owner(), k -> new long[1])[0] += a.profitMinor();
                    total = Math.addExact(total, a.profitMinor());
                }
            }
            for (Map.Entry<String, long[]> rep : byRep.entrySet()) {
                long held = rep.getValue()[0];
                if (atLeastShare(held, total, maxShare)) {
                    Map<String, String> evidence = new LinkedHashMap<>();
                    evidence.put("aClassProfitHeld", money(snapshot, held));
                    evidence.put("aClassProfitTotal", money(snapshot, total));
                    evidence.put("share", share(held, total));
                    evidence.put("maxShare", maxShare.toPlainString());
                    findings.accept(finding("rep:" + rep.getKey(), evidence, asOf));
                }
            }
        }
    }

    private static final class Concentration extends Base {
        private final BigDecimal maxShare;

        Concentration(RuleDefinition d) {
            super(d, RiskScope.ACCOUNT);
            maxShare = d.decimal("maxShare", new BigDecimal("0.25"));
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            long total = 0;
            for (AccountFacts a : snapshot.accounts()) {
                total = Math.addExact(total, Math.max(0, a.revenueMinor()));
            }
            if (total > 0) {
                List<AccountFacts> accounts = snapshot.accounts();
                for (int i = 0, n = accounts.size(); i < n; i++) {
                    AccountFacts a = accounts.get(i);
                    if (a.revenueMinor() > 0 && atLeastShare(a.revenueMinor(), total, maxShare)) {
                        findings.accept(evidenced(snapshot, subjects.account(i), a.revenueMinor(), total, asOf));
                    }
                }
            }
            long lines = 0;
            for (PortfolioSnapshot.ProductLineRevenue line : snapshot.productLines()) {
                lines = Math.addExact(lines, Math.max(0, line.revenueMinor()));
            }
            if (lines > 0) {
                for (PortfolioSnapshot.ProductLineRevenue line : snapshot.productLines()) {
                    if (line.revenueMinor() > 0 && atLeastShare(line.revenueMinor(), lines, maxShare)) {
                        Finding f = evidenced(snapshot, "product-line:" + line.productLine(), line.revenueMinor(), lines, asOf);
                        findings.accept(new Finding(f.ruleId(), f.ruleVersion(), RiskScope.PRODUCT_LINE, f.subject(), f.severity(),
                                f.evidence(), f.suggestedResponse(), asOf));
                    }
                }
            }
        }

        private Finding evidenced(PortfolioSnapshot snapshot, String subject, long revenue, long total, LocalDate asOf) {
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("revenue", money(snapshot, revenue));
            evidence.put("totalRevenue", money(snapshot, total));
            evidence.put("share", share(revenue, total));
            evidence.put("maxShare", maxShare.toPlainString());
            return finding(subject, evidence, asOf);
        }
    }

    private static final class TargetAtRisk extends Base {
        private final BigDecimal requiredCoverage;

        TargetAtRisk(RuleDefinition d) {
            super(d, RiskScope.TARGET);
            requiredCoverage = d.decimal("requiredCoverage", new BigDecimal("3"));
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            if (snapshot.targets().isEmpty()) {
                return;
            }
            Map<String, String> teamOf = new HashMap<>();
            snapshot.reps().forEach(r -> teamOf.put(r.id(), r.teamId()));
            Map<String, long[]> byRep = new HashMap<>();
            Map<String, long[]> byTeam = new HashMap<>();
            for (OpportunityFacts o : snapshot.opportunities()) {
                if (o.open()) {
                    byRep.computeIfAbsent(o.owner(), k -> new long[1])[0] += o.amountMinor();
                    String team = teamOf.get(o.owner());
                    if (team != null) {
                        byTeam.computeIfAbsent(team, k -> new long[1])[0] += o.amountMinor();
                    }
                }
            }
            for (PortfolioSnapshot.TargetFacts t : snapshot.targets()) {
                long gap = t.targetMinor() - t.achievedMinor();
                long[] pipeline = (t.holderScope() == RiskScope.REP ? byRep : byTeam).getOrDefault(t.holderId(), new long[1]);
                if (gap > 0 && BigDecimal.valueOf(pipeline[0]).compareTo(requiredCoverage.multiply(BigDecimal.valueOf(gap))) < 0) {
                    Map<String, String> evidence = new LinkedHashMap<>();
                    evidence.put("holder", t.holderScope().name().toLowerCase(java.util.Locale.ROOT) + ":" + t.holderId());
                    evidence.put("target", money(snapshot, t.targetMinor()));
                    evidence.put("achieved", money(snapshot, t.achievedMinor()));
                    evidence.put("gap", money(snapshot, gap));
                    evidence.put("openPipeline", money(snapshot, pipeline[0]));
                    evidence.put("coverage", BigDecimal.valueOf(pipeline[0]).divide(BigDecimal.valueOf(gap), 2, RoundingMode.HALF_EVEN).toPlainString());
                    evidence.put("requiredCoverage", requiredCoverage.toPlainString());
                    findings.accept(finding("target:" + t.id(), evidence, asOf));
                }
            }
        }
    }

    private static final class PricePressure extends Base {
        private final int periods;

        PricePressure(RuleDefinition d) {
            super(d, RiskScope.PORTFOLIO);
            periods = d.whole("periods", 3);
        }

        @Override
        public void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings, Subjects subjects) {
            List<BigDecimal> series = snapshot.averageDiscountByPeriod();
            if (periods < 1 || series.size() < periods + 1) {
                return;
            }
            List<BigDecimal> recent = series.subList(series.size() - periods - 1, series.size());
            for (int i = 1; i < recent.size(); i++) {
                if (recent.get(i).compareTo(recent.get(i - 1)) <= 0) {
                    return;
                }
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("averageDiscounts", recent.stream().map(BigDecimal::toPlainString).toList().toString());
            evidence.put("periods", Integer.toString(periods));
            findings.accept(finding("portfolio", evidence, asOf));
        }
    }
}
