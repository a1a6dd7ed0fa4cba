/**
 * The sales budget: a {@link dev.saleskernel.budget.Budget} holds lines by cost category × org
 * unit × period, prepared top-down with the target decomposition
 * ({@link dev.saleskernel.target.Decomposer}, largest remainder, children sum exactly to their
 * parent), approved with four eyes, then executed: commitments and actual spend are recorded as
 * facts idempotent by source id and controlled per line (stop, warn or ignore, on the period and
 * on the year-to-date accumulated budget). Adjustments and transfers need a second person's
 * approval; {@link dev.saleskernel.budget.VarianceReport} reports budget against use, rolled up
 * the budget's org tree. Every amount is a {@code long} in minor units of the budget's currency.
 */
@SalesStyle
package dev.saleskernel.budget;

import dev.saleskernel.shared.SalesStyle;
