/**
 * Funnel analytics: pure functions over a compact, array-based read model of opportunities and
 * their stage histories. Every metric declares its numerator, denominator and rounding point.
 */
@SalesStyle
package dev.saleskernel.funnel.analytics;

import dev.saleskernel.shared.SalesStyle;
