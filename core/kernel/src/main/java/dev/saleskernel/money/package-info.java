/**
 * Exact money: {@link dev.saleskernel.money.Money} (an exact {@code BigDecimal} amount in major
 * units with a {@code java.util.Currency}; equality ignores scale; no {@code double} anywhere),
 * {@link dev.saleskernel.money.RoundingPolicy} (the only place money is rounded: HALF_EVEN to the
 * currency's minor unit unless a plan declares otherwise), largest-remainder
 * {@link dev.saleskernel.money.Allocation} (parts always sum exactly to the total),
 * {@link dev.saleskernel.money.AmountInput} (limits checked on outside amounts before any
 * arithmetic), and dated exchange rates with explicit {@link dev.saleskernel.money.Conversion}.
 * Refusal codes: {@link dev.saleskernel.money.MoneyRejection}.
 */
@SalesStyle
package dev.saleskernel.money;

import dev.saleskernel.shared.SalesStyle;
