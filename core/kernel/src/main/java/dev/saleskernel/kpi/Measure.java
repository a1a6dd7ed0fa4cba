package dev.saleskernel.kpi;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An additive quantity the KPI cube sums per cell: a money amount in minor units or a count. Every
 * KPI is a formula over measures, so roll-ups sum measures and evaluate the formula once on the
 * sums (ratios roll up by summing numerator and denominator). Codes are 1–64 characters of
 * {@code [a-z0-9.-]}; host-defined measures use their own codes.
 *
 * @param code  the stable code
 * @param money whether the measure is minor units of the fact table's currency (else a count)
 */
public record Measure(String code, boolean money) {
    /* First, so that it exists when the constants below are built. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9.-]{1,64}");

    /** Σ order amounts, minor units (returns negative). */
    public static final Measure SALES = new Measure("sales", true);
    /** Σ order count (+1 per order, −1 per cancelled order, 0 for adjustments). */
    public static final Measure ORDERS = new Measure("orders", false);
    /** Σ cost of goods sold of the orders, minor units. */
    public static final Measure COGS = new Measure("cogs", true);
    /** Σ direct (variable) selling costs booked to the cell, minor units. */
    public static final Measure SELLING_COST = new Measure("selling-cost", true);
    /** Customers whose first order in the data falls in the cell (on that order's row). */
    public static final Measure NEW_CUSTOMERS = new Measure("new-customers", false);
    /** Customer-acquisition spend booked to the cell, minor units. */
    public static final Measure ACQUISITION_SPEND = new Measure("acquisition-spend", true);
    /** Total market sales for the cell's scope, minor units (an input). */
    public static final Measure MARKET_SALES = new Measure("market-sales", true);
    /** Buying customers, counted once per customer and calendar month, on the customer's first order row of the month. */
    public static final Measure ACTIVE_CUSTOMER_MONTHS = new Measure("active-customer-months", false);
    /** Potential customers of the market, per month (an input), summed over months. */
    public static final Measure POTENTIAL_CUSTOMER_MONTHS = new Measure("potential-customer-months", false);
    /** Cohort: customers active in a month whose following month is complete (observable). */
    public static final Measure COHORT_CUSTOMERS = new Measure("cohort-customers", false);
    /** Cohort members who bought again in the following month. */
    public static final Measure RETAINED_CUSTOMERS = new Measure("retained-customers", false);
    /** Σ satisfaction scores, points 0..100 per response. */
    public static final Measure SATISFACTION_POINTS = new Measure("satisfaction-points", false);
    /** Satisfaction survey responses. */
    public static final Measure SATISFACTION_RESPONSES = new Measure("satisfaction-responses", false);
    /** Σ days reps (role REP) were members of the cell's unit inside the cell's period. */
    public static final Measure REP_DAYS = new Measure("rep-days", false);
    /** Won deals of the cohort created in the cell's period. */
    public static final Measure DEALS_WON = new Measure("deals-won", false);
    /** Σ seconds from creation to won over those won deals. */
    public static final Measure CYCLE_SECONDS = new Measure("cycle-seconds", false);
    /** Σ visits logged on those won deals. */
    public static final Measure VISITS_ON_WON = new Measure("visits-on-won", false);

    /** Every built-in measure, in a fixed order; stage-reached measures follow them. */
    public static final List<Measure> BUILT_IN = List.of(SALES, ORDERS, COGS, SELLING_COST, NEW_CUSTOMERS, ACQUISITION_SPEND,
            MARKET_SALES, ACTIVE_CUSTOMER_MONTHS, POTENTIAL_CUSTOMER_MONTHS, COHORT_CUSTOMERS, RETAINED_CUSTOMERS,
            SATISFACTION_POINTS, SATISFACTION_RESPONSES, REP_DAYS, DEALS_WON, CYCLE_SECONDS, VISITS_ON_WON);

    public Measure {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a measure code is 1-64 characters of [a-z0-9.-], got '" + code + "'");
        }
    }

    /** Cohort deals that reached open stage {@code stage} (0-based) or later, won counting as the last stage. */
    public static Measure reached(int stage) {
        if (stage < 0 || stage > 99) {
            throw new IllegalArgumentException("stage index 0..99, got " + stage);
        }
        return new Measure("reached." + stage, false);
    }

    /** A host-defined count measure. */
    public static Measure count(String code) {
        return new Measure(code, false);
    }

    /** A host-defined money measure (minor units). */
    public static Measure money(String code) {
        return new Measure(code, true);
    }

    @Override
    public String toString() {
        return code;
    }
}
