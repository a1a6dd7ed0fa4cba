/**
 * Sales targets: a {@link dev.saleskernel.target.TargetPlan} is one versioned aggregate holding a
 * tree of target nodes over dimensions (org, product line, region, channel) and time, decomposed
 * top-down exactly (children always sum to their parent in the target's unit, by largest
 * remainder), with manual locks, bottom-up commitments and reconciliation, and a change log.
 * {@link dev.saleskernel.target.Decomposer} holds the pure arithmetic;
 * and the attainment calculator measures actuals against targets.
 */
@SalesStyle
package dev.saleskernel.target;

import dev.saleskernel.shared.SalesStyle;
