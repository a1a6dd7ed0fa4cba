/**
 * Incentives and commissions: compensation plans as effective-dated data, crediting of
 * transactions to participants, exact calculators whose every line explains itself, and the
 * boundary ({@link dev.saleskernel.compensation.PeriodEarnings}) that settlement consumes.
 *
 * <p>Amounts are {@code long} minor units of one currency per plan; rounding happens only where a
 * type's Javadoc declares it, HALF_EVEN to the minor unit unless the plan says otherwise.
 */
@SalesStyle
package dev.saleskernel.compensation;

import dev.saleskernel.shared.SalesStyle;
