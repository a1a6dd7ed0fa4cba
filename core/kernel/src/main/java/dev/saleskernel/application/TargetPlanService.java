package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.Dimension;
import dev.saleskernel.target.Reconciliation;
import dev.saleskernel.target.SmartCheck;
import dev.saleskernel.target.Strategy;
import dev.saleskernel.target.Target;
import dev.saleskernel.target.TargetPlan;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Use cases of target plans (one stored document per plan). Every command is authorised,
 * idempotent by its command id, and either commits the plan and its events together or changes
 * nothing. Action names for the {@link Authorization} port are {@code target-plan.<command>}.
 */
public final class TargetPlanService {
    public static final String CREATE = "target-plan.create";
    public static final String SPLIT = "target-plan.split";
    public static final String SET_AMOUNT = "target-plan.set-amount";
    public static final String UNLOCK = "target-plan.unlock";
    public static final String SUBMIT_COMMITMENT = "target-plan.submit-commitment";
    public static final String RECONCILE = "target-plan.reconcile";
    public static final String PROPOSE = "target-plan.propose";
    public static final String APPROVE = "target-plan.approve";
    public static final String REJECT = "target-plan.reject";
    public static final String OPEN_VERSION = "target-plan.open-version";

    private final CommandRunner runner;
    private final Repository<TargetPlan> plans;

    TargetPlanService(CommandRunner runner, Repository<TargetPlan> plans) {
        this.runner = runner;
        this.plans = plans;
    }

    /** Creates a plan with the default growth bound ({@link SmartCheck#DEFAULT_MAX_GROWTH}). */
    public Either<Rejected, Executed<TargetPlan>> create(CommandContext context, String planId, String name, Target root,
                                                         String rootLabel, Optional<Target> parent, Optional<Long> history) {
        return create(context, planId, name, root, rootLabel, parent, history, SmartCheck.DEFAULT_MAX_GROWTH);
    }

    /** Creates a plan; refused if one with this id exists or a SMART check refuses. */
    public Either<Rejected, Executed<TargetPlan>> create(CommandContext context, String planId, String name, Target root,
                                                         String rootLabel, Optional<Target> parent, Optional<Long> history,
                                                         BigDecimal maxGrowth) {
        return runner.run(context, CREATE, plans, planId, (current, at) -> current.isPresent()
                ? Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "target-plan:" + planId, "",
                "a target plan with this id exists already")))
                : TargetPlan.create(context.tenant(), planId, name, root, rootLabel, parent, history, maxGrowth,
                context.actor(), at));
    }

    public Either<Rejected, Executed<TargetPlan>> split(CommandContext context, String planId, String nodeId,
                                                        Dimension dimension, List<TargetPlan.Child> children,
                                                        Strategy strategy) {
        return on(context, SPLIT, planId, (plan, at) -> plan.split(nodeId, dimension, children, strategy, context.actor(), at));
    }

    public Either<Rejected, Executed<TargetPlan>> splitOverTime(CommandContext context, String planId, String nodeId,
                                                                PeriodKind grain, Strategy strategy) {
        return on(context, SPLIT, planId, (plan, at) -> plan.splitOverTime(nodeId, grain, strategy, context.actor(), at));
    }

    /** Edits the root, or overrides (and locks) any other node; see {@link TargetPlan#setAmount}. */
    public Either<Rejected, Executed<TargetPlan>> setAmount(CommandContext context, String planId, String nodeId,
                                                            long amount, String reason) {
        return on(context, SET_AMOUNT, planId, (plan, at) -> plan.setAmount(nodeId, amount, reason, context.actor(), at));
    }

    public Either<Rejected, Executed<TargetPlan>> unlock(CommandContext context, String planId, String nodeId, String reason) {
        return on(context, UNLOCK, planId, (plan, at) -> plan.unlock(nodeId, reason, context.actor(), at));
    }

    public Either<Rejected, Executed<TargetPlan>> submitCommitment(CommandContext context, String planId, String nodeId,
                                                                   long amount) {
        return on(context, SUBMIT_COMMITMENT, planId, (plan, at) -> plan.submitCommitment(nodeId, amount, context.actor(), at));
    }

    public Either<Rejected, Executed<TargetPlan>> reconcile(CommandContext context, String planId, String nodeId,
                                                            Reconciliation policy, String reason) {
        return on(context, RECONCILE, planId, (plan, at) -> plan.reconcile(nodeId, policy, reason, context.actor(), at));
    }

    public Either<Rejected, Executed<TargetPlan>> propose(CommandContext context, String planId, String reason) {
        return on(context, PROPOSE, planId, (plan, at) -> plan.propose(reason, context.actor(), at));
    }

    /** Approves the proposed version; refused for its proposer. */
    public Either<Rejected, Executed<TargetPlan>> approve(CommandContext context, String planId) {
        return on(context, APPROVE, planId, (plan, at) -> plan.approve(context.actor(), at));
    }

    public Either<Rejected, Executed<TargetPlan>> reject(CommandContext context, String planId, String reason) {
        return on(context, REJECT, planId, (plan, at) -> plan.reject(reason, context.actor(), at));
    }

    public Either<Rejected, Executed<TargetPlan>> openNewVersion(CommandContext context, String planId, String reason) {
        return on(context, OPEN_VERSION, planId, (plan, at) -> plan.openNewVersion(reason, context.actor(), at));
    }

    public Optional<TargetPlan> find(TenantId tenant, String planId) {
        return plans.load(tenant, planId).map(Loaded::state);
    }

    private Either<Rejected, Executed<TargetPlan>> on(CommandContext context, String action, String planId,
                                                     BiFunction<TargetPlan, Instant, Either<Rejected, Change<TargetPlan>>> command) {
        return runner.run(context, action, plans, planId, (current, at) -> current
                .map(plan -> command.apply(plan, at))
                .orElseGet(() -> Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "target-plan:" + planId, "",
                        "no target plan " + planId + " in this tenant")))));
    }
}
