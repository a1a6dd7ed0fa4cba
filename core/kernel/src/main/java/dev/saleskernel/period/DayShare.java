package dev.saleskernel.period;

/**
 * The exact share of a period covered by a range of days: {@code coveredDays / periodDays}, e.g.
 * {@code 46/91} for a rep hired on day 46 of a 91-day quarter (days 46 to 91 inclusive). Kept as a
 * fraction of whole days, never as a rounded decimal.
 *
 * @param coveredDays the days of the period that are covered, {@code 0 ≤ coveredDays ≤ periodDays}
 * @param periodDays  the days of the period, at least 1
 */
public record DayShare(long coveredDays, long periodDays) {
    /**
     * @throws IllegalArgumentException if the days are out of range
     */
    public DayShare {
        if (periodDays < 1 || coveredDays < 0 || coveredDays > periodDays) {
            throw new IllegalArgumentException("a day share needs 0 <= covered <= period and period >= 1, got "
                    + coveredDays + "/" + periodDays);
        }
    }

    /** Whether the whole period is covered. */
    public boolean isWhole() {
        return coveredDays == periodDays;
    }

    /** Whether no day of the period is covered. */
    public boolean isNone() {
        return coveredDays == 0;
    }

    /** {@code covered/period}, e.g. {@code 46/91}. */
    @Override
    public String toString() {
        return coveredDays + "/" + periodDays;
    }
}
