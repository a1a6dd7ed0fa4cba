package dev.saleskernel.application;

import dev.saleskernel.budget.Budget;
import dev.saleskernel.budget.BudgetFact;
import dev.saleskernel.budget.ControlPolicy;
import dev.saleskernel.budget.CostCategory;
import dev.saleskernel.budget.Preparation;
import dev.saleskernel.budget.VarianceReport;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Use cases of sales budgets (one stored document per budget). Every command is authorised,
 * idempotent by its command id, and either commits the budget and its events (facts, limit
 * warnings, revisions) to the outbox together or changes nothing. Facts are idempotent by their
 * source id on top of that: recording the same fact under a new command id changes nothing.
 * Action names for the {@link Authorization} port are {@code budget.<command>}.
 */
public final class BudgetService {
    public static final String PREPARE = "budget.prepare";
    public static final String EDIT = "budget.edit";
    public static final String PROPOSE = "budget.propose";
    public static final String APPROVE = "budget.approve";
    public static final String REJECT = "budget.reject";
    public static final String RECORD_FACT = "budget.record-fact";
    public static final String PROPOSE_REVISION = "budget.propose-revision";
    public static final String APPROVE_REVISION = "budget.approve-revision";
    public static final String REJECT_REVISION = "budget.reject-revision";

    private final CommandRunner runner;
    private final Repository<Budget> budgets;

    BudgetService(CommandRunner runner, Repository<Budget> budgets) {
        this.runner = runner;
        this.budgets = budgets;
    }

    /** Prepares a draft budget top-down; refused if one with this id exists in the tenant. See {@link Budget#prepare}. */
    public Either<Rejected, Executed<Budget>> prepare(CommandContext context, String budgetId, String name, Currency currency,
                                                      Period period, Preparation preparation) {
        return runner.run(context, PREPARE, budgets, budgetId, (current, at) -> current.isPresent()
                ? Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "budget:" + budgetId, "",
                "a budget with this id exists already")))
                : Budget.prepare(context.tenant(), budgetId, name, currency, period, preparation, context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> setLineAmount(CommandContext context, String budgetId, String lineId,
                                                            long amount, String reason) {
        return on(context, EDIT, budgetId, (b, at) -> b.setLineAmount(lineId, amount, reason, context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> setPolicy(CommandContext context, String budgetId, String lineId,
                                                        ControlPolicy policy, String reason) {
        return on(context, EDIT, budgetId, (b, at) -> b.setPolicy(lineId, policy, reason, context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> propose(CommandContext context, String budgetId, String reason) {
        return on(context, PROPOSE, budgetId, (b, at) -> b.propose(reason, context.actor(), at));
    }

    /** Approves the proposed draft; refused for its proposer. */
    public Either<Rejected, Executed<Budget>> approve(CommandContext context, String budgetId) {
        return on(context, APPROVE, budgetId, (b, at) -> b.approve(context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> reject(CommandContext context, String budgetId, String reason) {
        return on(context, REJECT, budgetId, (b, at) -> b.reject(reason, context.actor(), at));
    }

    /** Records a commitment; see {@link Budget#commit}. A STOP crossing is refused with its figures. */
    public Either<Rejected, Executed<Budget>> commit(CommandContext context, String budgetId, String sourceId,
                                                     CostCategory category, String unitId, LocalDate date, long amount,
                                                     String description) {
        return on(context, RECORD_FACT, budgetId, (b, at) -> b.commit(sourceId, category, unitId, date, amount, description,
                context.actor(), at));
    }

    /** Records actual spend; see {@link Budget#spend}. A STOP crossing is refused with its figures. */
    public Either<Rejected, Executed<Budget>> spend(CommandContext context, String budgetId, String sourceId,
                                                    CostCategory category, String unitId, LocalDate date, long amount,
                                                    String description) {
        return on(context, RECORD_FACT, budgetId, (b, at) -> b.spend(sourceId, category, unitId, date, amount, description,
                context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> release(CommandContext context, String budgetId, String sourceId,
                                                      String commitmentId, LocalDate date, long amount, String description) {
        return on(context, RECORD_FACT, budgetId, (b, at) -> b.release(sourceId, commitmentId, date, amount, description,
                context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> convert(CommandContext context, String budgetId, String sourceId,
                                                      String commitmentId, LocalDate date, long amount, String description) {
        return on(context, RECORD_FACT, budgetId, (b, at) -> b.convert(sourceId, commitmentId, date, amount, description,
                context.actor(), at));
    }

    /** Records any fact; see {@link Budget#record}. */
    public Either<Rejected, Executed<Budget>> record(CommandContext context, String budgetId, BudgetFact fact) {
        return on(context, RECORD_FACT, budgetId, (b, at) -> b.record(fact, context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> proposeAdjustment(CommandContext context, String budgetId, String revisionId,
                                                                String lineId, long delta, String reason) {
        return on(context, PROPOSE_REVISION, budgetId, (b, at) -> b.proposeAdjustment(revisionId, lineId, delta, reason,
                context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> proposeTransfer(CommandContext context, String budgetId, String revisionId,
                                                              String fromLineId, String toLineId, long amount, String reason) {
        return on(context, PROPOSE_REVISION, budgetId, (b, at) -> b.proposeTransfer(revisionId, fromLineId, toLineId, amount,
                reason, context.actor(), at));
    }

    /** Approves and applies a pending revision; refused for its proposer. */
    public Either<Rejected, Executed<Budget>> approveRevision(CommandContext context, String budgetId, String revisionId) {
        return on(context, APPROVE_REVISION, budgetId, (b, at) -> b.approveRevision(revisionId, context.actor(), at));
    }

    public Either<Rejected, Executed<Budget>> rejectRevision(CommandContext context, String budgetId, String revisionId,
                                                             String reason) {
        return on(context, REJECT_REVISION, budgetId, (b, at) -> b.rejectRevision(revisionId, reason, context.actor(), at));
    }

    public Optional<Budget> find(TenantId tenant, String budgetId) {
        return budgets.load(tenant, budgetId).map(Loaded::state);
    }

    /** The variance report of the stored budget. */
    public Optional<VarianceReport> report(TenantId tenant, String budgetId) {
        return find(tenant, budgetId).map(VarianceReport::of);
    }

    private Either<Rejected, Executed<Budget>> on(CommandContext context, String action, String budgetId,
                                                 BiFunction<Budget, Instant, Either<Rejected, Change<Budget>>> command) {
        return runner.run(context, action, budgets, budgetId, (current, at) -> current
                .map(budget -> command.apply(budget, at))
                .orElseGet(() -> Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "budget:" + budgetId, "",
                        "no budget " + budgetId + " in this tenant")))));
    }
}
