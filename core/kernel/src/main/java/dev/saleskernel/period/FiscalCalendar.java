package dev.saleskernel.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A fiscal calendar: the year starts on the first day of {@code firstMonth} and is divided into
 * two halves, four quarters and twelve months; each of these is a {@link Period}.
 *
 * <p>Numbering: halves {@code H1–H2}, quarters {@code Q1–Q4} and months {@code M01–M12} count from
 * the start of the fiscal year, so with an April start {@code M01} is April and {@code Q4} is
 * January–March. The fiscal year's number follows {@code naming}: by default
 * {@link FiscalYearNaming#END_YEAR}, the calendar year the fiscal year ends in (April 2025 –
 * March 2026 is {@code FY2026}). Labels: {@code FY2026}, {@code FY2026-H1}, {@code FY2026-Q2},
 * {@code FY2026-M05}.
 *
 * @param firstMonth the month the fiscal year starts in
 * @param naming     which calendar year gives the fiscal year its number
 */
public record FiscalCalendar(Month firstMonth, FiscalYearNaming naming) {
    /** The calendar year: January to December, FY2026 = 2026. */
    public static final FiscalCalendar CALENDAR_YEAR = new FiscalCalendar(Month.JANUARY, FiscalYearNaming.END_YEAR);

    /**
     * @throws NullPointerException if an argument is null
     */
    public FiscalCalendar {
        Objects.requireNonNull(firstMonth, "firstMonth");
        Objects.requireNonNull(naming, "naming");
    }

    /** A fiscal year starting in {@code firstMonth}, named by the year it ends in. */
    public static FiscalCalendar startingIn(Month firstMonth) {
        return new FiscalCalendar(firstMonth, FiscalYearNaming.END_YEAR);
    }

    /** This calendar with another naming rule. */
    public FiscalCalendar withNaming(FiscalYearNaming otherNaming) {
        return new FiscalCalendar(firstMonth, otherNaming);
    }

    /** The number of the fiscal year {@code date} falls in. */
    public int fiscalYearOf(LocalDate date) {
        return fiscalYearNumber(yearStartOf(date));
    }

    /** The fiscal year containing {@code date}. */
    public Period yearOf(LocalDate date) {
        return periodOf(PeriodKind.YEAR, date);
    }

    /** The fiscal half containing {@code date}. */
    public Period halfOf(LocalDate date) {
        return periodOf(PeriodKind.HALF, date);
    }

    /** The fiscal quarter containing {@code date}. */
    public Period quarterOf(LocalDate date) {
        return periodOf(PeriodKind.QUARTER, date);
    }

    /** The month containing {@code date}, numbered within its fiscal year. */
    public Period monthOf(LocalDate date) {
        return periodOf(PeriodKind.MONTH, date);
    }

    /**
     * The period of a calendar {@code kind} containing {@code date}.
     *
     * @throws IllegalArgumentException for {@link PeriodKind#CUSTOM}
     */
    public Period periodOf(PeriodKind kind, LocalDate date) {
        requireCalendarKind(kind);
        YearMonth yearStart = yearStartOf(date);
        int monthsIntoYear = (int) yearStart.until(YearMonth.from(date), java.time.temporal.ChronoUnit.MONTHS);
        return period(kind, yearStart, monthsIntoYear / kind.months() + 1);
    }

    /** Fiscal year {@code fiscalYear}, e.g. {@code year(2026)} is {@code FY2026}. */
    public Period year(int fiscalYear) {
        return period(PeriodKind.YEAR, fiscalYear, 1);
    }

    /**
     * Half {@code number} (1–2) of fiscal year {@code fiscalYear}.
     *
     * @throws IllegalArgumentException if the number is out of range
     */
    public Period half(int fiscalYear, int number) {
        return period(PeriodKind.HALF, fiscalYear, number);
    }

    /**
     * Quarter {@code number} (1–4) of fiscal year {@code fiscalYear}.
     *
     * @throws IllegalArgumentException if the number is out of range
     */
    public Period quarter(int fiscalYear, int number) {
        return period(PeriodKind.QUARTER, fiscalYear, number);
    }

    /**
     * Fiscal month {@code number} (1–12, counted from the first month) of fiscal year
     * {@code fiscalYear}.
     *
     * @throws IllegalArgumentException if the number is out of range
     */
    public Period month(int fiscalYear, int number) {
        return period(PeriodKind.MONTH, fiscalYear, number);
    }

    /**
     * Period {@code number} of a calendar {@code kind} in fiscal year {@code fiscalYear}.
     *
     * @throws IllegalArgumentException for {@link PeriodKind#CUSTOM} or a number out of range
     */
    public Period period(PeriodKind kind, int fiscalYear, int number) {
        requireCalendarKind(kind);
        int count = 12 / kind.months();
        if (number < 1 || number > count) {
            throw new IllegalArgumentException(kind + " number " + number + " outside 1.." + count);
        }
        YearMonth firstOfYear = YearMonth.of(fiscalYear, firstMonth);
        YearMonth yearStart = naming == FiscalYearNaming.END_YEAR && firstMonth != Month.JANUARY
                ? firstOfYear.minusYears(1) : firstOfYear;
        return period(kind, yearStart, number);
    }

    private Period period(PeriodKind kind, YearMonth yearStart, int number) {
        LocalDate start = yearStart.plusMonths((long) (number - 1) * kind.months()).atDay(1);
        return Period.ofCalendar(this, kind, start, start.plusMonths(kind.months()), fiscalYearNumber(yearStart), number);
    }

    private YearMonth yearStartOf(LocalDate date) {
        int monthsIntoYear = Math.floorMod(date.getMonthValue() - firstMonth.getValue(), 12);
        return YearMonth.from(date).minusMonths(monthsIntoYear);
    }

    private int fiscalYearNumber(YearMonth yearStart) {
        return naming == FiscalYearNaming.START_YEAR ? yearStart.getYear() : yearStart.plusMonths(11).getYear();
    }

    private static void requireCalendarKind(PeriodKind kind) {
        if (!Objects.requireNonNull(kind, "kind").isCalendar()) {
            throw new IllegalArgumentException("a fiscal calendar has no " + kind + " periods; use Period.custom");
        }
    }
}
