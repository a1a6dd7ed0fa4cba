package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A team member's share of the credit for an opportunity.
 *
 * @param member  the rep
 * @param percent percentage greater than 0; the team's percentages sum exactly to 100
 */
public record CreditSplit(ActorId member, BigDecimal percent) {
    public CreditSplit {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(percent, "percent");
    }
}
