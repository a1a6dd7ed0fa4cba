package dev.saleskernel.budget;

import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.ChangeLogEntry;
import dev.saleskernel.target.Decomposer;
import dev.saleskernel.target.PlanStatus;
import dev.saleskernel.target.Strategy;
import dev.saleskernel.target.TargetUnit;
import io.vavr.collection.HashMap;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A sales budget: lines by {@link CostCategory} × leaf {@link BudgetUnit} × period, every amount
 * a {@code long} in minor units of {@link #currency()}.
 *
 * <p><b>Preparation</b> ({@link #prepare}) is top-down with the target decomposition: see
 * {@link Preparation}. Every split is largest remainder, so lines sum exactly to the total.
 *
 * <p><b>Versions</b>: a draft can be edited ({@link #setLineAmount}, {@link #setPolicy}), then
 * {@link #propose}d and {@link #approve}d by someone other than the proposer (four eyes). An
 * approved budget changes only by {@link Revision}s (adjustments and transfers), each proposed
 * and approved by two different people; each approved revision raises the version by one.
 * Every accepted change appends a {@link ChangeLogEntry} (actor, time, reason).
 *
 * <p><b>Execution</b> (approved budgets only): {@link BudgetFact}s, idempotent by source id.
 * A commitment or actual spend of {@code requested} on line L is checked twice, before it is
 * recorded: against L's period budget and against the accumulated budget (every line of L's
 * category and unit whose period starts no later than L's, i.e. year-to-date). Where
 * {@code committed + actual + requested > budget}, the line's {@link ControlPolicy} decides:
 * STOP refuses with the figures as evidence (budget, committed, actual, requested, excess),
 * WARN accepts and raises a {@link BudgetEvents.LimitWarning}, IGNORE accepts. Releases and
 * conversions never raise use, so they are never controlled.
 *
 * <p>A refused command changes nothing and names every reason.
 */
public final class Budget {
    /** Largest budget amount or fact amount accepted, in minor units (10¹⁵). */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    /** Largest committed or actual figure a line may reach, in minor units (10¹⁷), so that year-to-date sums stay exact. */
    public static final long MAX_FIGURE = 100_000_000_000_000_000L;
    private static final int MAX_ID_LENGTH = 200;

    private final TenantId tenantId;
    private final String budgetId;
    private final String name;
    private final Currency currency;
    private final Period period;
    private final PeriodKind grain;
    private final int version;
    private final PlanStatus status;
    private final Optional<PendingApproval<Integer>> pending;
    private final List<BudgetUnit> units;
    private final Map<String, BudgetLine> lines;
    private final Map<String, RevisionRecord> revisions;
    private final List<ChangeLogEntry> changeLog;
    private final io.vavr.collection.LinkedHashMap<String, BudgetFact> facts;
    private final HashMap<String, Figures> used;
    private final HashMap<String, Long> open;
    private final Map<String, List<String>> cells;

    /** The life of a revision. */
    public enum RevisionStatus {
        PENDING, APPROVED, REJECTED
    }

    /**
     * A revision and its decision.
     *
     * @param proposal   the revision with who proposed it, when and why
     * @param decidedBy  who approved or rejected it; empty while pending
     * @param decidedAt  when; empty while pending
     * @param decision   the rejection's reason, or empty
     */
    public record RevisionRecord(String id, PendingApproval<Revision> proposal, RevisionStatus status,
                                 Optional<ActorId> decidedBy, Optional<Instant> decidedAt, String decision) {
        public RevisionRecord {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(proposal, "proposal");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(decidedBy, "decidedBy");
            Objects.requireNonNull(decidedAt, "decidedAt");
            Objects.requireNonNull(decision, "decision");
        }
    }

    private Budget(TenantId tenantId, String budgetId, String name, Currency currency, Period period, PeriodKind grain,
                   int version, PlanStatus status, Optional<PendingApproval<Integer>> pending, List<BudgetUnit> units,
                   Map<String, BudgetLine> lines, Map<String, RevisionRecord> revisions, List<ChangeLogEntry> changeLog,
                   io.vavr.collection.LinkedHashMap<String, BudgetFact> facts, HashMap<String, Figures> used,
                   HashMap<String, Long> open, Map<String, List<String>> cells) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.budgetId = Objects.requireNonNull(budgetId, "budgetId");
        this.name = Objects.requireNonNull(name, "name");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.period = Objects.requireNonNull(period, "period");
        this.grain = Objects.requireNonNull(grain, "grain");
        this.version = version;
        this.status = Objects.requireNonNull(status, "status");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.units = List.copyOf(units);
        this.lines = lines;
        this.revisions = revisions;
        this.changeLog = changeLog;
        this.facts = facts;
        this.used = used;
        this.open = open;
        this.cells = cells == null ? cellsOf(lines) : cells;
    }

    private static Map<String, List<String>> cellsOf(Map<String, BudgetLine> lines) {
        Map<String, List<String>> cells = new LinkedHashMap<>();
        lines.values().stream()
                .sorted((a, b) -> a.period().start().compareTo(b.period().start()))
                .forEach(l -> cells.computeIfAbsent(l.cell(), k -> new ArrayList<>()).add(l.id()));
        cells.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(cells);
    }

    /**
     * Rebuilds stored state; for the persistence codec only. The figures are recomputed from the
     * facts (in their recorded order) without control checks, since they were checked when recorded.
     */
    public static Budget restore(TenantId tenantId, String budgetId, String name, Currency currency, Period period,
                                 PeriodKind grain, int version, PlanStatus status,
                                 Optional<PendingApproval<Integer>> pending, List<BudgetUnit> units,
                                 List<BudgetLine> lines, List<RevisionRecord> revisions, List<ChangeLogEntry> changeLog,
                                 List<BudgetFact> facts) {
        Map<String, BudgetLine> byId = new LinkedHashMap<>();
        for (BudgetLine line : lines) {
            if (line.amount() < 0 || line.amount() > MAX_AMOUNT || byId.put(line.id(), line) != null) {
                throw new IllegalArgumentException("line " + line.id() + " is repeated or its amount is out of range");
            }
        }
        if (!treeProblems(units).isEmpty()) {
            throw new IllegalArgumentException("the units are not one tree: " + treeProblems(units));
        }
        Map<String, RevisionRecord> revisionsById = new LinkedHashMap<>();
        revisions.forEach(r -> revisionsById.put(r.id(), r));
        Budget budget = new Budget(tenantId, budgetId, name, currency, period, grain, version, status, pending, units,
                Collections.unmodifiableMap(byId), Collections.unmodifiableMap(revisionsById), List.copyOf(changeLog),
                io.vavr.collection.LinkedHashMap.empty(), HashMap.empty(), HashMap.empty(), null);
        for (BudgetFact fact : facts) {
            String lineId = budget.lineOfFact(fact).orElseThrow(() ->
                    new IllegalArgumentException("fact " + fact.sourceId() + " has no line in budget " + budgetId)).id();
            budget = budget.applied(fact, lineId);
        }
        return budget;
    }

    // ---------------------------------------------------------------- queries

    public TenantId tenantId() {
        return tenantId;
    }

    public String budgetId() {
        return budgetId;
    }

    public String name() {
        return name;
    }

    /** The currency whose minor units every amount counts. */
    public Currency currency() {
        return currency;
    }

    /** The period the budget covers (the accumulated checks start at its start). */
    public Period period() {
        return period;
    }

    /** The period kind of the lines (e.g. MONTH). */
    public PeriodKind grain() {
        return grain;
    }

    /** The version: 1 for the first draft and its approval, +1 for every approved revision. */
    public int version() {
        return version;
    }

    public PlanStatus status() {
        return status;
    }

    /** The draft's proposal waiting for a second person (its proposal is the version number). */
    public Optional<PendingApproval<Integer>> pending() {
        return pending;
    }

    /** The org tree, parents first. */
    public List<BudgetUnit> units() {
        return units;
    }

    /** The child units of {@code unitId}, in tree order. */
    public List<BudgetUnit> children(String unitId) {
        return units.stream().filter(u -> u.parentId().equals(Optional.of(unitId))).toList();
    }

    /** The lines, by category, unit and period, in preparation order. */
    public List<BudgetLine> lines() {
        return List.copyOf(lines.values());
    }

    public Optional<BudgetLine> line(String lineId) {
        return Optional.ofNullable(lines.get(lineId));
    }

    /** The line of {@code category} × {@code unitId} whose period contains {@code date}. */
    public Optional<BudgetLine> lineFor(CostCategory category, String unitId, LocalDate date) {
        List<String> cell = cells.getOrDefault(category.code() + "/" + unitId, List.of());
        for (String id : cell) {
            BudgetLine line = lines.get(id);
            if (line.period().contains(date)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** The sum of every line's budget. */
    public long total() {
        long total = 0;
        for (BudgetLine line : lines.values()) {
            total += line.amount();
        }
        return total;
    }

    /** Every recorded fact, in recording order. */
    public List<BudgetFact> facts() {
        return facts.values().toJavaList();
    }

    public Optional<BudgetFact> fact(String sourceId) {
        return facts.get(sourceId).toJavaOptional();
    }

    /** What a commitment still holds open (0 once fully released or converted); empty if no such commitment. */
    public Optional<Long> openCommitment(String sourceId) {
        return open.get(sourceId).toJavaOptional();
    }

    /** The line's budget, committed and actual. */
    public Figures figures(String lineId) {
        BudgetLine line = lines.get(lineId);
        if (line == null) {
            return Figures.ZERO;
        }
        Figures u = used.getOrElse(lineId, Figures.ZERO);
        return new Figures(line.amount(), u.committed(), u.actual());
    }

    /**
     * The accumulated figures up to and including the line's period: the sum over every line of
     * the same category and unit whose period starts no later than this line's.
     */
    public Figures yearToDate(String lineId) {
        BudgetLine line = lines.get(lineId);
        if (line == null) {
            return Figures.ZERO;
        }
        Figures sum = Figures.ZERO;
        for (String id : cells.get(line.cell())) {
            if (!lines.get(id).period().start().isAfter(line.period().start())) {
                sum = sum.plus(figures(id));
            }
        }
        return sum;
    }

    /** {@code budget − committed − actual} of the line. */
    public long remaining(String lineId) {
        return figures(lineId).remaining();
    }

    /** {@code budget − committed − actual}, year-to-date. */
    public long remainingYearToDate(String lineId) {
        return yearToDate(lineId).remaining();
    }

    /** Every revision, pending and decided, in proposal order. */
    public List<RevisionRecord> revisions() {
        return List.copyOf(revisions.values());
    }

    public List<ChangeLogEntry> changeLog() {
        return changeLog;
    }

    /** An amount for people, e.g. {@code 1234.50 CNY}. */
    public String format(long minorUnits) {
        return TargetUnit.money(currency).format(minorUnits);
    }

    private String plain(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()).toPlainString();
    }

    private String subject() {
        return "budget:" + budgetId;
    }

    // ---------------------------------------------------------------- preparation

    /**
     * Prepares a draft budget (version 1) top-down as {@code preparation} says; refused with every
     * reason when the units are not one tree, the categories are empty or repeated, the period
     * cannot be split to the grain, a strategy cannot form weights (the target context's codes), or
     * the total is out of range.
     */
    public static Either<Rejected, Change<Budget>> prepare(TenantId tenantId, String budgetId, String name, Currency currency,
                                                          Period period, Preparation preparation, ActorId actor, Instant at) {
        String subject = "budget:" + budgetId;
        Preparation p = preparation;
        Checks checks = Checks.start()
                .require(validKey(budgetId), () -> Rejection.of(SharedRejection.REQUIRED, subject, "budgetId",
                        "a budget id is 1-200 characters"))
                .require(!name.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "name", "a budget needs a name"))
                .require(p.total() >= 0, () -> Rejection.of(BudgetRejection.AMOUNT_NOT_POSITIVE, subject, "total",
                        "the total must not be negative").withEvidence("total", p.total()))
                .require(p.total() <= MAX_AMOUNT, () -> Rejection.of(BudgetRejection.AMOUNT_TOO_LARGE, subject, "total",
                        "the total is at most " + MAX_AMOUNT + " minor units").withEvidence("total", p.total()));
        Set<String> codes = new HashSet<>();
        boolean distinctCategories = p.categories().stream().allMatch(c -> codes.add(c.code()));
        checks = checks.require(!p.categories().isEmpty() && distinctCategories, () -> Rejection.of(
                BudgetRejection.CATEGORIES_INVALID, subject, "categories", "at least one cost category, none repeated"));
        List<String> treeProblems = treeProblems(p.units());
        for (String problem : treeProblems) {
            checks = checks.refuse(Rejection.of(BudgetRejection.UNITS_INVALID, subject, "units", problem));
        }
        boolean splittable = period.kind().isCalendar() && p.grain().isCalendar() && p.grain().months() <= period.kind().months();
        checks = checks.require(splittable, () -> Rejection.of(BudgetRejection.PERIOD_NOT_SPLITTABLE, subject, "grain",
                "the budget period must be a calendar period splittable to the grain")
                .withEvidence("period", period.label()).withEvidence("grain", p.grain()));
        List<String> codeList = p.categories().stream().map(CostCategory::code).toList();
        var categoryWeights = Decomposer.weights(p.categorySplit(), codeList,
                codeList.stream().map(c -> Optional.<Period>empty()).toList(), Optional.of(period), subject);
        checks = checks.include(categoryWeights);
        Map<String, long[]> unitWeights = new LinkedHashMap<>();
        if (treeProblems.isEmpty()) {
            for (String key : p.unitSplits().keySet()) {
                boolean parent = p.units().stream().anyMatch(u -> u.parentId().equals(Optional.of(key)));
                checks = checks.require(parent, () -> Rejection.of(BudgetRejection.UNITS_INVALID, subject,
                        "unitSplits[" + key + "]", "a unit split is given for a unit that has no children"));
            }
            for (BudgetUnit unit : p.units()) {
                List<String> childIds = childIds(p.units(), unit.id());
                if (!childIds.isEmpty()) {
                    var weights = Decomposer.weights(p.unitSplits().getOrDefault(unit.id(), new Strategy.Equal()), childIds,
                            childIds.stream().map(c -> Optional.<Period>empty()).toList(), Optional.of(period), subject);
                    checks = checks.include(weights);
                    if (weights.isValid()) {
                        unitWeights.put(unit.id(), weights.get());
                    }
                }
            }
        }
        List<Period> periods = new ArrayList<>();
        if (splittable) {
            collectPeriods(period, p.grain(), periods);
            List<String> labels = periods.stream().map(Period::label).toList();
            var periodWeights = Decomposer.weights(p.periodSplit(), labels, periods.stream().map(Optional::of).toList(),
                    Optional.of(period), subject);
            checks = checks.include(periodWeights);
            if (checks.passed()) {
                return Either.right(prepared(tenantId, budgetId, name, currency, period, p, categoryWeights.get(), unitWeights,
                        periods, periodWeights.get(), actor, at));
            }
        }
        return checks.thenRight(() -> null);
    }

    private static Change<Budget> prepared(TenantId tenantId, String budgetId, String name, Currency currency, Period period,
                                           Preparation p, long[] categoryWeights, Map<String, long[]> unitWeights,
                                           List<Period> periods, long[] periodWeights, ActorId actor, Instant at) {
        long[] categoryAmounts = Decomposer.proportional(p.total(), categoryWeights);
        Map<String, BudgetLine> lines = new LinkedHashMap<>();
        Map<String, Long> byCategory = new LinkedHashMap<>();
        BudgetUnit root = p.units().get(0);
        for (int c = 0; c < p.categories().size(); c++) {
            CostCategory category = p.categories().get(c);
            byCategory.put(category.code(), categoryAmounts[c]);
            Map<String, Long> unitAmounts = new java.util.HashMap<>();
            unitAmounts.put(root.id(), categoryAmounts[c]);
            for (BudgetUnit unit : p.units()) {
                List<String> childIds = childIds(p.units(), unit.id());
                long amount = unitAmounts.get(unit.id());
                if (childIds.isEmpty()) {
                    long[] parts = Decomposer.proportional(amount, periodWeights);
                    for (int i = 0; i < periods.size(); i++) {
                        BudgetLine line = new BudgetLine(BudgetLine.idOf(category, unit.id(), periods.get(i)), category,
                                unit.id(), periods.get(i), parts[i], p.policy());
                        lines.put(line.id(), line);
                    }
                } else {
                    long[] parts = Decomposer.proportional(amount, unitWeights.get(unit.id()));
                    for (int i = 0; i < childIds.size(); i++) {
                        unitAmounts.put(childIds.get(i), parts[i]);
                    }
                }
            }
        }
        ChangeLogEntry entry = new ChangeLogEntry(1, "prepare", "", TargetUnit.money(currency).format(p.total())
                + " over " + lines.size() + " lines", "prepared top-down", actor, at);
        Budget budget = new Budget(tenantId, budgetId, name, currency, period, p.grain(), 1, PlanStatus.DRAFT,
                Optional.empty(), p.units(), Collections.unmodifiableMap(lines), Map.of(), List.of(entry),
                io.vavr.collection.LinkedHashMap.empty(), HashMap.empty(), HashMap.empty(), null);
        return Change.of(budget, new BudgetEvents.BudgetPrepared(budgetId, currency.getCurrencyCode(), period.label(),
                p.total(), byCategory, lines.size(), actor, at));
    }

    private static List<String> childIds(List<BudgetUnit> units, String parentId) {
        return units.stream().filter(u -> u.parentId().equals(Optional.of(parentId))).map(BudgetUnit::id).toList();
    }

    private static List<String> treeProblems(List<BudgetUnit> units) {
        List<String> problems = new ArrayList<>();
        if (units.isEmpty()) {
            problems.add("at least one unit");
            return problems;
        }
        if (units.get(0).parentId().isPresent()) {
            problems.add("the first unit must be the root (no parent)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            BudgetUnit unit = units.get(i);
            if (!validKey(unit.id()) || unit.id().contains("/")) {
                problems.add("unit " + i + ": an id is 1-200 characters without '/'");
            }
            if (!seen.add(unit.id())) {
                problems.add("unit " + unit.id() + " is listed twice");
            }
            if (i > 0 && unit.parentId().isEmpty()) {
                problems.add("unit " + unit.id() + " is a second root");
            }
            if (unit.parentId().isPresent() && !seen.contains(unit.parentId().get())) {
                problems.add("unit " + unit.id() + " names a parent not listed before it: " + unit.parentId().get());
            }
        }
        return problems;
    }

    private static void collectPeriods(Period period, PeriodKind grain, List<Period> into) {
        if (period.kind() == grain) {
            into.add(period);
            return;
        }
        for (Period child : period.children()) {
            collectPeriods(child, grain, into);
        }
    }

    private static boolean validKey(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_ID_LENGTH;
    }

    // ---------------------------------------------------------------- draft edits and versions

    /** Sets a draft line's amount by hand (0..{@link #MAX_AMOUNT}); the draft total changes by the difference. */
    public Either<Rejected, Change<Budget>> setLineAmount(String lineId, long amount, String reason, ActorId actor, Instant at) {
        Optional<BudgetLine> line = line(lineId);
        Checks checks = editable()
                .require(line.isPresent(), () -> lineNotFound(lineId))
                .require(amount >= 0, () -> Rejection.of(BudgetRejection.AMOUNT_NOT_POSITIVE, subject(), "amount",
                        "a line's amount must not be negative").withEvidence("amount", amount))
                .require(amount <= MAX_AMOUNT && (line.isEmpty() || total() - line.get().amount() + amount <= MAX_AMOUNT),
                        () -> Rejection.of(BudgetRejection.AMOUNT_TOO_LARGE, subject(), "amount",
                                "the line and the total are at most " + MAX_AMOUNT + " minor units").withEvidence("amount", amount))
                .require(!reason.isBlank(), () -> reasonRequired());
        return checks.thenRight(() -> {
            long previous = line.get().amount();
            return Change.of(withLine(line.get().withAmount(amount), log("set-amount", lineId,
                            format(previous) + " -> " + format(amount), reason, actor, at)),
                    new BudgetEvents.LineAmountSet(budgetId, version, lineId, previous, amount, reason, actor, at));
        });
    }

    /** Sets a draft line's control policy. */
    public Either<Rejected, Change<Budget>> setPolicy(String lineId, ControlPolicy policy, String reason, ActorId actor,
                                                      Instant at) {
        Optional<BudgetLine> line = line(lineId);
        return editable()
                .require(line.isPresent(), () -> lineNotFound(lineId))
                .require(!reason.isBlank(), () -> reasonRequired())
                .thenRight(() -> Change.of(withLine(line.get().withPolicy(policy), log("set-policy", lineId,
                                "period " + policy.period() + ", accumulated " + policy.accumulated(), reason, actor, at)),
                        new BudgetEvents.PolicySet(budgetId, version, lineId, policy, reason, actor, at)));
    }

    /** Proposes the draft for approval. */
    public Either<Rejected, Change<Budget>> propose(String reason, ActorId actor, Instant at) {
        return inStatus(PlanStatus.DRAFT, "propose")
                .require(!reason.isBlank(), () -> reasonRequired())
                .thenRight(() -> Change.of(copy(PlanStatus.PROPOSED, Optional.of(new PendingApproval<>(version, actor, at, reason)),
                                version, lines, revisions, log("propose", "", "version " + version + ", total " + format(total()),
                                        reason, actor, at)),
                        new BudgetEvents.VersionProposed(budgetId, version, reason, actor, at)));
    }

    /** Approves the proposed draft, never by its proposer; spend can be recorded from now on. */
    public Either<Rejected, Change<Budget>> approve(ActorId approver, Instant at) {
        Checks checks = inStatus(PlanStatus.PROPOSED, "approve");
        if (pending.isPresent()) {
            checks = checks.include(pending.get().approvableBy(approver, subject()).thenValid(() -> 0));
        }
        return checks.thenRight(() -> Change.of(copy(PlanStatus.APPROVED, Optional.empty(), version, lines, revisions,
                        log("approve", "", "version " + version + ", total " + format(total()), pending.get().reason(), approver, at)),
                new BudgetEvents.VersionApproved(budgetId, version, pending.get().proposedBy(), total(), approver, at)));
    }

    /** Rejects (or, by the proposer, withdraws) the proposal; the budget is a draft again. */
    public Either<Rejected, Change<Budget>> reject(String reason, ActorId actor, Instant at) {
        return inStatus(PlanStatus.PROPOSED, "reject")
                .require(!reason.isBlank(), () -> reasonRequired())
                .thenRight(() -> Change.of(copy(PlanStatus.DRAFT, Optional.empty(), version, lines, revisions,
                                log("reject", "", "version " + version, reason, actor, at)),
                        new BudgetEvents.VersionRejected(budgetId, version, reason, actor, at)));
    }

    // ---------------------------------------------------------------- execution

    /** Records a commitment (e.g. a purchase order) on the line of {@code category} × {@code unitId} × {@code date}; controlled. */
    public Either<Rejected, Change<Budget>> commit(String sourceId, CostCategory category, String unitId, LocalDate date,
                                                   long amount, String description, ActorId actor, Instant at) {
        return record(new BudgetFact(sourceId, BudgetFact.Kind.COMMITMENT, category, unitId, date, amount, "", description),
                actor, at);
    }

    /** Records actual spend (e.g. an invoice or expense claim) on the line of {@code category} × {@code unitId} × {@code date}; controlled. */
    public Either<Rejected, Change<Budget>> spend(String sourceId, CostCategory category, String unitId, LocalDate date,
                                                  long amount, String description, ActorId actor, Instant at) {
        return record(new BudgetFact(sourceId, BudgetFact.Kind.ACTUAL, category, unitId, date, amount, "", description),
                actor, at);
    }

    /** Releases part or all of a commitment's open amount (e.g. a cancelled order line) on the commitment's line. */
    public Either<Rejected, Change<Budget>> release(String sourceId, String commitmentId, LocalDate date, long amount,
                                                    String description, ActorId actor, Instant at) {
        return fromCommitment(sourceId, BudgetFact.Kind.RELEASE, commitmentId, date, amount, description, actor, at);
    }

    /** Converts part or all of a commitment's open amount into actual spend (e.g. the order was invoiced) on the commitment's line. */
    public Either<Rejected, Change<Budget>> convert(String sourceId, String commitmentId, LocalDate date, long amount,
                                                    String description, ActorId actor, Instant at) {
        return fromCommitment(sourceId, BudgetFact.Kind.CONVERSION, commitmentId, date, amount, description, actor, at);
    }

    private Either<Rejected, Change<Budget>> fromCommitment(String sourceId, BudgetFact.Kind kind, String commitmentId,
                                                           LocalDate date, long amount, String description, ActorId actor,
                                                           Instant at) {
        Optional<BudgetFact> commitment = fact(commitmentId).filter(f -> f.kind() == BudgetFact.Kind.COMMITMENT);
        if (commitment.isEmpty()) {
            Checks checks = factBasics(sourceId, amount).refuse(Rejection.of(BudgetRejection.COMMITMENT_NOT_FOUND, subject(),
                    "commitmentId", "no commitment " + commitmentId + " in this budget").withEvidence("commitmentId", commitmentId));
            return checks.thenRight(() -> null);
        }
        BudgetFact c = commitment.get();
        return record(new BudgetFact(sourceId, kind, c.category(), c.unitId(), date, amount, commitmentId, description), actor, at);
    }

    /**
     * Records a fact: the same fact under the same source id again changes nothing; another fact
     * under a used source id is refused ({@link BudgetRejection#FACT_CONFLICT}); commitments and
     * actual spend are controlled as the class comment says.
     */
    public Either<Rejected, Change<Budget>> record(BudgetFact fact, ActorId actor, Instant at) {
        Optional<BudgetFact> earlier = fact(fact.sourceId());
        if (earlier.isPresent()) {
            return earlier.get().equals(fact) ? Either.right(Change.none(this))
                    : Either.left(Rejected.of(Rejection.of(BudgetRejection.FACT_CONFLICT, subject(), "sourceId",
                                    "another fact was recorded under this source id")
                            .withEvidence("sourceId", fact.sourceId()).withEvidence("recorded", earlier.get())
                            .withEvidence("offered", fact)));
        }
        Checks checks = factBasics(fact.sourceId(), fact.amount());
        boolean reversing = fact.kind() == BudgetFact.Kind.RELEASE || fact.kind() == BudgetFact.Kind.CONVERSION;
        Optional<BudgetLine> line;
        if (reversing) {
            Optional<BudgetFact> commitment = fact(fact.commitmentId()).filter(f -> f.kind() == BudgetFact.Kind.COMMITMENT);
            checks = checks.require(commitment.isPresent() && commitment.get().category().equals(fact.category())
                    && commitment.get().unitId().equals(fact.unitId()), () -> Rejection.of(BudgetRejection.COMMITMENT_NOT_FOUND,
                    subject(), "commitmentId", "no commitment " + fact.commitmentId() + " of this category and unit")
                    .withEvidence("commitmentId", fact.commitmentId()));
            long openAmount = open.getOrElse(fact.commitmentId(), 0L);
            checks = checks.require(commitment.isEmpty() || fact.amount() <= openAmount, () -> Rejection.of(
                            BudgetRejection.EXCEEDS_OPEN_COMMITMENT, subject(), "amount",
                            "more than the commitment still holds open")
                    .withEvidence("open", plain(openAmount)).withEvidence("requested", plain(fact.amount())));
            line = commitment.flatMap(this::lineOfFact);
        } else {
            checks = checks
                    .require(fact.commitmentId().isEmpty(), () -> Rejection.of(BudgetRejection.COMMITMENT_NOT_FOUND, subject(),
                            "commitmentId", "only releases and conversions name a commitment"))
                    .require(period.contains(fact.date()), () -> Rejection.of(BudgetRejection.DATE_OUTSIDE_BUDGET, subject(),
                            "date", "the date lies outside the budget period").withEvidence("date", fact.date())
                            .withEvidence("period", period.label()));
            line = lineOfFact(fact);
            checks = checks.require(line.isPresent() || !period.contains(fact.date()), () -> Rejection.of(
                    BudgetRejection.LINE_NOT_FOUND, subject(), "category", "no line for this category and unit")
                    .withEvidence("category", fact.category()).withEvidence("unitId", fact.unitId()));
        }
        List<DomainEvent> warnings = new ArrayList<>();
        if (line.isPresent() && checks.passed()) {
            Figures lineFigures = figures(line.get().id());
            long committedAfter = lineFigures.committed() + fact.committedDelta();
            long actualAfter = lineFigures.actual() + fact.actualDelta();
            checks = checks.require(committedAfter <= MAX_FIGURE && actualAfter <= MAX_FIGURE, () -> Rejection.of(
                    BudgetRejection.AMOUNT_TOO_LARGE, subject(), "amount", "the line's committed or actual would exceed "
                            + MAX_FIGURE + " minor units").withEvidence("requested", plain(fact.amount())));
            if (!reversing && checks.passed()) {
                checks = control(checks, line.get(), fact, warnings, actor, at);
            }
        }
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        String lineId = line.get().id();
        List<DomainEvent> events = new ArrayList<>();
        events.add(new BudgetEvents.FactRecorded(budgetId, lineId, fact, actor, at));
        events.addAll(warnings);
        return Either.right(new Change<>(applied(fact, lineId), events));
    }

    private Checks factBasics(String sourceId, long amount) {
        return checks().require(status == PlanStatus.APPROVED, () -> Rejection.of(BudgetRejection.NOT_APPROVED, subject(),
                                "status", "spend is recorded only against an approved budget").withEvidence("status", status))
                .require(validKey(sourceId), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "sourceId",
                        "a fact needs a source id of 1-200 characters"))
                .require(amount > 0, () -> Rejection.of(BudgetRejection.AMOUNT_NOT_POSITIVE, subject(), "amount",
                        "a fact's amount must be positive").withEvidence("amount", amount))
                .require(amount <= MAX_AMOUNT, () -> Rejection.of(BudgetRejection.AMOUNT_TOO_LARGE, subject(), "amount",
                        "a fact's amount is at most " + MAX_AMOUNT + " minor units").withEvidence("amount", amount));
    }

    private static Checks checks() {
        return Checks.start();
    }

    private Checks control(Checks checks, BudgetLine line, BudgetFact fact, List<DomainEvent> warnings, ActorId actor,
                           Instant at) {
        Checks result = checks;
        result = limit(result, line, fact, BudgetEvents.Scope.PERIOD, line.policy().period(), figures(line.id()), warnings,
                actor, at);
        result = limit(result, line, fact, BudgetEvents.Scope.ACCUMULATED, line.policy().accumulated(), yearToDate(line.id()),
                warnings, actor, at);
        return result;
    }

    private Checks limit(Checks checks, BudgetLine line, BudgetFact fact, BudgetEvents.Scope scope, ControlPolicy.Action action,
                         Figures before, List<DomainEvent> warnings, ActorId actor, Instant at) {
        long excess = before.used() + fact.amount() - before.budget();
        if (excess <= 0 || action == ControlPolicy.Action.IGNORE) {
            return checks;
        }
        if (action == ControlPolicy.Action.WARN) {
            warnings.add(new BudgetEvents.LimitWarning(budgetId, fact.sourceId(), line.id(), scope, before.budget(),
                    before.committed(), before.actual(), fact.amount(), excess, actor, at));
            return checks;
        }
        boolean period = scope == BudgetEvents.Scope.PERIOD;
        return checks.refuse(Rejection.of(period ? BudgetRejection.PERIOD_LIMIT_EXCEEDED : BudgetRejection.ACCUMULATED_LIMIT_EXCEEDED,
                        subject(), "amount", (period ? "the spend would cross the period budget of " : "the spend would cross the "
                                + "year-to-date budget up to ") + line.id())
                .withEvidence("lineId", line.id())
                .withEvidence("budget", plain(before.budget()))
                .withEvidence("committed", plain(before.committed()))
                .withEvidence("actual", plain(before.actual()))
                .withEvidence("requested", plain(fact.amount()))
                .withEvidence("excess", plain(excess))
                .withEvidence("currency", currency.getCurrencyCode()));
    }

    private Optional<BudgetLine> lineOfFact(BudgetFact fact) {
        if (fact.kind() == BudgetFact.Kind.RELEASE || fact.kind() == BudgetFact.Kind.CONVERSION) {
            return fact(fact.commitmentId()).flatMap(this::lineOfFact);
        }
        return lineFor(fact.category(), fact.unitId(), fact.date());
    }

    private Budget applied(BudgetFact fact, String lineId) {
        Figures before = used.getOrElse(lineId, Figures.ZERO);
        Figures after = new Figures(0, before.committed() + fact.committedDelta(), before.actual() + fact.actualDelta());
        HashMap<String, Long> nextOpen = switch (fact.kind()) {
            case COMMITMENT -> open.put(fact.sourceId(), fact.amount());
            case RELEASE, CONVERSION -> open.put(fact.commitmentId(), open.get(fact.commitmentId()).get() - fact.amount());
            case ACTUAL -> open;
        };
        return new Budget(tenantId, budgetId, name, currency, period, grain, version, status, pending, units, lines, revisions,
                changeLog, facts.put(fact.sourceId(), fact), used.put(lineId, after), nextOpen, cells);
    }

    // ---------------------------------------------------------------- revisions

    /** Proposes adding {@code delta} (negative: removing) to a line of the approved budget; applied only when approved. */
    public Either<Rejected, Change<Budget>> proposeAdjustment(String revisionId, String lineId, long delta, String reason,
                                                              ActorId actor, Instant at) {
        return proposeRevision(revisionId, new Revision.Adjustment(lineId, delta), reason, actor, at);
    }

    /** Proposes moving {@code amount} from one line to another of the approved budget; applied only when approved. */
    public Either<Rejected, Change<Budget>> proposeTransfer(String revisionId, String fromLineId, String toLineId, long amount,
                                                            String reason, ActorId actor, Instant at) {
        return proposeRevision(revisionId, new Revision.Transfer(fromLineId, toLineId, amount), reason, actor, at);
    }

    private Either<Rejected, Change<Budget>> proposeRevision(String revisionId, Revision revision, String reason,
                                                             ActorId actor, Instant at) {
        Checks checks = approved()
                .require(validKey(revisionId), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "revisionId",
                        "a revision id is 1-200 characters"))
                .require(!revisions.containsKey(revisionId), () -> Rejection.of(BudgetRejection.REVISION_EXISTS, subject(),
                        "revisionId", "a revision with this id exists already").withEvidence("revisionId", revisionId))
                .require(!reason.isBlank(), () -> reasonRequired());
        checks = applicable(checks, revision);
        return checks.thenRight(() -> {
            Map<String, RevisionRecord> next = new LinkedHashMap<>(revisions);
            next.put(revisionId, new RevisionRecord(revisionId, new PendingApproval<>(revision, actor, at, reason),
                    RevisionStatus.PENDING, Optional.empty(), Optional.empty(), ""));
            return Change.of(copy(status, pending, version, lines, Collections.unmodifiableMap(next),
                            log("propose-revision", revisionId, describe(revision), reason, actor, at)),
                    new BudgetEvents.RevisionProposed(budgetId, revisionId, revision, reason, actor, at));
        });
    }

    /**
     * Approves a pending revision (never by its proposer) and applies it; the rules are checked
     * again against the figures of now, since spend may have been recorded meanwhile.
     */
    public Either<Rejected, Change<Budget>> approveRevision(String revisionId, ActorId approver, Instant at) {
        Optional<RevisionRecord> record = pendingRevision(revisionId);
        Checks checks = approved().require(record.isPresent(), () -> revisionNotFound(revisionId));
        if (record.isPresent()) {
            checks = checks.include(record.get().proposal().approvableBy(approver, subject()).thenValid(() -> 0));
            checks = applicable(checks, record.get().proposal().proposal());
        }
        return checks.thenRight(() -> {
            RevisionRecord r = record.get();
            Revision revision = r.proposal().proposal();
            Map<String, BudgetLine> nextLines = new LinkedHashMap<>(lines);
            if (revision instanceof Revision.Adjustment a) {
                nextLines.put(a.lineId(), lines.get(a.lineId()).withAmount(lines.get(a.lineId()).amount() + a.delta()));
            } else if (revision instanceof Revision.Transfer t) {
                nextLines.put(t.fromLineId(), lines.get(t.fromLineId()).withAmount(lines.get(t.fromLineId()).amount() - t.amount()));
                nextLines.put(t.toLineId(), lines.get(t.toLineId()).withAmount(lines.get(t.toLineId()).amount() + t.amount()));
            }
            Map<String, RevisionRecord> nextRevisions = new LinkedHashMap<>(revisions);
            nextRevisions.put(revisionId, new RevisionRecord(revisionId, r.proposal(), RevisionStatus.APPROVED,
                    Optional.of(approver), Optional.of(at), ""));
            return Change.of(copy(status, pending, version + 1, Collections.unmodifiableMap(nextLines),
                            Collections.unmodifiableMap(nextRevisions),
                            new ChangeLogEntry(version + 1, "approve-revision", revisionId, describe(revision),
                                    r.proposal().reason(), approver, at)),
                    new BudgetEvents.RevisionApproved(budgetId, revisionId, revision, version + 1, r.proposal().proposedBy(),
                            approver, at));
        });
    }

    /** Rejects (or, by its proposer, withdraws) a pending revision; nothing changes but its status. */
    public Either<Rejected, Change<Budget>> rejectRevision(String revisionId, String reason, ActorId actor, Instant at) {
        Optional<RevisionRecord> record = pendingRevision(revisionId);
        return checks().require(record.isPresent(), () -> revisionNotFound(revisionId))
                .require(!reason.isBlank(), () -> reasonRequired())
                .thenRight(() -> {
                    Map<String, RevisionRecord> next = new LinkedHashMap<>(revisions);
                    next.put(revisionId, new RevisionRecord(revisionId, record.get().proposal(), RevisionStatus.REJECTED,
                            Optional.of(actor), Optional.of(at), reason));
                    return Change.of(copy(status, pending, version, lines, Collections.unmodifiableMap(next),
                                    log("reject-revision", revisionId, describe(record.get().proposal().proposal()), reason,
                                            actor, at)),
                            new BudgetEvents.RevisionRejected(budgetId, revisionId, reason, actor, at));
                });
    }

    private Optional<RevisionRecord> pendingRevision(String revisionId) {
        return Optional.ofNullable(revisions.get(revisionId)).filter(r -> r.status() == RevisionStatus.PENDING);
    }

    private Checks applicable(Checks checks, Revision revision) {
        if (revision instanceof Revision.Adjustment a) {
            Optional<BudgetLine> line = line(a.lineId());
            checks = checks
                    .require(line.isPresent(), () -> lineNotFound(a.lineId()))
                    .require(a.delta() != 0, () -> Rejection.of(BudgetRejection.AMOUNT_NOT_POSITIVE, subject(), "delta",
                            "an adjustment changes the amount"))
                    .require(a.delta() >= -MAX_AMOUNT && a.delta() <= MAX_AMOUNT
                                    && total() + a.delta() <= MAX_AMOUNT,
                            () -> Rejection.of(BudgetRejection.AMOUNT_TOO_LARGE, subject(), "delta",
                                    "the adjusted total is at most " + MAX_AMOUNT + " minor units").withEvidence("delta", a.delta()));
            if (line.isPresent() && a.delta() < 0 && a.delta() >= -MAX_AMOUNT) {
                checks = notBelowUsed(checks, line.get(), -a.delta(), "delta");
            }
            return checks;
        }
        Revision.Transfer t = (Revision.Transfer) revision;
        Optional<BudgetLine> from = line(t.fromLineId());
        checks = checks
                .require(from.isPresent(), () -> lineNotFound(t.fromLineId()))
                .require(line(t.toLineId()).isPresent(), () -> lineNotFound(t.toLineId()).withEvidence("side", "to"))
                .require(!t.fromLineId().equals(t.toLineId()), () -> Rejection.of(BudgetRejection.SAME_LINE, subject(),
                        "toLineId", "a transfer needs two different lines"))
                .require(t.amount() > 0, () -> Rejection.of(BudgetRejection.AMOUNT_NOT_POSITIVE, subject(), "amount",
                        "a transfer moves a positive amount").withEvidence("amount", t.amount()))
                .require(t.amount() <= MAX_AMOUNT, () -> Rejection.of(BudgetRejection.AMOUNT_TOO_LARGE, subject(), "amount",
                        "a transfer moves at most " + MAX_AMOUNT + " minor units").withEvidence("amount", t.amount()));
        if (from.isPresent() && t.amount() > 0 && t.amount() <= MAX_AMOUNT) {
            checks = notBelowUsed(checks, from.get(), t.amount(), "amount");
        }
        return checks;
    }

    private Checks notBelowUsed(Checks checks, BudgetLine line, long reduction, String field) {
        Figures f = figures(line.id());
        long after = f.budget() - reduction;
        return checks.require(after >= f.used() && after >= 0, () -> Rejection.of(BudgetRejection.BELOW_USED, subject(), field,
                        "the revision would leave " + line.id() + " below what is already committed and spent")
                .withEvidence("lineId", line.id())
                .withEvidence("budget", plain(f.budget()))
                .withEvidence("committed", plain(f.committed()))
                .withEvidence("actual", plain(f.actual()))
                .withEvidence("requested", plain(reduction))
                .withEvidence("shortfall", plain(Math.max(f.used(), 0) - after)));
    }

    private String describe(Revision revision) {
        if (revision instanceof Revision.Adjustment a) {
            return "adjust " + a.lineId() + " by " + format(a.delta());
        }
        Revision.Transfer t = (Revision.Transfer) revision;
        return "transfer " + format(t.amount()) + " from " + t.fromLineId() + " to " + t.toLineId();
    }

    // ---------------------------------------------------------------- helpers

    private Checks inStatus(PlanStatus expected, String what) {
        return checks().require(status == expected, () -> Rejection.of(BudgetRejection.WRONG_STATUS, subject(), "status",
                "cannot " + what + " a " + status.name().toLowerCase() + " budget").withEvidence("status", status));
    }

    private Checks editable() {
        return checks().require(status == PlanStatus.DRAFT, () -> Rejection.of(BudgetRejection.VERSION_NOT_EDITABLE, subject(),
                "status", "only a draft budget is edited directly; an approved one changes by approved revisions")
                .withEvidence("status", status));
    }

    private Checks approved() {
        return checks().require(status == PlanStatus.APPROVED, () -> Rejection.of(BudgetRejection.NOT_APPROVED, subject(),
                "status", "revisions apply to an approved budget; edit a draft directly").withEvidence("status", status));
    }

    private Rejection lineNotFound(String lineId) {
        return Rejection.of(BudgetRejection.LINE_NOT_FOUND, subject(), "lineId", "no line " + lineId + " in the budget")
                .withEvidence("lineId", lineId);
    }

    private Rejection revisionNotFound(String revisionId) {
        return Rejection.of(BudgetRejection.REVISION_NOT_FOUND, subject(), "revisionId", "no pending revision " + revisionId)
                .withEvidence("revisionId", revisionId);
    }

    private Rejection reasonRequired() {
        return Rejection.of(SharedRejection.REQUIRED, subject(), "reason", "a reason is required");
    }

    private ChangeLogEntry log(String action, String lineId, String detail, String reason, ActorId actor, Instant at) {
        return new ChangeLogEntry(version, action, lineId, detail, reason, actor, at);
    }

    private Budget withLine(BudgetLine line, ChangeLogEntry entry) {
        Map<String, BudgetLine> next = new LinkedHashMap<>(lines);
        next.put(line.id(), line);
        return copy(status, pending, version, Collections.unmodifiableMap(next), revisions, entry);
    }

    private Budget copy(PlanStatus newStatus, Optional<PendingApproval<Integer>> newPending, int newVersion,
                        Map<String, BudgetLine> newLines, Map<String, RevisionRecord> newRevisions, ChangeLogEntry entry) {
        List<ChangeLogEntry> log = new ArrayList<>(changeLog);
        log.add(entry);
        return new Budget(tenantId, budgetId, name, currency, period, grain, newVersion, newStatus, newPending, units, newLines,
                newRevisions, List.copyOf(log), facts, used, open, cells);
    }

    @Override
    public String toString() {
        return "Budget[" + budgetId + " v" + version + " " + status + " total " + format(total()) + ", " + lines.size()
                + " lines, " + facts.size() + " facts]";
    }
}
