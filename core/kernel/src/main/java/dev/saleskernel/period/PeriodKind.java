package dev.saleskernel.period;

/**
 * The kind of a {@link Period}. Calendar kinds nest: a year has two halves, a half two quarters,
 * a quarter three months. A custom period is any named date range, outside that hierarchy.
 */
public enum PeriodKind {
    /** A fiscal year: 12 months from the calendar's first month. */
    YEAR(12),
    /** A fiscal half: 6 months. */
    HALF(6),
    /** A fiscal quarter: 3 months. */
    QUARTER(3),
    /** A calendar month, numbered within the fiscal year. */
    MONTH(1),
    /** Any named range of days. */
    CUSTOM(0);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    /** The length in months of a calendar kind; 0 for {@link #CUSTOM}. */
    public int months() {
        return months;
    }

    PeriodKind finer() {
        return switch (this) {
            case YEAR -> HALF;
            case HALF -> QUARTER;
            case QUARTER -> MONTH;
            case MONTH, CUSTOM -> throw new IllegalStateException(this + " has no finer kind");
        };
    }

    PeriodKind coarser() {
        return switch (this) {
            case HALF -> YEAR;
            case QUARTER -> HALF;
            case MONTH -> QUARTER;
            case YEAR, CUSTOM -> throw new IllegalStateException(this + " has no coarser kind");
        };
    }

    /** Whether this kind belongs to the fiscal calendar's hierarchy (every kind but CUSTOM). */
    public boolean isCalendar() {
        return this != CUSTOM;
    }
}
