/**
 * Exact money: {@link dev.saleskernel.money.Money}, rounding policies, largest-remainder
 * allocation, dated exchange rates.
 */
@SalesStyle
package dev.saleskernel.money;

import dev.saleskernel.shared.SalesStyle;
