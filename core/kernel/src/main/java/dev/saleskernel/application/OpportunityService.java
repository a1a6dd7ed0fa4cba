package dev.saleskernel.application;

import dev.saleskernel.funnel.ActivityRef;
import dev.saleskernel.funnel.CreditSplit;
import dev.saleskernel.funnel.LineItem;
import dev.saleskernel.funnel.MoveInput;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.StageRoles;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Use cases of opportunities. Each command is authorised, idempotent by command id, loads the
 * opportunity and the pipeline version it runs on, asks the host's {@link StageRoles} and
 * {@link DiscountApprovals} ports where the pipeline requires, and commits state and events
 * together or changes nothing.
 */
public final class OpportunityService {
    public static final String CREATE = "funnel.create-opportunity";
    public static final String MOVE = "funnel.move";
    public static final String WIN = "funnel.win";
    public static final String LOSE = "funnel.lose";
    public static final String REOPEN = "funnel.reopen";
    public static final String UPDATE = "funnel.update-opportunity";
    public static final String MIGRATE = "funnel.migrate-opportunity";

    private final CommandRunner runner;
    private final Repository<Opportunity> opportunities;
    private final PipelineService pipelines;
    private final StageRoles roles;
    private final DiscountApprovals approvals;

    /** Wired by {@link SalesKernel}: commits a won deal together with the account's credit exposure. */
    private WonDealCredit wonDeals;

    void creditCheckOnWin(WonDealCredit credit) {
        this.wonDeals = credit;
    }

    OpportunityService(CommandRunner runner, Repository<Opportunity> opportunities, PipelineService pipelines,
                       StageRoles roles, DiscountApprovals approvals) {
        this.runner = runner;
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.roles = roles;
        this.approvals = approvals;
    }

    /** Creates an opportunity on the latest version of a pipeline. */
    public Either<Rejected, Executed<Opportunity>> create(CommandContext context, String pipelineId, OpportunityDraft draft) {
        return runner.run(context, CREATE, opportunities, draft.id(),
                (current, at) -> decideCreate(context, pipelineId, draft, current, at));
    }

    /** The decision of {@link #create}, shared with lead conversion (which commits it with the lead). */
    Either<Rejected, Change<Opportunity>> decideCreate(CommandContext context, String pipelineId, OpportunityDraft draft,
                                                       Optional<Opportunity> current, Instant at) {
        if (current.isPresent()) {
            return Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "opportunity:" + draft.id(),
                    "", "an opportunity with this id exists already")));
        }
        Optional<PipelineDefinition> pipeline = pipelines.latest(context.tenant(), pipelineId);
        if (pipeline.isEmpty()) {
            return Either.left(noPipeline(pipelineId, 0));
        }
        boolean approved = approved(context, draft.id(), draft.lines(), pipeline.get());
        return Opportunity.create(context.tenant(), draft, pipeline.get(), approved, context.actor(), at);
    }

    Repository<Opportunity> repository() {
        return opportunities;
    }

    public Either<Rejected, Executed<Opportunity>> move(CommandContext context, String id, String toStage, MoveInput input) {
        return onPipeline(context, MOVE, id, (o, p) -> at -> o.move(p, toStage, input, roles, context.actor(), at));
    }

    public Either<Rejected, Executed<Opportunity>> win(CommandContext context, String id, Money closingAmount,
                                                       LocalDate closeDate, MoveInput input) {
        if (wonDeals != null) {
            return wonDeals.win(context, WIN, id, (o, p, at) -> o.win(p, closingAmount, closeDate, input, roles,
                    context.actor(), at));
        }
        return onPipeline(context, WIN, id, (o, p) -> at -> o.win(p, closingAmount, closeDate, input, roles,
                context.actor(), at));
    }

    public Either<Rejected, Executed<Opportunity>> lose(CommandContext context, String id, String reason, String competitor) {
        return onPipeline(context, LOSE, id, (o, p) -> at -> o.lose(p, reason, competitor, roles, context.actor(), at));
    }

    public Either<Rejected, Executed<Opportunity>> reopen(CommandContext context, String id) {
        return onPipeline(context, REOPEN, id, (o, p) -> at -> o.reopen(p, roles, context.actor(), at));
    }

    /** Replaces the lines; a discount above the pipeline's threshold is put to the approval port. */
    public Either<Rejected, Executed<Opportunity>> updateLines(CommandContext context, String id, List<LineItem> lines) {
        return onPipeline(context, UPDATE, id, (o, p) -> at -> o.updateLines(p, lines,
                approved(context, id, lines, p), context.actor(), at));
    }

    public Either<Rejected, Executed<Opportunity>> changeOwner(CommandContext context, String id, ActorId owner,
                                                               List<CreditSplit> team) {
        return onPipeline(context, UPDATE, id, (o, p) -> at -> o.changeOwner(owner, team, context.actor(), at));
    }

    public Either<Rejected, Executed<Opportunity>> reschedule(CommandContext context, String id, LocalDate date) {
        return onPipeline(context, UPDATE, id, (o, p) -> at -> o.reschedule(date, context.actor(), at));
    }

    public Either<Rejected, Executed<Opportunity>> overrideProbability(CommandContext context, String id, BigDecimal percent) {
        return onPipeline(context, UPDATE, id, (o, p) -> at -> o.overrideProbability(p, percent, context.actor(), at));
    }

    public Either<Rejected, Executed<Opportunity>> setNextStep(CommandContext context, String id, String nextStep) {
        return onPipeline(context, UPDATE, id, (o, p) -> at -> o.setNextStep(nextStep, context.actor(), at));
    }

    public Either<Rejected, Executed<Opportunity>> linkActivity(CommandContext context, String id, ActivityRef activity) {
        return onPipeline(context, UPDATE, id, (o, p) -> at -> o.linkActivity(activity, context.actor(), at));
    }

    /** Moves the opportunity onto the latest version of its pipeline. */
    public Either<Rejected, Executed<Opportunity>> migrateToLatest(CommandContext context, String id) {
        return runner.run(context, MIGRATE, opportunities, id, (current, at) -> current
                .map(o -> pipelines.latest(context.tenant(), o.pipelineId())
                        .map(p -> o.migrateTo(p, context.actor(), at))
                        .orElseGet(() -> Either.left(noPipeline(o.pipelineId(), 0))))
                .orElseGet(() -> notFound(id)));
    }

    public Optional<Opportunity> find(TenantId tenant, String id) {
        return opportunities.load(tenant, id).map(Loaded::state);
    }

    /** Every opportunity of the tenant (for reports; page through the store in production-sized hosts). */
    public List<Opportunity> all(TenantId tenant) {
        return opportunities.all(tenant);
    }

    private interface Step {
        Either<Rejected, Change<Opportunity>> at(Instant at);
    }

    private Either<Rejected, Executed<Opportunity>> onPipeline(CommandContext context, String action, String id,
                                                               BiFunction<Opportunity, PipelineDefinition, Step> command) {
        return runner.run(context, action, opportunities, id, (current, at) -> current
                .map(o -> pipelines.find(context.tenant(), o.pipelineId(), o.pipelineVersion())
                        .map(p -> command.apply(o, p).at(at))
                        .orElseGet(() -> Either.left(noPipeline(o.pipelineId(), o.pipelineVersion()))))
                .orElseGet(() -> notFound(id)));
    }

    private boolean approved(CommandContext context, String id, List<LineItem> lines, PipelineDefinition pipeline) {
        BigDecimal max = Opportunity.maxDiscount(lines);
        return max.compareTo(pipeline.discountThreshold()) <= 0 || approvals.decide(context.tenant(), context.actor(), id,
                max, pipeline.discountThreshold()) == DiscountApprovals.Decision.APPROVED;
    }

    private static Rejected noPipeline(String pipelineId, int version) {
        return Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "pipeline:" + pipelineId, "pipelineId",
                "no such pipeline" + (version > 0 ? " version " + version : "") + " in this tenant"));
    }

    private static <T> Either<Rejected, T> notFound(String id) {
        return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "opportunity:" + id, "",
                "no such opportunity in this tenant")));
    }
}
