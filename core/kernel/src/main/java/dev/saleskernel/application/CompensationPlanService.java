package dev.saleskernel.application;

import dev.saleskernel.compensation.CompensationPlan;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Use cases of compensation plans: propose a version from its plan JSON, publish it (a different
 * actor from the proposer), or reject it. Every command is authorised, idempotent by its command
 * id, and commits state and its audit events together or changes nothing.
 */
public final class CompensationPlanService {
    /** Action names put to the {@link Authorization} port. */
    public static final String PROPOSE = "compensation-plan.propose";
    public static final String PUBLISH = "compensation-plan.publish";
    public static final String REJECT = "compensation-plan.reject";

    private final CommandRunner runner;
    private final Repository<CompensationPlan> plans;

    CompensationPlanService(CommandRunner runner, Repository<CompensationPlan> plans) {
        this.runner = runner;
        this.plans = plans;
    }

    /**
     * Proposes the plan JSON as the plan's next version (version 1 creates the plan); refused with
     * every problem of the document ({@link JsonDocuments#compensationPlan}) and of the proposal.
     */
    public Either<Rejected, Executed<CompensationPlan>> propose(CommandContext context, String planJson, String reason) {
        Either<Rejected, PlanVersion> read = JsonDocuments.compensationPlan(planJson);
        if (read.isLeft()) {
            return Either.left(read.getLeft());
        }
        CompensationPlan.Draft draft = new CompensationPlan.Draft(read.get(), planJson);
        return runner.run(context, PROPOSE, plans, read.get().planId(), (current, at) -> current
                .map(plan -> plan.proposeVersion(draft, reason, context.actor(), at))
                .orElseGet(() -> CompensationPlan.propose(context.tenant(), draft, reason, context.actor(), at)));
    }

    /** Publishes the draft version; refused for its proposer. */
    public Either<Rejected, Executed<CompensationPlan>> publish(CommandContext context, String planId, int version) {
        return runner.run(context, PUBLISH, plans, planId, (current, at) -> current
                .map(plan -> plan.publish(version, context.actor(), at))
                .orElseGet(() -> notFound(planId)));
    }

    /** Rejects or withdraws the draft version. */
    public Either<Rejected, Executed<CompensationPlan>> reject(CommandContext context, String planId, int version, String reason) {
        return runner.run(context, REJECT, plans, planId, (current, at) -> current
                .map(plan -> plan.reject(version, reason, context.actor(), at))
                .orElseGet(() -> notFound(planId)));
    }

    /** The plan, if it exists in the tenant. */
    public Optional<CompensationPlan> find(TenantId tenant, String planId) {
        return plans.load(tenant, planId).map(Loaded::state);
    }

    private static <T> Either<Rejected, T> notFound(String planId) {
        return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "compensation-plan:" + planId, "",
                "no such plan")));
    }
}
