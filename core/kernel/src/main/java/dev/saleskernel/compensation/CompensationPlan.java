package dev.saleskernel.compensation;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compensation plan and its versions (record id = plan id). A version is proposed as a draft
 * (its plan JSON is kept verbatim as the canonical text), and published only by a second person
 * (four-eyes: the proposer can never publish their own draft), or rejected. Published versions
 * are never edited; a change is a new version. One draft at a time.
 *
 * @param tenantId  the owning tenant
 * @param planId    the plan id
 * @param published the published versions, in version order
 * @param draft     the draft waiting for a decision, if any
 * @param lastVersion the highest version number used (drafts rejected included), so numbers are never reused
 */
public record CompensationPlan(TenantId tenantId, String planId, List<Published> published,
                               Optional<PendingApproval<Draft>> draft, int lastVersion) {
    public CompensationPlan {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(planId, "planId");
        published = List.copyOf(published);
        Objects.requireNonNull(draft, "draft");
    }

    /**
     * A version and the plan JSON it was read from.
     *
     * @param plan     the version
     * @param document the plan JSON as proposed
     */
    public record Draft(PlanVersion plan, String document) {
        public Draft {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(document, "document");
        }
    }

    /** A published version with its four-eyes record. */
    public record Published(Draft version, ActorId proposedBy, Instant proposedAt, String reason, ActorId publishedBy,
                            Instant publishedAt) {
        public Published {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(proposedBy, "proposedBy");
            Objects.requireNonNull(proposedAt, "proposedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(publishedBy, "publishedBy");
            Objects.requireNonNull(publishedAt, "publishedAt");
        }
    }

    String subject() {
        return "compensation-plan:" + planId;
    }

    /** Creates a plan with its first draft, version 1. */
    public static Either<Rejected, Change<CompensationPlan>> propose(TenantId tenantId, Draft draft, String reason, ActorId actor,
                                                                     Instant at) {
        return new CompensationPlan(tenantId, draft.plan().planId(), List.of(), Optional.empty(), 0)
                .proposeVersion(draft, reason, actor, at);
    }

    /** Proposes the next version as a draft; its version number must be the next one. */
    public Either<Rejected, Change<CompensationPlan>> proposeVersion(Draft proposed, String reason, ActorId actor, Instant at) {
        PlanVersion plan = proposed.plan();
        Checks checks = Checks.start()
                .require(draft.isEmpty(), () -> Rejection.of(SharedRejection.CHANGE_ALREADY_PENDING, subject(), "draft",
                        "a draft proposed by " + draft.map(d -> d.proposedBy().value()).orElse("") + " waits for a decision"))
                .require(plan.planId().equals(planId), () -> Rejection.of(CompensationRejection.PLAN_INVALID, subject(), "id",
                        "the draft belongs to another plan").withEvidence("id", plan.planId()))
                .require(plan.version() == lastVersion + 1, () -> Rejection.of(CompensationRejection.PLAN_INVALID, subject(),
                        "version", "the next version number is " + (lastVersion + 1)).withEvidence("version", plan.version()))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a plan version needs a reason for the audit trail"));
        Either<Rejected, PlanVersion> valid = plan.validated();
        if (valid.isLeft()) {
            for (Rejection reason1 : valid.getLeft().reasons()) {
                checks = checks.refuse(reason1);
            }
        }
        return checks.thenRight(() -> Change.of(
                new CompensationPlan(tenantId, planId, published, Optional.of(new PendingApproval<>(proposed, actor, at, reason)),
                        plan.version()),
                new PlanEvents.PlanVersionProposed(tenantId, planId, plan.version(), reason, actor, at)));
    }

    /** Publishes the draft; refused for its proposer (segregation of duties). */
    public Either<Rejected, Change<CompensationPlan>> publish(int version, ActorId approver, Instant at) {
        return pending(version).flatMap(pending -> pending.approvableBy(approver, subject()).thenRight(() -> {
            List<Published> more = new ArrayList<>(published);
            more.add(new Published(pending.proposal(), pending.proposedBy(), pending.proposedAt(), pending.reason(), approver, at));
            return Change.of(new CompensationPlan(tenantId, planId, more, Optional.empty(), lastVersion),
                    new PlanEvents.PlanVersionPublished(tenantId, planId, version, pending.proposedBy(), approver, at));
        }));
    }

    /** Rejects (or, by its proposer, withdraws) the draft. */
    public Either<Rejected, Change<CompensationPlan>> reject(int version, String reason, ActorId actor, Instant at) {
        return pending(version).flatMap(pending -> Checks.start()
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "rejecting a draft needs a reason for the audit trail"))
                .thenRight(() -> Change.of(new CompensationPlan(tenantId, planId, published, Optional.empty(), lastVersion),
                        new PlanEvents.PlanVersionRejected(tenantId, planId, version, reason, actor, at))));
    }

    /** The published version in force on a date: the highest-numbered one whose effective dates contain it. */
    public Optional<PlanVersion> inForceOn(LocalDate date) {
        return published.stream().map(p -> p.version().plan()).filter(p -> p.effective().contains(date))
                .max(Comparator.comparingInt(PlanVersion::version));
    }

    /** A published version by number. */
    public Optional<PlanVersion> version(int number) {
        return published.stream().map(p -> p.version().plan()).filter(p -> p.version() == number).findFirst();
    }

    private Either<Rejected, PendingApproval<Draft>> pending(int version) {
        if (draft.isEmpty()) {
            return Either.left(Rejected.of(Rejection.of(SharedRejection.NOTHING_PENDING, subject(), "draft",
                    "no draft is waiting for a decision")));
        }
        if (draft.get().proposal().plan().version() != version) {
            return Either.left(Rejected.of(Rejection.of(CompensationRejection.NO_SUCH_VERSION, subject(), "version",
                    "the draft waiting is another version").withEvidence("draft", draft.get().proposal().plan().version())));
        }
        return Either.right(draft.get());
    }
}
