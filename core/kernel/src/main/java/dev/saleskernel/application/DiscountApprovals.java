package dev.saleskernel.application;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import java.math.BigDecimal;

/**
 * The approval port for discounts: consulted by {@link OpportunityService} only when a line's
 * discount is above the pipeline's threshold. The host answers from its own approval workflow
 * (e.g. a manager already approved this deal's discount). A {@link Decision#NEEDS_APPROVAL}
 * refuses the command with {@code funnel/DISCOUNT_NEEDS_APPROVAL}, naming every such line;
 * the host runs its approval and sends the command again.
 */
@FunctionalInterface
public interface DiscountApprovals {
    /** The port's answer. */
    enum Decision { APPROVED, NEEDS_APPROVAL }

    /**
     * @param maxDiscount the largest line discount, a fraction 0–1
     * @param threshold   the pipeline's threshold it exceeds
     */
    Decision decide(TenantId tenant, ActorId actor, String opportunityId, BigDecimal maxDiscount, BigDecimal threshold);

    /** Nothing is ever approved: discounts above threshold are always refused. The default. */
    static DiscountApprovals none() {
        return (tenant, actor, opportunityId, maxDiscount, threshold) -> Decision.NEEDS_APPROVAL;
    }
}
