/**
 * Settlement of compensation: what a participant is paid, given what the calculator says they
 * earned ({@link dev.saleskernel.compensation.PeriodEarnings}) and what was paid already.
 *
 * <p>{@link dev.saleskernel.compensation.settlement.SettlementTerms} (part of a plan's data) say
 * how: monthly advances with quarterly and year-end true-up, draws, holds and the clawback policy.
 * The {@link dev.saleskernel.compensation.settlement.PayeeLedger} of one participant and plan year
 * applies them and keeps the {@link dev.saleskernel.compensation.settlement.Statement}s, whose
 * every line explains itself. Settlement never recomputes a plan.
 *
 * <p>Amounts are {@code long} minor units of the plan's currency. Rounding happens only at the
 * points the types declare; each is toward zero ({@link java.math.RoundingMode#DOWN}) so that an
 * advance, a hold or a clawback never exceeds the amount it is taken from.
 */
@SalesStyle
package dev.saleskernel.compensation.settlement;

import dev.saleskernel.shared.SalesStyle;
