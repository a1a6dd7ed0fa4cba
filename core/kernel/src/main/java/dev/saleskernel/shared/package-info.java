/**
 * The shared kernel every bounded context uses: tenant, actor and command ids, the
 * {@link dev.saleskernel.shared.Rejection} error model, domain events and
 * {@link dev.saleskernel.shared.Change}, the segregation-of-duties rule.
 */
@SalesStyle
package dev.saleskernel.shared;
