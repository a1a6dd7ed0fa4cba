/**
 * Fiscal calendars and periods: a {@link dev.saleskernel.period.FiscalCalendar} with a
 * configurable first month and naming rule; half-open {@link dev.saleskernel.period.Period}s
 * (fiscal year, half, quarter, month and custom) with containment, hierarchy and stepping;
 * {@link dev.saleskernel.period.DateRange}; and day-based
 * {@link dev.saleskernel.period.Proration} for mid-period hires, leavers and moves. Refusal codes:
 * {@link dev.saleskernel.period.PeriodRejection}.
 */
@SalesStyle
package dev.saleskernel.period;

import dev.saleskernel.shared.SalesStyle;
