/**
 * Fiscal calendars and periods: fiscal year, half, quarter, month and custom periods,
 * containment, day-based proration.
 */
@SalesStyle
package dev.saleskernel.period;

import dev.saleskernel.shared.SalesStyle;
