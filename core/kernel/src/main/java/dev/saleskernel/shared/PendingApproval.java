package dev.saleskernel.shared;

import java.time.Instant;
import java.util.Objects;

/**
 * A change that waits for a second person's decision (four-eyes principle). Aggregates that
 * need approvals (discounts, target versions, statement finalisation, budget transfers, tenant
 * settings) hold one of these and decide with {@link #approvableBy}.
 *
 * @param proposal   what is proposed, in the aggregate's own terms
 * @param proposedBy who proposed it; by segregation of duties, never its approver
 * @param proposedAt when it was proposed
 * @param reason     why, as the proposer wrote it
 * @param <P>        the proposal type
 */
public record PendingApproval<P>(P proposal, ActorId proposedBy, Instant proposedAt, String reason) {
    public PendingApproval {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** The rule {@code theProposerCannotApprove}: the approver must be somebody else. */
    public Checks approvableBy(ActorId approver, String subject) {
        return Checks.start().require(!proposedBy.equals(approver), () -> new Rejection(
                SharedRejection.PROPOSER_CANNOT_APPROVE,
                "the actor who proposed a change cannot approve it",
                subject, "", java.util.Map.of("proposedBy", proposedBy.value(), "approver", approver.value())));
    }
}
