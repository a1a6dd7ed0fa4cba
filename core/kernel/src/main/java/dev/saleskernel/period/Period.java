package dev.saleskernel.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A period of days, half-open {@code [start, endExclusive)}, with a kind and a label.
 *
 * <p>Calendar periods ({@link PeriodKind#YEAR}, {@code HALF}, {@code QUARTER}, {@code MONTH}) come
 * from a {@link FiscalCalendar} and know their place in it: {@link #parent()},
 * {@link #children()} (year → halves → quarters → months), {@link #next()}, {@link #previous()},
 * {@link #plus(long)}. Their labels are {@code FY2026}, {@code FY2026-H1}, {@code FY2026-Q2},
 * {@code FY2026-M05}. Custom periods ({@link #custom(String, LocalDate, LocalDate)}) are any named
 * range of days and stand outside that hierarchy.
 *
 * <p>Two periods are equal when kind, dates, label and calendar are equal.
 */
public final class Period {
    /** The longest name a custom period may have, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    private final PeriodKind kind;
    private final DateRange range;
    private final String label;
    private final FiscalCalendar calendar;
    private final int fiscalYear;
    private final int number;

    private Period(PeriodKind kind, DateRange range, String label, FiscalCalendar calendar, int fiscalYear, int number) {
        this.kind = kind;
        this.range = range;
        this.label = label;
        this.calendar = calendar;
        this.fiscalYear = fiscalYear;
        this.number = number;
    }

    static Period ofCalendar(FiscalCalendar calendar, PeriodKind kind, LocalDate start, LocalDate endExclusive,
                             int fiscalYear, int number) {
        String label = switch (kind) {
            case YEAR -> "FY" + fiscalYear;
            case HALF -> "FY" + fiscalYear + "-H" + number;
            case QUARTER -> "FY" + fiscalYear + "-Q" + number;
            case MONTH -> String.format("FY%d-M%02d", fiscalYear, number);
            case CUSTOM -> throw new IllegalArgumentException("not a calendar kind");
        };
        return new Period(kind, new DateRange(start, endExclusive), label, calendar, fiscalYear, number);
    }

    /**
     * A custom period named {@code name} over {@code [start, endExclusive)}.
     *
     * @throws IllegalArgumentException if the name is blank or longer than {@link #MAX_NAME_LENGTH},
     *                                  or the range is empty
     */
    public static Period custom(String name, LocalDate start, LocalDate endExclusive) {
        return custom(name, new DateRange(start, endExclusive));
    }

    /**
     * A custom period named {@code name} over {@code range}.
     *
     * @throws IllegalArgumentException if the name is blank or longer than {@link #MAX_NAME_LENGTH}
     */
    public static Period custom(String name, DateRange range) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a custom period's name must be 1-" + MAX_NAME_LENGTH + " characters, not blank");
        }
        return new Period(PeriodKind.CUSTOM, range, name, null, 0, 0);
    }

    /** The kind of period. */
    public PeriodKind kind() {
        return kind;
    }

    /** The first day of the period. */
    public LocalDate start() {
        return range.start();
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return range.endExclusive();
    }

    /** The days of the period, {@code [start, endExclusive)}. */
    public DateRange range() {
        return range;
    }

    /** {@code FY2026-Q2} and the like for calendar periods; the name for custom ones. */
    public String label() {
        return label;
    }

    /** The calendar a calendar period belongs to; empty for a custom period. */
    public Optional<FiscalCalendar> calendar() {
        return Optional.ofNullable(calendar);
    }

    /**
     * The number of the fiscal year a calendar period belongs to.
     *
     * @throws IllegalStateException for a custom period
     */
    public int fiscalYear() {
        requireCalendar("fiscal year");
        return fiscalYear;
    }

    /**
     * The position within the fiscal year, from 1: the half (1–2), quarter (1–4) or month (1–12);
     * 1 for a year.
     *
     * @throws IllegalStateException for a custom period
     */
    public int number() {
        requireCalendar("number");
        return number;
    }

    /** The number of days, {@code endExclusive − start} (a fiscal year has 365 or 366). */
    public long days() {
        return range.days();
    }

    /** Whether {@code start ≤ date < endExclusive}. */
    public boolean contains(LocalDate date) {
        return range.contains(date);
    }

    /** Whether every day of {@code other} is in this period. */
    public boolean contains(Period other) {
        return range.contains(other.range);
    }

    /** Whether the two periods share at least one day. */
    public boolean overlaps(Period other) {
        return range.overlaps(other.range);
    }

    /**
     * The periods one level down, in order: a year's two halves, a half's two quarters, a
     * quarter's three months. They partition this period with no gap or overlap. Empty for a
     * month or a custom period.
     */
    public List<Period> children() {
        if (kind == PeriodKind.MONTH || kind == PeriodKind.CUSTOM) {
            return List.of();
        }
        PeriodKind childKind = kind.finer();
        List<Period> children = new ArrayList<>();
        for (int offset = 0; offset < kind.months(); offset += childKind.months()) {
            children.add(calendar.periodOf(childKind, start().plusMonths(offset)));
        }
        return List.copyOf(children);
    }

    /** The period one level up (a month's quarter, a quarter's half, a half's year); empty for a year or a custom period. */
    public Optional<Period> parent() {
        if (kind == PeriodKind.YEAR || kind == PeriodKind.CUSTOM) {
            return Optional.empty();
        }
        return Optional.of(calendar.periodOf(kind.coarser(), start()));
    }

    /**
     * The period of the same kind {@code n} steps later ({@code n < 0}: earlier), e.g.
     * {@code FY2026-Q4.plus(1)} is {@code FY2027-Q1}.
     *
     * @throws IllegalStateException     for a custom period
     * @throws ArithmeticException       if the step count overflows
     * @throws java.time.DateTimeException if the result is outside the supported years
     */
    public Period plus(long n) {
        requireCalendar("successor");
        return calendar.periodOf(kind, start().plusMonths(Math.multiplyExact(n, (long) kind.months())));
    }

    /**
     * The period of the same kind right after this one; {@code plus(1)}.
     *
     * @throws IllegalStateException for a custom period
     */
    public Period next() {
        return plus(1);
    }

    /**
     * The period of the same kind right before this one; {@code plus(-1)}.
     *
     * @throws IllegalStateException for a custom period
     */
    public Period previous() {
        return plus(-1);
    }

    private void requireCalendar(String what) {
        if (calendar == null) {
            throw new IllegalStateException("custom period " + label + " has no " + what);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Period that && kind == that.kind && range.equals(that.range)
                && label.equals(that.label) && Objects.equals(calendar, that.calendar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, range, label, calendar);
    }

    /** The label and the dates, e.g. {@code FY2026-Q2 [2025-07-01, 2025-10-01)}. */
    @Override
    public String toString() {
        return label + " " + range;
    }
}
