package dev.saleskernel.kpi;

import static dev.saleskernel.kpi.Measure.ACQUISITION_SPEND;
import static dev.saleskernel.kpi.Measure.ACTIVE_CUSTOMER_MONTHS;
import static dev.saleskernel.kpi.Measure.COGS;
import static dev.saleskernel.kpi.Measure.COHORT_CUSTOMERS;
import static dev.saleskernel.kpi.Measure.CYCLE_SECONDS;
import static dev.saleskernel.kpi.Measure.DEALS_WON;
import static dev.saleskernel.kpi.Measure.MARKET_SALES;
import static dev.saleskernel.kpi.Measure.NEW_CUSTOMERS;
import static dev.saleskernel.kpi.Measure.ORDERS;
import static dev.saleskernel.kpi.Measure.POTENTIAL_CUSTOMER_MONTHS;
import static dev.saleskernel.kpi.Measure.REP_DAYS;
import static dev.saleskernel.kpi.Measure.RETAINED_CUSTOMERS;
import static dev.saleskernel.kpi.Measure.SALES;
import static dev.saleskernel.kpi.Measure.SATISFACTION_POINTS;
import static dev.saleskernel.kpi.Measure.SATISFACTION_RESPONSES;
import static dev.saleskernel.kpi.Measure.SELLING_COST;
import static dev.saleskernel.kpi.Measure.VISITS_ON_WON;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The built-in KPI catalogue. Each metric is a formula over summed measures, so every roll-up
 * (org tree, territory, channel, product line, longer periods) sums the measures first and
 * evaluates once: <b>ratios roll up by summing numerators and denominators</b>, never by averaging
 * ratios. Values are rounded once, HALF_EVEN, at the unit's scale (money to the minor unit,
 * ratios to 4 decimals, days and points to 2). Growth is in {@link KpiCube#growth}.
 *
 * <table>
 *   <caption>The catalogue</caption>
 *   <tr><th>code</th><th>unit</th><th>formula</th><th>denominator</th></tr>
 *   <tr><td>sales-amount</td><td>money</td><td>Σ sales</td><td>—</td></tr>
 *   <tr><td>order-count</td><td>count</td><td>Σ orders</td><td>—</td></tr>
 *   <tr><td>average-order-value</td><td>money</td><td>sales ÷ orders</td><td>orders</td></tr>
 *   <tr><td>market-share</td><td>ratio</td><td>sales ÷ market sales</td><td>market-sales</td></tr>
 *   <tr><td>penetration</td><td>ratio</td><td>active customer-months ÷ potential customer-months</td><td>potential-customer-months</td></tr>
 *   <tr><td>gross-margin</td><td>money</td><td>sales − cogs</td><td>—</td></tr>
 *   <tr><td>gross-margin-rate</td><td>ratio</td><td>(sales − cogs) ÷ sales</td><td>sales</td></tr>
 *   <tr><td>contribution</td><td>money</td><td>sales − cogs − selling cost</td><td>—</td></tr>
 *   <tr><td>contribution-rate</td><td>ratio</td><td>(sales − cogs − selling cost) ÷ sales</td><td>sales</td></tr>
 *   <tr><td>new-customers</td><td>count</td><td>Σ new customers</td><td>—</td></tr>
 *   <tr><td>customer-acquisition-cost</td><td>money</td><td>acquisition spend ÷ new customers</td><td>new-customers</td></tr>
 *   <tr><td>retention-rate</td><td>ratio</td><td>retained ÷ cohort</td><td>cohort-customers</td></tr>
 *   <tr><td>churn-rate</td><td>ratio</td><td>(cohort − retained) ÷ cohort</td><td>cohort-customers</td></tr>
 *   <tr><td>customer-lifetime-value</td><td>money</td><td>(gross margin ÷ active customer-months) ÷ churn rate</td><td>active-customer-months, churned</td></tr>
 *   <tr><td>satisfaction-score</td><td>points</td><td>satisfaction points ÷ responses</td><td>satisfaction-responses</td></tr>
 *   <tr><td>sales-cycle-days</td><td>days</td><td>cycle seconds ÷ (won deals × 86,400)</td><td>deals-won</td></tr>
 *   <tr><td>stage-conversion.s</td><td>ratio</td><td>reached(s+1) ÷ reached(s)</td><td>reached.s</td></tr>
 *   <tr><td>visits-to-close</td><td>per count</td><td>visits on won deals ÷ won deals</td><td>deals-won</td></tr>
 *   <tr><td>output-per-rep</td><td>money</td><td>sales ÷ (rep days ÷ period days)</td><td>rep-days</td></tr>
 * </table>
 */
public final class Kpis {
    private static final BigDecimal DAY_SECONDS = BigDecimal.valueOf(86_400);

    private Kpis() {
    }

    /** A KPI given by a code, unit, formula text and function. */
    private record Formula(String code, KpiUnit unit, String formula, Function<Totals, KpiValue> function) implements Kpi {
        @Override
        public KpiValue evaluate(Totals totals) {
            return function.apply(Objects.requireNonNull(totals, "totals"));
        }

        @Override
        public String toString() {
            return code;
        }
    }

    private static BigDecimal big(long value) {
        return BigDecimal.valueOf(value);
    }

    /** Σ sales, money. */
    public static final Kpi SALES_AMOUNT = new Formula("sales-amount", KpiUnit.MONEY, "Σ sales",
            t -> Kpi.amount(t.get(SALES), KpiUnit.MONEY, t));
    /** Σ orders (cancellations count −1). */
    public static final Kpi ORDER_COUNT = new Formula("order-count", KpiUnit.COUNT, "Σ orders",
            t -> Kpi.amount(t.get(ORDERS), KpiUnit.COUNT, t));
    /** sales ÷ orders, money to the minor unit. */
    public static final Kpi AVERAGE_ORDER_VALUE = new Formula("average-order-value", KpiUnit.MONEY, "sales ÷ orders",
            t -> Kpi.ratio(big(t.get(SALES)), big(t.get(ORDERS)), KpiUnit.MONEY, t, ORDERS.code()));
    /** sales ÷ market sales (market size an input), 4 decimals. */
    public static final Kpi MARKET_SHARE = new Formula("market-share", KpiUnit.RATIO, "sales ÷ market sales",
            t -> Kpi.ratio(big(t.get(SALES)), big(t.get(MARKET_SALES)), KpiUnit.RATIO, t, MARKET_SALES.code()));
    /** active customer-months ÷ potential customer-months (the monthly buying share of the market's customers, averaged by weight). */
    public static final Kpi PENETRATION = new Formula("penetration", KpiUnit.RATIO,
            "active customer-months ÷ potential customer-months",
            t -> Kpi.ratio(big(t.get(ACTIVE_CUSTOMER_MONTHS)), big(t.get(POTENTIAL_CUSTOMER_MONTHS)), KpiUnit.RATIO, t,
                    POTENTIAL_CUSTOMER_MONTHS.code()));
    /** sales − cogs, money. */
    public static final Kpi GROSS_MARGIN = new Formula("gross-margin", KpiUnit.MONEY, "sales − cogs",
            t -> Kpi.amount(Math.subtractExact(t.get(SALES), t.get(COGS)), KpiUnit.MONEY, t));
    /** (sales − cogs) ÷ sales. */
    public static final Kpi GROSS_MARGIN_RATE = new Formula("gross-margin-rate", KpiUnit.RATIO, "(sales − cogs) ÷ sales",
            t -> Kpi.ratio(big(t.get(SALES)).subtract(big(t.get(COGS))), big(t.get(SALES)), KpiUnit.RATIO, t, SALES.code()));
    /** sales − cogs − selling cost, money. */
    public static final Kpi CONTRIBUTION = new Formula("contribution", KpiUnit.MONEY, "sales − cogs − selling cost",
            t -> Kpi.amount(Math.subtractExact(Math.subtractExact(t.get(SALES), t.get(COGS)), t.get(SELLING_COST)), KpiUnit.MONEY, t));
    /** (sales − cogs − selling cost) ÷ sales. */
    public static final Kpi CONTRIBUTION_RATE = new Formula("contribution-rate", KpiUnit.RATIO,
            "(sales − cogs − selling cost) ÷ sales",
            t -> Kpi.ratio(big(t.get(SALES)).subtract(big(t.get(COGS))).subtract(big(t.get(SELLING_COST))), big(t.get(SALES)),
                    KpiUnit.RATIO, t, SALES.code()));
    /** Σ new customers. */
    public static final Kpi NEW_CUSTOMER_COUNT = new Formula("new-customers", KpiUnit.COUNT, "Σ new customers",
            t -> Kpi.amount(t.get(NEW_CUSTOMERS), KpiUnit.COUNT, t));
    /** acquisition spend ÷ new customers, money. */
    public static final Kpi CUSTOMER_ACQUISITION_COST = new Formula("customer-acquisition-cost", KpiUnit.MONEY,
            "acquisition spend ÷ new customers",
            t -> Kpi.ratio(big(t.get(ACQUISITION_SPEND)), big(t.get(NEW_CUSTOMERS)), KpiUnit.MONEY, t, NEW_CUSTOMERS.code()));
    /** retained ÷ cohort. */
    public static final Kpi RETENTION_RATE = new Formula("retention-rate", KpiUnit.RATIO, "retained ÷ cohort",
            t -> Kpi.ratio(big(t.get(RETAINED_CUSTOMERS)), big(t.get(COHORT_CUSTOMERS)), KpiUnit.RATIO, t, COHORT_CUSTOMERS.code()));
    /** (cohort − retained) ÷ cohort. */
    public static final Kpi CHURN_RATE = new Formula("churn-rate", KpiUnit.RATIO, "(cohort − retained) ÷ cohort",
            t -> Kpi.ratio(big(t.get(COHORT_CUSTOMERS) - t.get(RETAINED_CUSTOMERS)), big(t.get(COHORT_CUSTOMERS)), KpiUnit.RATIO, t,
                    COHORT_CUSTOMERS.code()));
    /**
     * (gross margin ÷ active customer-months) ÷ churn rate = gross margin × cohort ÷ (active
     * customer-months × churned): monthly margin per buying customer over the expected months of
     * life. Undefined without buying customers, without a cohort, or without churn (NO_CHURN).
     */
    public static final Kpi CUSTOMER_LIFETIME_VALUE = new Formula("customer-lifetime-value", KpiUnit.MONEY,
            "(gross margin ÷ active customer-months) ÷ churn rate", Kpis::lifetimeValue);
    /** satisfaction points ÷ responses, points 0..100 at 2 decimals. */
    public static final Kpi SATISFACTION_SCORE = new Formula("satisfaction-score", KpiUnit.POINTS,
            "satisfaction points ÷ responses",
            t -> Kpi.ratio(big(t.get(SATISFACTION_POINTS)), big(t.get(SATISFACTION_RESPONSES)), KpiUnit.POINTS, t,
                    SATISFACTION_RESPONSES.code()));
    /** average days from creation to won over won deals. */
    public static final Kpi SALES_CYCLE_DAYS = new Formula("sales-cycle-days", KpiUnit.DAYS,
            "cycle seconds ÷ (won deals × 86,400)",
            t -> Kpi.ratio(big(t.get(CYCLE_SECONDS)), big(t.get(DEALS_WON)).multiply(DAY_SECONDS), KpiUnit.DAYS, t, DEALS_WON.code()));
    /** visits on won deals ÷ won deals, 2 decimals. */
    public static final Kpi VISITS_TO_CLOSE = new Formula("visits-to-close", KpiUnit.PER_COUNT, "visits on won deals ÷ won deals",
            t -> Kpi.ratio(big(t.get(VISITS_ON_WON)), big(t.get(DEALS_WON)), KpiUnit.PER_COUNT, t, DEALS_WON.code()));
    /**
     * sales ÷ full-time-equivalent reps, where FTE = rep days ÷ period days: a rep present 46 of
     * 92 days counts 0.5. Computed exactly as sales × period days ÷ rep days, rounded once.
     */
    public static final Kpi OUTPUT_PER_REP = new Formula("output-per-rep", KpiUnit.MONEY, "sales ÷ (rep days ÷ period days)",
            t -> Kpi.ratio(big(t.get(SALES)).multiply(big(t.periodDays())), big(t.get(REP_DAYS)), KpiUnit.MONEY, t, REP_DAYS.code()));

    /** Conversion from open stage {@code stage} to the next (the last open stage converts to won): reached(s+1) ÷ reached(s). */
    public static Kpi stageConversion(int stage) {
        Measure from = Measure.reached(stage);
        Measure to = Measure.reached(stage + 1);
        return new Formula("stage-conversion." + stage, KpiUnit.RATIO, "reached(" + (stage + 1) + ") ÷ reached(" + stage + ")",
                t -> Kpi.ratio(big(t.get(to)), big(t.get(from)), KpiUnit.RATIO, t, from.code()));
    }

    /** Every built-in KPI, with one stage conversion per open stage of a layout with {@code openStages} stages. */
    public static List<Kpi> all(int openStages) {
        List<Kpi> all = new ArrayList<>(List.of(SALES_AMOUNT, ORDER_COUNT, AVERAGE_ORDER_VALUE, MARKET_SHARE, PENETRATION,
                GROSS_MARGIN, GROSS_MARGIN_RATE, CONTRIBUTION, CONTRIBUTION_RATE, NEW_CUSTOMER_COUNT, CUSTOMER_ACQUISITION_COST,
                RETENTION_RATE, CHURN_RATE, CUSTOMER_LIFETIME_VALUE, SATISFACTION_SCORE, SALES_CYCLE_DAYS, VISITS_TO_CLOSE,
                OUTPUT_PER_REP));
        for (int s = 0; s < openStages; s++) {
            all.add(stageConversion(s));
        }
        return List.copyOf(all);
    }

    private static KpiValue lifetimeValue(Totals t) {
        long active = t.get(ACTIVE_CUSTOMER_MONTHS);
        long cohort = t.get(COHORT_CUSTOMERS);
        long churned = cohort - t.get(RETAINED_CUSTOMERS);
        if (active == 0) {
            return new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, ACTIVE_CUSTOMER_MONTHS.code());
        }
        if (cohort == 0) {
            return new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, COHORT_CUSTOMERS.code());
        }
        if (churned == 0) {
            return new KpiValue.Undefined(KpiValue.Reason.NO_CHURN, "churned");
        }
        BigDecimal margin = big(t.get(SALES)).subtract(big(t.get(COGS)));
        return Kpi.ratio(margin.multiply(big(cohort)), big(active).multiply(big(churned)), KpiUnit.MONEY, t, "churned");
    }
}
