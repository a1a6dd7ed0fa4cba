package dev.saleskernel.funnel;

import dev.saleskernel.funnel.OpportunityEvents.ActivityLinked;
import dev.saleskernel.funnel.OpportunityEvents.CloseDateChanged;
import dev.saleskernel.funnel.OpportunityEvents.LinesUpdated;
import dev.saleskernel.funnel.OpportunityEvents.NextStepSet;
import dev.saleskernel.funnel.OpportunityEvents.OpportunityCreated;
import dev.saleskernel.funnel.OpportunityEvents.OpportunityLost;
import dev.saleskernel.funnel.OpportunityEvents.OpportunityReopened;
import dev.saleskernel.funnel.OpportunityEvents.OpportunityWon;
import dev.saleskernel.funnel.OpportunityEvents.OwnerChanged;
import dev.saleskernel.funnel.OpportunityEvents.PipelineMigrated;
import dev.saleskernel.funnel.OpportunityEvents.ProbabilityOverridden;
import dev.saleskernel.funnel.OpportunityEvents.StageAdvanced;
import dev.saleskernel.funnel.OpportunityEvents.StageEntered;
import dev.saleskernel.money.Money;
import dev.saleskernel.money.RoundingPolicy;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An opportunity (商机): a deal moving through the stages of one version of one pipeline.
 *
 * <p>Every command takes the {@link PipelineDefinition} the opportunity runs on (same id and
 * version, else {@link FunnelRejection#PIPELINE_MISMATCH}), the acting user and the time, and
 * returns the new state with its events or every reason it was refused; a refused command
 * changes nothing.
 *
 * <p>Amount: Σ quantity × unit price × (1 − discount) over the lines, exact, then rounded once
 * with {@link #AMOUNT_ROUNDING} (HALF_EVEN to the currency's minor unit). A won deal's amount
 * is the closing amount given to {@link #win} and is frozen from then on.
 *
 * <p>Probability is a percentage 0–100: the current stage's default, or an override within the
 * stage's bounds; entering a stage resets it to that stage's default.
 *
 * <p>Parts (each read by the accessor of the same name; the public constructor takes them in this order):
 * <ul>
 *   <li>{@code id}: the opportunity id</li>
 *   <li>{@code tenant}: its tenant</li>
 *   <li>{@code pipelineId}: the pipeline it runs on</li>
 *   <li>{@code pipelineVersion}: the version of that pipeline, kept until {@link #migrateTo migrated}</li>
 *   <li>{@code accountId}: the account (by id)</li>
 *   <li>{@code owner}: the owning rep</li>
 *   <li>{@code team}: credit splits summing exactly to 100</li>
 *   <li>{@code currency}: currency of lines and amount</li>
 *   <li>{@code lines}: line items</li>
 *   <li>{@code amount}: the amount (see above)</li>
 *   <li>{@code expectedCloseDate}: the expected close date, if known</li>
 *   <li>{@code closeDateSlips}: how many times the expected close date moved later</li>
 *   <li>{@code stageId}: the current stage</li>
 *   <li>{@code status}: open, won or lost</li>
 *   <li>{@code probability}: win probability, percent</li>
 *   <li>{@code forecastCategory}: forecast category (the current stage's)</li>
 *   <li>{@code nextStep}: the next step, or empty</li>
 *   <li>{@code competitor}: main competitor, or empty</li>
 *   <li>{@code history}: the stage history, contiguous and ordered; the last visit is the current stage</li>
 *   <li>{@code activities}: completed activities linked</li>
 *   <li>{@code createdAt}: when it was created</li>
 *   <li>{@code closeDate}: the close date of a won deal (or the loss date of a lost one)</li>
 *   <li>{@code lossReason}: why it was lost, or empty</li>
 *   <li>{@code productLine}: product line, or empty</li>
 *   <li>{@code channel}: channel, or empty</li>
 * </ul>
 *
 * <p>An immutable value: {@code equals}, {@code hashCode} and {@code toString} cover every part, as a
 * record's would. A stage move shares every part it does not change with the version it came from.
 */
public final class Opportunity {

    /** The one rounding point of an opportunity's amount. */
    public static final RoundingPolicy AMOUNT_ROUNDING = RoundingPolicy.DEFAULT;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Everything a stage move leaves as it is, shared by the versions a chain of moves produces
     * (a move builds a new opportunity of six fields, not of twenty-five).
     */
    private record Facts(String id, TenantId tenant, String pipelineId, int pipelineVersion, String accountId, ActorId owner, List<CreditSplit> team, Currency currency, List<LineItem> lines, Money amount, Optional<LocalDate> expectedCloseDate, int closeDateSlips, String nextStep, String competitor, List<ActivityRef> activities, Instant createdAt, Optional<LocalDate> closeDate, String lossReason, String productLine, String channel) {
    }

    private final Facts facts;
    private final String stageId;
    private final StageKind status;
    private final BigDecimal probability;
    private final ForecastCategory forecastCategory;
    private final List<StageVisit> history;

    /**
     * An opportunity from all its parts (see the class comment); {@code team}, {@code lines},
     * {@code history} and {@code activities} are copied into immutable lists.
     */
    public Opportunity(String id, TenantId tenant, String pipelineId, int pipelineVersion, String accountId, ActorId owner, List<CreditSplit> team, Currency currency, List<LineItem> lines, Money amount, Optional<LocalDate> expectedCloseDate, int closeDateSlips, String stageId, StageKind status, BigDecimal probability, ForecastCategory forecastCategory, String nextStep, String competitor, List<StageVisit> history, List<ActivityRef> activities, Instant createdAt, Optional<LocalDate> closeDate, String lossReason, String productLine, String channel) {
        this(new Facts(Objects.requireNonNull(id, "id"), Objects.requireNonNull(tenant, "tenant"), pipelineId,
                pipelineVersion, accountId, owner, List.copyOf(team), currency, List.copyOf(lines),
                Objects.requireNonNull(amount, "amount"), Objects.requireNonNull(expectedCloseDate, "expectedCloseDate"),
                closeDateSlips, nextStep, competitor, List.copyOf(activities), createdAt,
                Objects.requireNonNull(closeDate, "closeDate"), lossReason, productLine, channel),
                stageId, status, probability, forecastCategory, StageHistory.of(history));
    }

    private Opportunity(Facts facts, String stageId, StageKind status, BigDecimal probability,
                        ForecastCategory forecastCategory, List<StageVisit> history) {
        this.facts = facts;
        this.stageId = stageId;
        this.status = status;
        this.probability = probability;
        this.forecastCategory = forecastCategory;
        this.history = history;
    }

    public String id() {
        return facts.id();
    }

    public TenantId tenant() {
        return facts.tenant();
    }

    public String pipelineId() {
        return facts.pipelineId();
    }

    public int pipelineVersion() {
        return facts.pipelineVersion();
    }

    public String accountId() {
        return facts.accountId();
    }

    public ActorId owner() {
        return facts.owner();
    }

    public List<CreditSplit> team() {
        return facts.team();
    }

    public Currency currency() {
        return facts.currency();
    }

    public List<LineItem> lines() {
        return facts.lines();
    }

    public Money amount() {
        return facts.amount();
    }

    public Optional<LocalDate> expectedCloseDate() {
        return facts.expectedCloseDate();
    }

    public int closeDateSlips() {
        return facts.closeDateSlips();
    }

    public String stageId() {
        return stageId;
    }

    public StageKind status() {
        return status;
    }

    public BigDecimal probability() {
        return probability;
    }

    public ForecastCategory forecastCategory() {
        return forecastCategory;
    }

    public String nextStep() {
        return facts.nextStep();
    }

    public String competitor() {
        return facts.competitor();
    }

    public List<StageVisit> history() {
        return history;
    }

    public List<ActivityRef> activities() {
        return facts.activities();
    }

    public Instant createdAt() {
        return facts.createdAt();
    }

    public Optional<LocalDate> closeDate() {
        return facts.closeDate();
    }

    public String lossReason() {
        return facts.lossReason();
    }

    public String productLine() {
        return facts.productLine();
    }

    public String channel() {
        return facts.channel();
    }

    /** Equal when every part is equal (like a record's). */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Opportunity o && facts.equals(o.facts) && Objects.equals(stageId, o.stageId)
                && status == o.status && Objects.equals(probability, o.probability)
                && forecastCategory == o.forecastCategory && history.equals(o.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(facts, stageId, status, probability, forecastCategory, history);
    }

    @Override
    public String toString() {
        return "Opportunity[id=" + id() + ", tenant=" + tenant() + ", pipelineId=" + pipelineId() +
                ", pipelineVersion=" + pipelineVersion() + ", accountId=" + accountId() + ", owner=" + owner() +
                ", team=" + team() + ", currency=" + currency() + ", lines=" + lines() + ", amount=" + amount() +
                ", expectedCloseDate=" + expectedCloseDate() + ", closeDateSlips=" + closeDateSlips() +
                ", stageId=" + stageId() + ", status=" + status() + ", probability=" + probability() +
                ", forecastCategory=" + forecastCategory() + ", nextStep=" + nextStep() +
                ", competitor=" + competitor() + ", history=" + history() + ", activities=" + activities() +
                ", createdAt=" + createdAt() + ", closeDate=" + closeDate() + ", lossReason=" + lossReason() +
                ", productLine=" + productLine() + ", channel=" + channel() + "]";
    }

    public String subject() {
        return "opportunity:" + id();
    }

    /** The exact sum of the lines, rounded once with {@link #AMOUNT_ROUNDING}. */
    public static Money amountOf(List<LineItem> lines, Currency currency) {
        Money sum = Money.zero(currency);
        for (LineItem line : lines) {
            sum = sum.plus(line.exactNet());
        }
        return AMOUNT_ROUNDING.round(sum);
    }

    /** Creates an opportunity in the entry stage of a (validated) pipeline definition. */
    public static Either<Rejected, Change<Opportunity>> create(TenantId tenant, OpportunityDraft draft,
                                                              PipelineDefinition pipeline, boolean discountApproved,
                                                              ActorId actor, Instant at) {
        String subject = "opportunity:" + draft.id();
        List<CreditSplit> team = draft.team().isEmpty() ? List.of(new CreditSplit(draft.owner(), HUNDRED)) : draft.team();
        Checks checks = Checks.start()
                .require(Ids.isValid(draft.id()), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject, "id",
                        "an opportunity id is 1–200 characters from [A-Za-z0-9._:@-]"))
                .require(!draft.accountId().isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "accountId",
                        "an opportunity is for an account"))
                .include(splitChecks(team, subject).thenValid(() -> ""))
                .include(lineChecks(draft.lines(), draft.currency(), pipeline, discountApproved, subject).thenValid(() -> ""));
        return checks.thenRight(() -> {
            Stage entry = pipeline.entryStage();
            Money amount = amountOf(draft.lines(), draft.currency());
            Opportunity created = new Opportunity(draft.id(), tenant, pipeline.id(), pipeline.version(),
                    draft.accountId(), draft.owner(), team, draft.currency(), draft.lines(), amount,
                    draft.expectedCloseDate(), 0, entry.id(), StageKind.OPEN, entry.defaultProbability(),
                    entry.forecastCategory(), draft.nextStep(), draft.competitor(),
                    List.of(StageVisit.entering(entry.id(), actor, at)), List.of(), at, Optional.empty(), "",
                    draft.productLine(), draft.channel());
            return Change.of(created,
                    new OpportunityCreated(draft.id(), pipeline.id(), pipeline.version(), draft.accountId(),
                            draft.owner(), amount, actor, at),
                    new StageEntered(draft.id(), entry.id(), entry.defaultProbability(), actor, at));
        });
    }

    /**
     * Moves to another open stage (next, skip ahead or back, as the pipeline allows). Refused with
     * every unmet requirement: the move itself, the roles, the target's entry criteria (fields,
     * activities, checklist) and the transition's inputs.
     */
    public Either<Rejected, Change<Opportunity>> move(PipelineDefinition pipeline, String toStage, MoveInput input,
                                                      StageRoles roles, ActorId actor, Instant at) {
        // Passing path: the same rules as refusedOrMoved, checked without allocating; any broken
        // rule falls through to refusedOrMoved, which collects every reason.
        int to = pipeline.indexOf(toStage);
        int from = pipeline.indexOf(stageId);
        if (to >= 0 && from >= 0 && status == StageKind.OPEN && pipeline.version() == pipelineVersion()
                && pipeline.id().equals(pipelineId())) {
            Stage stage = pipeline.stages().get(to);
            Optional<PipelineDefinition.MoveRequirements> allowed = pipeline.moveAt(from, to);
            if (!stage.kind().terminal() && allowed.isPresent()
                    && meets(pipeline, to, stage, allowed.get(), input, roles, actor)) {
                PipelineDefinition.MoveRequirements requirements = allowed.get();
                return Either.right(Change.of(entering(stage, actor, at, amount(), closeDate(), lossReason(), competitor()),
                        new StageAdvanced(id(), stageId, toStage, requirements.direction(),
                                requirements.afterActions(), actor, at)));
            }
        }
        return refusedOrMoved(pipeline, toStage, input, roles, actor, at);
    }

    /** Whether every guard of {@link #guard} holds, evaluated without allocating. */
    private boolean meets(PipelineDefinition pipeline, int to, Stage stage,
                          PipelineDefinition.MoveRequirements allowed, MoveInput input, StageRoles roles,
                          ActorId actor) {
        List<String> needed = allowed.roles();
        for (int i = 0; i < needed.size(); i++) {
            if (!roles.holds(tenant(), actor, needed.get(i))) {
                return false;
            }
        }
        List<String> during = allowed.duringInputs();
        for (int i = 0; i < during.size(); i++) {
            String value = input.inputs().get(during.get(i));
            if (value == null || value.isBlank()) {
                return false;
            }
        }
        OpportunityField[] fields = pipeline.requiredFieldsAt(to);
        if (fields == null) {
            return false;
        }
        for (OpportunityField field : fields) {
            if (!filled(field)) {
                return false;
            }
        }
        EntryCriteria entry = stage.entry();
        for (int i = 0; i < entry.requiredActivities().size(); i++) {
            if (!hasActivity(entry.requiredActivities().get(i))) {
                return false;
            }
        }
        for (int i = 0; i < entry.checklist().size(); i++) {
            if (!input.confirmed().contains(entry.checklist().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The move with every reason it is refused collected (the path taken when a guard fails). */
    private Either<Rejected, Change<Opportunity>> refusedOrMoved(PipelineDefinition pipeline, String toStage,
                                                                 MoveInput input, StageRoles roles, ActorId actor,
                                                                 Instant at) {
        Optional<Stage> target = pipeline.stage(toStage);
        Checks checks = openOn(pipeline)
                .require(target.map(s -> !s.kind().terminal()).orElse(true), () -> Rejection.of(
                        FunnelRejection.MOVE_NOT_ALLOWED, subject(), "stageId",
                        "won and lost are entered with win and lose, not with a move").withEvidence("to", toStage));
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        Optional<PipelineDefinition.MoveRequirements> allowed = pipeline.move(stageId, toStage);
        checks = guard(checks, pipeline, toStage, allowed, input, roles, actor);
        return checks.thenRight(() -> {
            Stage stage = target.orElseThrow();
            PipelineDefinition.MoveRequirements requirements = allowed.orElseThrow();
            Opportunity moved = entering(stage, actor, at, amount(), closeDate(), lossReason(), competitor());
            return Change.of(moved, new StageAdvanced(id(), stageId, toStage, requirements.direction(),
                    requirements.afterActions(), actor, at));
        });
    }

    /** Wins the deal: the move into the won stage is guarded like any move; the amount is then frozen. */
    public Either<Rejected, Change<Opportunity>> win(PipelineDefinition pipeline, Money closingAmount,
                                                     LocalDate closedOn, MoveInput input, StageRoles roles,
                                                     ActorId actor, Instant at) {
        Checks checks = openOn(pipeline);
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        Stage won = pipeline.wonStage();
        checks = checks
                .require(closingAmount.currency().equals(currency()), () -> Rejection.of(FunnelRejection.LINE_INVALID,
                        subject(), "closingAmount", "the closing amount is in the opportunity's currency")
                        .withEvidence("currency", closingAmount.currency().getCurrencyCode()))
                .require(closingAmount.signum() >= 0 && closingAmount.currency().equals(currency())
                                && AMOUNT_ROUNDING.round(closingAmount).equals(closingAmount),
                        () -> Rejection.of(FunnelRejection.LINE_INVALID, subject(), "closingAmount",
                                "the closing amount is not negative and at the currency's minor unit")
                                .withEvidence("closingAmount", closingAmount));
        checks = guard(checks, pipeline, won.id(), pipeline.move(stageId, won.id()), input, roles, actor);
        return checks.thenRight(() -> {
            List<String> after = pipeline.move(stageId, won.id()).orElseThrow().afterActions();
            Opportunity closed = entering(won, actor, at, closingAmount, Optional.of(closedOn), lossReason(), competitor());
            return Change.of(closed, new OpportunityWon(id(), stageId, closingAmount, closedOn, after, actor, at));
        });
    }

    /** Loses the deal, with a reason and the competitor who won it (or empty). */
    public Either<Rejected, Change<Opportunity>> lose(PipelineDefinition pipeline, String reason, String winner,
                                                      StageRoles roles, ActorId actor, Instant at) {
        Checks checks = openOn(pipeline);
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        Stage lost = pipeline.lostStage();
        checks = checks.require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a lost deal needs a reason"));
        checks = guard(checks, pipeline, lost.id(), pipeline.move(stageId, lost.id()), MoveInput.NONE, roles, actor);
        return checks.thenRight(() -> {
            LocalDate on = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
            Opportunity closed = entering(lost, actor, at, amount(), Optional.of(on), reason,
                    winner.isBlank() ? competitor() : winner);
            return Change.of(closed, new OpportunityLost(id(), stageId, reason, winner, actor, at));
        });
    }

    /** Reopens a lost deal as the pipeline's reopen policy allows; won deals are never reopened. */
    public Either<Rejected, Change<Opportunity>> reopen(PipelineDefinition pipeline, StageRoles roles, ActorId actor,
                                                        Instant at) {
        ReopenPolicy policy = pipeline.reopen();
        Instant lostAt = history.get(history.size() - 1).enteredAt();
        String lostFrom = history.size() >= 2 ? history.get(history.size() - 2).stageId() : pipeline.entryStage().id();
        String to = policy.toStage().isEmpty() ? lostFrom : policy.toStage();
        Checks checks = sameVersion(pipeline)
                .require(status == StageKind.LOST, () -> Rejection.of(FunnelRejection.REOPEN_NOT_ALLOWED, subject(),
                        "status", "only a lost deal can be reopened").withEvidence("status", status))
                .require(policy.allowed(), () -> Rejection.of(FunnelRejection.REOPEN_NOT_ALLOWED, subject(), "",
                        "the pipeline does not allow reopening lost deals"))
                .require(policy.withinDays() == 0 || !at.isAfter(lostAt.plus(Duration.ofDays(policy.withinDays()))),
                        () -> Rejection.of(FunnelRejection.REOPEN_NOT_ALLOWED, subject(), "",
                                "lost deals may be reopened within " + policy.withinDays() + " days")
                                .withEvidence("lostAt", lostAt).withEvidence("withinDays", policy.withinDays()))
                .require(policy.requiredRole().isEmpty() || roles.holds(tenant(), actor, policy.requiredRole()),
                        () -> roleMissing(policy.requiredRole(), actor));
        return checks.thenRight(() -> {
            Stage stage = pipeline.stage(to).orElseThrow();
            Opportunity reopened = entering(stage, actor, at, amount(), Optional.empty(), "", competitor());
            return Change.of(reopened, new OpportunityReopened(id(), to, actor, at),
                    new StageEntered(id(), to, stage.defaultProbability(), actor, at));
        });
    }

    /** Replaces the lines; the amount follows. Refused for won (frozen) and lost deals. */
    public Either<Rejected, Change<Opportunity>> updateLines(PipelineDefinition pipeline, List<LineItem> newLines,
                                                             boolean discountApproved, ActorId actor, Instant at) {
        Checks checks = sameVersion(pipeline)
                .require(status != StageKind.WON, () -> Rejection.of(FunnelRejection.FROZEN, subject(), "lines",
                        "a won deal's lines and amount are frozen"))
                .require(status != StageKind.LOST, () -> closedReason())
                .include(lineChecks(newLines, currency(), pipeline, discountApproved, subject()).thenValid(() -> ""));
        return checks.thenRight(() -> {
            Money newAmount = amountOf(newLines, currency());
            return Change.of(copy(o -> {
                o.lines = List.copyOf(newLines);
                o.amount = newAmount;
            }), new LinesUpdated(id(), List.copyOf(newLines), newAmount, actor, at));
        });
    }

    /** Hands the deal to another owner with a new team (empty team = the new owner alone). */
    public Either<Rejected, Change<Opportunity>> changeOwner(ActorId newOwner, List<CreditSplit> newTeam, ActorId actor,
                                                             Instant at) {
        List<CreditSplit> splits = newTeam.isEmpty() ? List.of(new CreditSplit(newOwner, HUNDRED)) : List.copyOf(newTeam);
        return splitChecks(splits, subject()).thenRight(() -> Change.of(copy(o -> {
            o.owner = newOwner;
            o.team = splits;
        }), new OwnerChanged(id(), owner(), newOwner, splits, actor, at)));
    }

    /** Sets the expected close date; moving it later counts as a slip. */
    public Either<Rejected, Change<Opportunity>> reschedule(LocalDate date, ActorId actor, Instant at) {
        return openCheck().thenRight(() -> {
            boolean slipped = expectedCloseDate().map(date::isAfter).orElse(false);
            return Change.of(copy(o -> {
                o.expectedCloseDate = Optional.of(date);
                o.closeDateSlips = closeDateSlips() + (slipped ? 1 : 0);
            }), new CloseDateChanged(id(), expectedCloseDate().orElse(null), date, slipped, actor, at));
        });
    }

    /** Overrides the probability within the current stage's bounds (percent). */
    public Either<Rejected, Change<Opportunity>> overrideProbability(PipelineDefinition pipeline, BigDecimal percent,
                                                                     ActorId actor, Instant at) {
        Checks checks = openOn(pipeline);
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        Stage stage = pipeline.stage(stageId).orElseThrow();
        return checks.require(percent.compareTo(stage.minProbability()) >= 0
                        && percent.compareTo(stage.maxProbability()) <= 0,
                () -> Rejection.of(FunnelRejection.PROBABILITY_OUTSIDE_STAGE_BOUNDS, subject(), "probability",
                        "the probability lies within the stage's bounds").withEvidence("probability", percent.toPlainString())
                        .withEvidence("min", stage.minProbability().toPlainString())
                        .withEvidence("max", stage.maxProbability().toPlainString()))
                .thenRight(() -> Change.of(copy(o -> o.probability = percent),
                        new ProbabilityOverridden(id(), stageId, percent, actor, at)));
    }

    public Either<Rejected, Change<Opportunity>> setNextStep(String step, ActorId actor, Instant at) {
        return openCheck().thenRight(() -> Change.of(copy(o -> o.nextStep = step), new NextStepSet(id(), step, actor, at)));
    }

    /** Links a completed activity (allowed in every status: visits after closing still count). */
    public Either<Rejected, Change<Opportunity>> linkActivity(ActivityRef activity, ActorId actor, Instant at) {
        boolean known = activities().stream().anyMatch(a -> a.activityId().equals(activity.activityId()));
        if (known) {
            return Either.right(Change.none(this));
        }
        List<ActivityRef> more = new ArrayList<>(activities());
        more.add(activity);
        return Either.right(Change.of(copy(o -> o.activities = List.copyOf(more)),
                new ActivityLinked(id(), activity, actor, at)));
    }

    /** Moves the opportunity onto a later version of its pipeline, which must have its current stage. */
    public Either<Rejected, Change<Opportunity>> migrateTo(PipelineDefinition newer, ActorId actor, Instant at) {
        return Checks.start()
                .require(newer.id().equals(pipelineId()) && newer.version() > pipelineVersion(), () -> Rejection.of(
                        FunnelRejection.PIPELINE_MISMATCH, subject(), "pipelineVersion",
                        "migration goes to a later version of the same pipeline")
                        .withEvidence("from", pipelineId() + "@v" + pipelineVersion())
                        .withEvidence("to", newer.id() + "@v" + newer.version()))
                .require(newer.stage(stageId).map(s -> s.kind() == status).orElse(false), () -> Rejection.of(
                        FunnelRejection.UNKNOWN_REFERENCE, subject(), "stageId",
                        "the new version has no stage '" + stageId + "' of the same kind"))
                .thenRight(() -> Change.of(copy(o -> o.pipelineVersion = newer.version()),
                        new PipelineMigrated(id(), pipelineId(), pipelineVersion(), newer.version(), actor, at)));
    }

    private Checks guard(Checks checks, PipelineDefinition pipeline, String toStage,
                         Optional<PipelineDefinition.MoveRequirements> allowed, MoveInput input, StageRoles roles,
                         ActorId actor) {
        Optional<Stage> target = pipeline.stage(toStage);
        if (target.isEmpty() || allowed.isEmpty()) {
            return checks.refuse(Rejection.of(FunnelRejection.MOVE_NOT_ALLOWED, subject(), "stageId",
                    "the pipeline does not allow moving from '" + stageId + "' to '" + toStage + "'")
                    .withEvidence("from", stageId).withEvidence("to", toStage));
        }
        for (String role : allowed.get().roles()) {
            checks = checks.require(roles.holds(tenant(), actor, role), () -> roleMissing(role, actor));
        }
        for (String input2 : allowed.get().duringInputs()) {
            checks = checks.require(!input.inputs().getOrDefault(input2, "").isBlank(), () -> Rejection.of(
                    FunnelRejection.INPUT_REQUIRED, subject(), "inputs." + input2,
                    "the move to '" + toStage + "' needs the input '" + input2 + "'"));
        }
        EntryCriteria entry = target.get().entry();
        for (String field : entry.requiredFields()) {
            Optional<OpportunityField> known = OpportunityField.byName(field);
            checks = known.isEmpty()
                    ? checks.refuse(Rejection.of(FunnelRejection.UNKNOWN_REFERENCE, subject(), field,
                            "the pipeline requires '" + field + "', which is not an opportunity field"))
                    : checks.require(filled(known.get()), () -> Rejection.of(
                            FunnelRejection.FIELD_REQUIRED, subject(), field,
                            "entering '" + toStage + "' needs " + field + " filled in"));
        }
        for (String type : entry.requiredActivities()) {
            checks = checks.require(hasActivity(type), () -> Rejection.of(
                    FunnelRejection.ACTIVITY_REQUIRED, subject(), "activities",
                    "entering '" + toStage + "' needs a completed " + type).withEvidence("activityType", type));
        }
        for (String item : entry.checklist()) {
            checks = checks.require(input.confirmed().contains(item), () -> Rejection.of(
                    FunnelRejection.CHECKLIST_UNCONFIRMED, subject(), "checklist",
                    "entering '" + toStage + "' needs '" + item + "' confirmed").withEvidence("item", item));
        }
        return checks;
    }

    private boolean hasActivity(String type) {
        for (ActivityRef activity : activities()) {
            if (activity.type().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private boolean filled(OpportunityField field) {
        return switch (field) {
            case AMOUNT -> amount().isPositive();
            case EXPECTED_CLOSE_DATE -> expectedCloseDate().isPresent();
            case NEXT_STEP -> !nextStep().isBlank();
            case COMPETITOR -> !competitor().isBlank();
            case LINES -> !lines().isEmpty();
            case TEAM -> !team().isEmpty();
        };
    }

    private Rejection roleMissing(String role, ActorId actor) {
        return Rejection.of(FunnelRejection.ROLE_REQUIRED, subject(), "",
                "the move needs the role '" + role + "'").withEvidence("role", role).withEvidence("actor", actor.value());
    }

    private Checks sameVersion(PipelineDefinition pipeline) {
        return Checks.start().require(pipeline.id().equals(pipelineId()) && pipeline.version() == pipelineVersion(),
                () -> Rejection.of(FunnelRejection.PIPELINE_MISMATCH, subject(), "pipelineVersion",
                        "the opportunity runs on " + pipelineId() + "@v" + pipelineVersion() + "; migrate it first")
                        .withEvidence("given", pipeline.id() + "@v" + pipeline.version()));
    }

    private Checks openOn(PipelineDefinition pipeline) {
        Checks checks = sameVersion(pipeline);
        return checks.passed() ? openCheck() : checks;
    }

    private Checks openCheck() {
        return Checks.start().require(status == StageKind.OPEN, this::closedReason);
    }

    private Rejection closedReason() {
        return Rejection.of(FunnelRejection.CLOSED, subject(), "status", "the deal is " + status.name().toLowerCase()
                + (status == StageKind.LOST ? "; reopen it first" : "")).withEvidence("status", status);
    }

    static Checks splitChecks(List<CreditSplit> team, String subject) {
        BigDecimal sum = team.stream().map(CreditSplit::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        Set<ActorId> members = new HashSet<>();
        boolean unique = team.stream().allMatch(s -> members.add(s.member()));
        return Checks.start()
                .require(sum.compareTo(HUNDRED) == 0, () -> Rejection.of(FunnelRejection.SPLITS_INVALID, subject, "team",
                        "credit splits sum exactly to 100%").withEvidence("sum", sum.toPlainString()))
                .require(team.stream().allMatch(s -> s.percent().signum() > 0), () -> Rejection.of(
                        FunnelRejection.SPLITS_INVALID, subject, "team", "every split is greater than 0%"))
                .require(unique, () -> Rejection.of(FunnelRejection.SPLITS_INVALID, subject, "team",
                        "a member has one split"));
    }

    static Checks lineChecks(List<LineItem> lines, Currency currency, PipelineDefinition pipeline,
                             boolean discountApproved, String subject) {
        Checks checks = Checks.start();
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = lines.get(i);
            String path = "lines[" + i + "]";
            checks = checks
                    .require(line.quantity().signum() > 0, () -> Rejection.of(FunnelRejection.LINE_INVALID, subject,
                            path + ".quantity", "a quantity is greater than zero"))
                    .require(line.unitPrice().currency().equals(currency), () -> Rejection.of(
                            FunnelRejection.LINE_INVALID, subject, path + ".unitPrice",
                            "a unit price is in the opportunity's currency " + currency.getCurrencyCode()))
                    .require(line.unitPrice().signum() >= 0, () -> Rejection.of(FunnelRejection.LINE_INVALID, subject,
                            path + ".unitPrice", "a unit price is not negative"))
                    .require(line.discount().signum() >= 0 && line.discount().compareTo(BigDecimal.ONE) <= 0,
                            () -> Rejection.of(FunnelRejection.LINE_INVALID, subject, path + ".discount",
                                    "a discount is a fraction from 0 to 1"))
                    .require(discountApproved || line.discount().compareTo(pipeline.discountThreshold()) <= 0,
                            () -> Rejection.of(FunnelRejection.DISCOUNT_NEEDS_APPROVAL, subject, path + ".discount",
                                    "a discount above the pipeline's threshold needs an approval")
                                    .withEvidence("discount", line.discount().toPlainString())
                                    .withEvidence("threshold", pipeline.discountThreshold().toPlainString()));
        }
        return checks;
    }

    /** The largest line discount, 0 without lines; what the approval port is asked about. */
    public static BigDecimal maxDiscount(List<LineItem> lines) {
        return lines.stream().map(LineItem::discount).reduce(BigDecimal.ZERO, BigDecimal::max);
    }

    /** This opportunity in {@code stage} (entered by {@code actor} at {@code at}), with the given closing fields. */
    private Opportunity entering(Stage stage, ActorId actor, Instant at, Money newAmount,
                                 Optional<LocalDate> newCloseDate, String newLossReason, String newCompetitor) {
        Facts f = facts;
        Facts after = newAmount == f.amount() && newCloseDate == f.closeDate() && newLossReason == f.lossReason()
                && newCompetitor == f.competitor() ? f
                : new Facts(f.id(), f.tenant(), f.pipelineId(), f.pipelineVersion(), f.accountId(), f.owner(), f.team(),
                        f.currency(), f.lines(), Objects.requireNonNull(newAmount, "amount"), f.expectedCloseDate(),
                        f.closeDateSlips(), f.nextStep(), newCompetitor, f.activities(), f.createdAt(),
                        Objects.requireNonNull(newCloseDate, "closeDate"), newLossReason, f.productLine(), f.channel());
        return new Opportunity(after, stage.id(), stage.kind(), stage.defaultProbability(), stage.forecastCategory(),
                StageHistory.leaving(history, actor, at, StageVisit.entering(stage.id(), actor, at)));
    }

    private Opportunity copy(Consumer<Mutable> change) {
        Mutable m = new Mutable(this);
        change.accept(m);
        return m.build();
    }

    private static final class Mutable {
        private final Opportunity o;
        private ActorId owner;
        private List<CreditSplit> team;
        private List<LineItem> lines;
        private Money amount;
        private Optional<LocalDate> expectedCloseDate;
        private int closeDateSlips;
        private String stageId;
        private StageKind status;
        private BigDecimal probability;
        private ForecastCategory forecastCategory;
        private String nextStep;
        private String competitor;
        private List<StageVisit> history;
        private List<ActivityRef> activities;
        private Optional<LocalDate> closeDate;
        private String lossReason;
        private int pipelineVersion;

        Mutable(Opportunity o) {
            this.o = o;
            owner = o.owner();
            team = o.team();
            lines = o.lines();
            amount = o.amount();
            expectedCloseDate = o.expectedCloseDate();
            closeDateSlips = o.closeDateSlips();
            stageId = o.stageId();
            status = o.status();
            probability = o.probability();
            forecastCategory = o.forecastCategory();
            nextStep = o.nextStep();
            competitor = o.competitor();
            history = o.history();
            activities = o.activities();
            closeDate = o.closeDate();
            lossReason = o.lossReason();
            pipelineVersion = o.pipelineVersion();
        }

        Opportunity build() {
            return new Opportunity(o.id(), o.tenant(), o.pipelineId(), pipelineVersion, o.accountId(), owner, team,
                    o.currency(), lines, amount, expectedCloseDate, closeDateSlips, stageId, status, probability,
                    forecastCategory, nextStep, competitor, history, activities, o.createdAt(), closeDate, lossReason,
                    o.productLine(), o.channel());
        }
    }
}
