/**
 * KPIs: a catalogue of typed metrics ({@link dev.saleskernel.kpi.Kpis}), each a formula over
 * additive measures ({@link dev.saleskernel.kpi.Measure}) with a declared unit, denominator and
 * rounding; a columnar fact table ({@link dev.saleskernel.kpi.KpiFacts}) and the cube
 * ({@link dev.saleskernel.kpi.KpiCube}) that cuts it along org unit (effective-dated, rolled up the
 * tree), territory, channel, product line and period, compares with targets and ranks. Ratios roll
 * up by summing numerators and denominators, never by averaging ratios; a zero denominator gives
 * {@link dev.saleskernel.kpi.KpiValue.Undefined} with its reason, never 0 or NaN.
 */
@SalesStyle
package dev.saleskernel.kpi;

import dev.saleskernel.shared.SalesStyle;
