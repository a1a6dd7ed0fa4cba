package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.FiscalYearNaming;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import java.time.LocalDate;
import java.time.Month;

/**
 * A period in a document: a calendar period by kind, fiscal year, number and calendar, or a
 * custom period by name and dates (the end exclusive).
 */
public record PeriodDocument(@JsonProperty("kind") String kind,
                             @JsonProperty("fiscalYear") Integer fiscalYear,
                             @JsonProperty("number") Integer number,
                             @JsonProperty("firstMonth") String firstMonth,
                             @JsonProperty("naming") String naming,
                             @JsonProperty("name") String name,
                             @JsonProperty("start") String start,
                             @JsonProperty("endExclusive") String endExclusive) {

    static PeriodDocument of(Period period) {
        if (period.kind() == PeriodKind.CUSTOM) {
            return new PeriodDocument("CUSTOM", null, null, null, null, period.label(), period.start().toString(),
                    period.endExclusive().toString());
        }
        FiscalCalendar calendar = period.calendar().orElseThrow();
        return new PeriodDocument(period.kind().name(), period.fiscalYear(), period.number(), calendar.firstMonth().name(),
                calendar.naming().name(), null, null, null);
    }

    Period toPeriod() {
        PeriodKind periodKind = PeriodKind.valueOf(kind);
        if (periodKind == PeriodKind.CUSTOM) {
            return Period.custom(name, LocalDate.parse(start), LocalDate.parse(endExclusive));
        }
        return new FiscalCalendar(Month.valueOf(firstMonth), FiscalYearNaming.valueOf(naming))
                .period(periodKind, fiscalYear, number);
    }
}
