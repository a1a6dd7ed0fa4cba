/**
 * The sales funnel: pipeline definitions (data, validated with every reason), the
 * {@link dev.saleskernel.funnel.Opportunity} aggregate whose stage moves are guarded by its
 * pipeline definition, and the ports a host answers (roles).
 */
@SalesStyle
package dev.saleskernel.funnel;

import dev.saleskernel.shared.SalesStyle;
