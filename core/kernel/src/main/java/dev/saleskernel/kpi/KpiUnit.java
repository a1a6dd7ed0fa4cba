package dev.saleskernel.kpi;

/** What a KPI's value is measured in, and the scale it is rounded to (HALF_EVEN). */
public enum KpiUnit {
    /** Money in the fact table's currency, major units at the currency's minor-unit scale (e.g. 1234.50). */
    MONEY(-1),
    /** A whole count. */
    COUNT(0),
    /** A fraction, 4 decimals (0.1250 = 12.5%). */
    RATIO(4),
    /** Days, 2 decimals. */
    DAYS(2),
    /** Satisfaction points 0..100, 2 decimals. */
    POINTS(2),
    /** A count per count (e.g. visits per won deal), 2 decimals. */
    PER_COUNT(2);

    private final int scale;

    KpiUnit(int scale) {
        this.scale = scale;
    }

    /** The decimal places of values in this unit; for {@link #MONEY}, the currency's minor-unit digits. */
    public int scale(java.util.Currency currency) {
        return this == MONEY ? Math.max(0, currency.getDefaultFractionDigits()) : scale;
    }
}
