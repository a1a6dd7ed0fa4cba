/**
 * Customers: A/B/C (Pareto) classification, customer pools with their reclaim sweep, and the
 * credit check. Every calculator here is a pure function of its inputs; dates are parameters.
 */
@SalesStyle
package dev.saleskernel.customer;

import dev.saleskernel.shared.SalesStyle;
