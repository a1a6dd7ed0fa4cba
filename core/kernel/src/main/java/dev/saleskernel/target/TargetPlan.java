package dev.saleskernel.target;

import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A target plan: one aggregate holding a tree of {@link TargetNode}s over dimensions and time,
 * all amounts {@code long} in the plan's {@link TargetUnit}.
 *
 * <p><b>Invariant</b>: after every accepted command, every node with children equals the exact
 * sum of its children. Splits use {@link Decomposer} (largest remainder). An
 * {@linkplain #setAmount override} of a non-root node locks it; its unlocked siblings absorb
 * {@code parent − Σ locked} in proportion to their current values; every node whose amount
 * changed re-decomposes its unlocked children by their split weights, recursively. Locked nodes
 * never change (except by a direct {@code setAmount} on them). A refused command changes nothing
 * and names every reason.
 *
 * <p><b>Versions</b>: edits are accepted only while the current version is a
 * {@link PlanStatus#DRAFT}; {@link #propose} → {@link #approve} (four eyes: never the proposer)
 * makes it {@link PlanStatus#APPROVED} and snapshots its amounts; {@link #openNewVersion} starts
 * the next draft. Every accepted command appends a {@link ChangeLogEntry}.
 */
public final class TargetPlan {
    /**
     * The largest total any node or bottom-up figure may reach: one unit below {@link Long#MAX_VALUE}
     * (which marks "beyond range" internally); larger sums are refused with
     * {@code target/AMOUNT_OUT_OF_RANGE}, never wrapped or thrown.
     */
    public static final long MAX_AMOUNT = Long.MAX_VALUE - 1;

    private final TenantId tenantId;
    private final String planId;
    private final String name;
    private final Metric metric;
    private final TargetUnit unit;
    private final int version;
    private final PlanStatus status;
    private final Optional<PendingApproval<Integer>> pending;
    private final String rootId;
    private final Map<String, TargetNode> nodes;
    private final List<ChangeLogEntry> changeLog;
    private final List<ApprovedVersion> approvedVersions;

    /** The amounts of an approved version, kept immutable when later versions change. */
    public record ApprovedVersion(int version, ActorId proposedBy, ActorId approvedBy, Instant approvedAt,
                                  Map<String, Long> amounts) {
        public ApprovedVersion {
            amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
        }
    }

    /** A child to create in a split over a non-time dimension. */
    public record Child(String key, String label) {
        public Child {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
        }
    }

    /** Top-down and bottom-up figures of one node; {@code gap = topDown − bottomUp} when there is a bottom-up figure. */
    public record Gap(String nodeId, long topDown, Optional<Long> bottomUp, Optional<Long> gap) {
    }

    private TargetPlan(TenantId tenantId, String planId, String name, Metric metric, TargetUnit unit, int version,
                       PlanStatus status, Optional<PendingApproval<Integer>> pending, String rootId,
                       Map<String, TargetNode> nodes, List<ChangeLogEntry> changeLog, List<ApprovedVersion> approvedVersions) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.planId = Objects.requireNonNull(planId, "planId");
        this.name = Objects.requireNonNull(name, "name");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.version = version;
        this.status = Objects.requireNonNull(status, "status");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.rootId = Objects.requireNonNull(rootId, "rootId");
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.changeLog = List.copyOf(changeLog);
        this.approvedVersions = List.copyOf(approvedVersions);
        if (!this.nodes.containsKey(rootId)) {
            throw new IllegalArgumentException("the root " + rootId + " is not among the nodes");
        }
    }

    /** Rebuilds stored state; for the persistence codec only. Checks the sum invariant. */
    public static TargetPlan restore(TenantId tenantId, String planId, String name, Metric metric, TargetUnit unit,
                                     int version, PlanStatus status, Optional<PendingApproval<Integer>> pending,
                                     String rootId, List<TargetNode> nodes, List<ChangeLogEntry> changeLog,
                                     List<ApprovedVersion> approvedVersions) {
        Map<String, TargetNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        TargetPlan plan = new TargetPlan(tenantId, planId, name, metric, unit, version, status, pending, rootId, byId,
                changeLog, approvedVersions);
        plan.nodes.values().forEach(n -> {
            if (n.amount() < 0 || n.amount() > MAX_AMOUNT) {
                throw new IllegalArgumentException("node " + n.id() + " holds an amount out of range");
            }
            if (!n.isLeaf() && plan.sumOfChildren(n.id()) != n.amount()) {
                throw new IllegalArgumentException("node " + n.id() + " does not equal the sum of its children");
            }
        });
        if (boundedBottomUp(plan.nodes, rootId) == OVERFLOW) {
            throw new IllegalArgumentException("the bottom-up commitments add up beyond " + MAX_AMOUNT);
        }
        return plan;
    }

    // ---------------------------------------------------------------- queries

    public TenantId tenantId() {
        return tenantId;
    }

    public String planId() {
        return planId;
    }

    public String name() {
        return name;
    }

    public Metric metric() {
        return metric;
    }

    public TargetUnit unit() {
        return unit;
    }

    /** The current version number, from 1. */
    public int version() {
        return version;
    }

    public PlanStatus status() {
        return status;
    }

    /** The proposal waiting for a second person's approval (its proposal is the version number). */
    public Optional<PendingApproval<Integer>> pending() {
        return pending;
    }

    public TargetNode root() {
        return nodes.get(rootId);
    }

    public Optional<TargetNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Every node, parents before children, in creation order. */
    public List<TargetNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<TargetNode> children(String id) {
        return node(id).map(n -> n.children().stream().map(nodes::get).toList()).orElse(List.of());
    }

    public List<ChangeLogEntry> changeLog() {
        return changeLog;
    }

    public List<ApprovedVersion> approvedVersions() {
        return approvedVersions;
    }

    /** The sum of a node's children's amounts (0 for a leaf). */
    public long sumOfChildren(String id) {
        long sum = 0;
        for (String child : nodes.get(id).children()) {
            sum = Math.addExact(sum, nodes.get(child).amount());
        }
        return sum;
    }

    /**
     * The bottom-up figure of a node: the sum of its children's bottom-up figures when at least
     * one child has one (children without count as 0), otherwise its own commitment, if any.
     */
    public Optional<Long> bottomUp(String id) {
        TargetNode node = nodes.get(id);
        long sum = 0;
        boolean any = false;
        for (String child : node.children()) {
            Optional<Long> value = bottomUp(child);
            if (value.isPresent()) {
                sum = Math.addExact(sum, value.get());
                any = true;
            }
        }
        return any ? Optional.of(sum) : node.commitment();
    }

    /** Top-down, bottom-up and gap of every node, parents first. */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        for (TargetNode node : nodes.values()) {
            Optional<Long> bottomUp = bottomUp(node.id());
            gaps.add(new Gap(node.id(), node.amount(), bottomUp, bottomUp.map(b -> node.amount() - b)));
        }
        return gaps;
    }

    private String subject() {
        return "target-plan:" + planId;
    }

    // ---------------------------------------------------------------- creation

    /**
     * Creates a plan (version 1, draft) whose root carries {@code root}'s amount. The SMART
     * checks run against {@code parent} (e.g. the node of a higher plan this one details) and
     * {@code history} (the same metric's actual for the previous comparable period): refusals stop
     * the creation, warnings are recorded in the event and the change log.
     */
    public static Either<Rejected, Change<TargetPlan>> create(TenantId tenantId, String planId, String name, Target root,
                                                             String rootLabel, Optional<Target> parent,
                                                             Optional<Long> history, BigDecimal maxGrowth,
                                                             ActorId actor, Instant at) {
        String subject = "target-plan:" + planId;
        SmartCheck.Report report = SmartCheck.check(root, parent, history, maxGrowth, subject);
        Checks checks = Checks.start()
                .require(!name.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "name", "a plan needs a name"))
                .require(validKey(root.owner()), () -> Rejection.of(TargetRejection.CHILDREN_INVALID, subject, "owner",
                        "the root key must be 1-100 characters without '/'"));
        for (Rejection refusal : report.refusals()) {
            checks = checks.refuse(refusal);
        }
        return checks.thenRight(() -> {
            TargetNode rootNode = new TargetNode(root.owner(), Optional.empty(), root.owner(), rootLabel, Dimension.ORG,
                    root.period(), root.amount(), 1, false, Optional.empty(), List.of());
            List<String> warnings = report.warnings().stream().map(Rejection::toString).toList();
            ChangeLogEntry entry = new ChangeLogEntry(1, "create", root.owner(), root.unit().format(root.amount())
                    + (warnings.isEmpty() ? "" : " warnings " + warnings), "created", actor, at);
            TargetPlan plan = new TargetPlan(tenantId, planId, name, root.metric(), root.unit(), 1, PlanStatus.DRAFT,
                    Optional.empty(), root.owner(), Map.of(root.owner(), rootNode), List.of(entry), List.of());
            return Change.of(plan, new TargetEvents.PlanCreated(planId, root, warnings, actor, at));
        });
    }

    private static boolean validKey(String key) {
        return key != null && !key.isBlank() && key.length() <= 100 && !key.contains("/");
    }

    // ---------------------------------------------------------------- splits

    /** Splits a leaf over a non-time dimension into the given children by the strategy; children keep the node's period. */
    public Either<Rejected, Change<TargetPlan>> split(String nodeId, Dimension dimension, List<Child> children,
                                                      Strategy strategy, ActorId actor, Instant at) {
        Checks checks = editable()
                .require(dimension != Dimension.TIME, () -> Rejection.of(TargetRejection.PERIOD_NOT_SPLITTABLE, subject(),
                        "dimension", "split over time with splitOverTime"));
        checks = checkChildren(checks, children);
        Optional<TargetNode> node = node(nodeId);
        checks = checkSplittable(checks, nodeId, node);
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        List<String> keys = children.stream().map(Child::key).toList();
        List<Optional<Period>> periods = children.stream().map(c -> Optional.<Period>empty()).toList();
        List<Period> childPeriods = children.stream().map(c -> node.get().period()).toList();
        List<String> labels = children.stream().map(Child::label).toList();
        return splitInto(node.get(), dimension, keys, labels, childPeriods, periods, strategy, actor, at);
    }

    /** Splits a leaf over time down to {@code grain} (e.g. a year straight to months), by the strategy. */
    public Either<Rejected, Change<TargetPlan>> splitOverTime(String nodeId, PeriodKind grain, Strategy strategy,
                                                              ActorId actor, Instant at) {
        Optional<TargetNode> node = node(nodeId);
        Checks checks = checkSplittable(editable(), nodeId, node);
        if (node.isPresent()) {
            Period period = node.get().period();
            checks = checks.require(period.kind().isCalendar() && grain.isCalendar() && grain.months() < period.kind().months(),
                    () -> Rejection.of(TargetRejection.PERIOD_NOT_SPLITTABLE, subject(), "grain",
                                    "the period cannot be split to this grain")
                            .withEvidence("period", period.label()).withEvidence("grain", grain));
        }
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        List<Period> childPeriods = new ArrayList<>();
        collectPeriods(node.get().period(), grain, childPeriods);
        List<String> keys = childPeriods.stream().map(Period::label).toList();
        List<Optional<Period>> periods = childPeriods.stream().map(Optional::of).toList();
        return splitInto(node.get(), Dimension.TIME, keys, keys, childPeriods, periods, strategy, actor, at);
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

    private Checks checkChildren(Checks checks, List<Child> children) {
        Set<String> seen = new HashSet<>();
        boolean distinct = children.stream().allMatch(c -> seen.add(c.key()));
        return checks
                .require(!children.isEmpty(), () -> Rejection.of(TargetRejection.CHILDREN_INVALID, subject(), "children",
                        "a split needs at least one child"))
                .require(distinct, () -> Rejection.of(TargetRejection.CHILDREN_INVALID, subject(), "children",
                        "child keys must be distinct"))
                .require(children.stream().allMatch(c -> validKey(c.key())), () -> Rejection.of(
                        TargetRejection.CHILDREN_INVALID, subject(), "children", "a child key is 1-100 characters without '/'"));
    }

    private Checks checkSplittable(Checks checks, String nodeId, Optional<TargetNode> node) {
        return checks
                .require(node.isPresent(), () -> notFound(nodeId))
                .require(node.map(TargetNode::isLeaf).orElse(true), () -> Rejection.of(TargetRejection.ALREADY_SPLIT,
                        subject(), nodeId, "the node is split already"));
    }

    private Either<Rejected, Change<TargetPlan>> splitInto(TargetNode node, Dimension dimension, List<String> keys,
                                                          List<String> labels, List<Period> childPeriods,
                                                          List<Optional<Period>> periodsForWeights, Strategy strategy,
                                                          ActorId actor, Instant at) {
        return Rejected.toEither(Decomposer.weights(strategy, keys, periodsForWeights, Optional.of(node.period()), subject()))
                .map(weights -> {
                    long[] amounts = Decomposer.proportional(node.amount(), weights);
                    Map<String, TargetNode> next = new LinkedHashMap<>(nodes);
                    List<String> ids = new ArrayList<>();
                    Map<String, Long> created = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        String id = node.id() + "/" + keys.get(i);
                        ids.add(id);
                        created.put(id, amounts[i]);
                        next.put(id, new TargetNode(id, Optional.of(node.id()), keys.get(i), labels.get(i), dimension,
                                childPeriods.get(i), amounts[i], weights[i], false, Optional.empty(), List.of()));
                    }
                    next.put(node.id(), node.withChildren(ids));
                    String strategyName = strategy.getClass().getSimpleName();
                    return Change.of(with(next, log("split", node.id(), dimension + " by " + strategyName + " into "
                                    + keys.size(), "", actor, at)),
                            new TargetEvents.NodeSplit(planId, version, node.id(), dimension, strategyName, created, actor, at));
                });
    }

    // ---------------------------------------------------------------- edits and locks

    /**
     * Sets a node's amount. For the root, the plan total changes and the tree re-decomposes.
     * For any other node this is a manual override: the node is locked, its unlocked siblings
     * absorb the difference in proportion to their current values, and every changed node
     * re-decomposes its unlocked children. Refused, with every reason, when the amount is
     * negative, the locked siblings exceed the parent, nothing can absorb, or a locked descendant
     * no longer fits.
     */
    public Either<Rejected, Change<TargetPlan>> setAmount(String nodeId, long amount, String reason, ActorId actor,
                                                          Instant at) {
        Optional<TargetNode> found = node(nodeId);
        Checks checks = editable()
                .require(found.isPresent(), () -> notFound(nodeId))
                .require(amount >= 0, () -> Rejection.of(TargetRejection.NEGATIVE_AMOUNT, subject(), nodeId,
                        "a target must not be negative").withEvidence("amount", amount))
                .require(amount <= MAX_AMOUNT, () -> Rejection.of(TargetRejection.AMOUNT_OUT_OF_RANGE, subject(), "amount",
                        "a target is at most " + MAX_AMOUNT).withEvidence("amount", amount))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "an override needs a reason for the change log"));
        if (found.isEmpty() || amount < 0 || amount > MAX_AMOUNT) {
            return checks.thenRight(() -> null);
        }
        TargetNode node = found.get();
        Work work = new Work(nodes);
        boolean isRoot = node.parentId().isEmpty();
        work.put(node.withAmount(amount).withLocked(!isRoot));
        if (isRoot) {
            work.redecompose(nodeId);
        } else {
            work.absorbAmongSiblings(node.parentId().get(), nodeId);
        }
        Map<String, Long> changed = work.changedAmounts(nodes);
        for (Rejection problem : work.checks().reasons()) {
            checks = checks.refuse(problem);
        }
        return checks.thenRight(() -> Change.of(
                with(work.nodes, log(isRoot ? "edit" : "override", nodeId, unit.format(node.amount()) + " -> "
                        + unit.format(amount) + " (" + changed.size() + " nodes changed)", reason, actor, at)),
                new TargetEvents.AmountsChanged(planId, version, nodeId, node.amount(), amount, !isRoot, changed, reason,
                        actor, at)));
    }

    /** Releases a node's lock; no amount changes until the next edit around it. */
    public Either<Rejected, Change<TargetPlan>> unlock(String nodeId, String reason, ActorId actor, Instant at) {
        Optional<TargetNode> found = node(nodeId);
        return editable()
                .require(found.isPresent(), () -> notFound(nodeId))
                .require(found.map(TargetNode::locked).orElse(true), () -> Rejection.of(SharedRejection.NOT_ALLOWED,
                        subject(), nodeId, "the node is not locked"))
                .thenRight(() -> {
                    Map<String, TargetNode> next = new LinkedHashMap<>(nodes);
                    next.put(nodeId, found.get().withLocked(false));
                    return Change.of(with(next, log("unlock", nodeId, "", reason, actor, at)),
                            new TargetEvents.NodeUnlocked(planId, version, nodeId, reason, actor, at));
                });
    }

    // ---------------------------------------------------------------- bottom-up

    /** Whether every bottom-up total stays below {@link #MAX_AMOUNT} with {@code amount} as the node's commitment. */
    private boolean bottomUpFits(String nodeId, long amount) {
        Map<String, TargetNode> next = new LinkedHashMap<>(nodes);
        next.put(nodeId, nodes.get(nodeId).withCommitment(Optional.of(amount)));
        return boundedBottomUp(next, rootId) != OVERFLOW;
    }

    private static final long OVERFLOW = -1;

    private static long boundedBottomUp(Map<String, TargetNode> tree, String id) {
        TargetNode node = tree.get(id);
        long sum = 0;
        boolean any = false;
        for (String child : node.children()) {
            long value = boundedBottomUp(tree, child);
            if (value == OVERFLOW) {
                return OVERFLOW;
            }
            if (value != Long.MIN_VALUE) {
                sum = saturatingAdd(sum, value);
                any = true;
                if (sum == Long.MAX_VALUE) {
                    return OVERFLOW;
                }
            }
        }
        return any ? sum : node.commitment().orElse(Long.MIN_VALUE);
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when the sum would reach or pass it (both non-negative in a plan). */
    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 || sum == Long.MAX_VALUE ? Long.MAX_VALUE : sum;
    }

    /** Records a bottom-up commitment for a node (a unit's or rep's own figure). */
    public Either<Rejected, Change<TargetPlan>> submitCommitment(String nodeId, long amount, ActorId actor, Instant at) {
        Optional<TargetNode> found = node(nodeId);
        return editable()
                .require(found.isPresent(), () -> notFound(nodeId))
                .require(amount >= 0, () -> Rejection.of(TargetRejection.NEGATIVE_AMOUNT, subject(), nodeId,
                        "a commitment must not be negative").withEvidence("amount", amount))
                .require(amount < 0 || found.isEmpty() || bottomUpFits(nodeId, amount), () -> Rejection.of(
                        TargetRejection.AMOUNT_OUT_OF_RANGE, subject(), "amount",
                        "with this commitment a bottom-up total would exceed the largest amount a plan holds")
                        .withEvidence("amount", amount).withEvidence("max", MAX_AMOUNT))
                .thenRight(() -> {
                    Map<String, TargetNode> next = new LinkedHashMap<>(nodes);
                    next.put(nodeId, found.get().withCommitment(Optional.of(amount)));
                    return Change.of(with(next, log("commit", nodeId, unit.format(amount), "bottom-up submission", actor, at)),
                            new TargetEvents.CommitmentSubmitted(planId, version, nodeId, amount, actor, at));
                });
    }

    /**
     * Reconciles a node's unlocked children with their bottom-up figures by the policy (locked
     * children keep their amounts). Scale keeps the node's amount exactly; accept and blend change
     * the node and, by the same difference, each ancestor (refused if one is locked). Changed
     * children re-decompose their unlocked subtrees. Recorded in the change log.
     */
    public Either<Rejected, Change<TargetPlan>> reconcile(String nodeId, Reconciliation policy, String reason,
                                                          ActorId actor, Instant at) {
        Optional<TargetNode> found = node(nodeId);
        Checks checks = editable()
                .require(found.isPresent(), () -> notFound(nodeId))
                .require(found.map(n -> !n.isLeaf()).orElse(true), () -> Rejection.of(TargetRejection.CHILDREN_INVALID,
                        subject(), nodeId, "only a node with children can be reconciled"))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a reconciliation needs a reason for the change log"));
        if (policy instanceof Reconciliation.Blend blend) {
            checks = checks.require(blend.bottomUpWeight().signum() >= 0 && blend.bottomUpWeight().compareTo(BigDecimal.ONE) <= 0
                            && blend.bottomUpWeight().stripTrailingZeros().scale() <= Decomposer.WEIGHT_SCALE,
                    () -> Rejection.of(TargetRejection.BLEND_WEIGHT_OUT_OF_RANGE, subject(), "bottomUpWeight",
                            "the blend weight lies in 0..1 with at most 6 decimals").withEvidence("weight", blend.bottomUpWeight()));
        }
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        TargetNode node = found.get();
        List<TargetNode> children = children(nodeId);
        boolean keep = policy instanceof Reconciliation.KeepTopDown;
        for (TargetNode child : children) {
            checks = checks.require(keep || child.locked() || bottomUp(child.id()).isPresent(), () -> Rejection.of(
                    TargetRejection.SUBMISSION_MISSING, subject(), child.id(), "no bottom-up figure for " + child.id()));
        }
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        Work work = new Work(nodes);
        if (!keep) {
            int n = children.size();
            boolean[] locked = new boolean[n];
            long[] topDown = new long[n];
            long[] bottom = new long[n];
            long lockedSum = 0;
            for (int i = 0; i < n; i++) {
                TargetNode child = children.get(i);
                locked[i] = child.locked();
                topDown[i] = child.amount();
                bottom[i] = locked[i] ? child.amount() : bottomUp(child.id()).get();
                lockedSum += locked[i] ? child.amount() : 0;
            }
            long[] next = reconciled(policy, node.amount(), lockedSum, locked, topDown, bottom);
            long newTotal = 0;
            for (int i = 0; i < n; i++) {
                work.put(work.get(children.get(i).id()).withAmount(next[i]));
                newTotal = saturatingAdd(newTotal, next[i]);
            }
            if (newTotal == Long.MAX_VALUE) {
                return checks.refuse(Rejection.of(TargetRejection.AMOUNT_OUT_OF_RANGE, subject(), nodeId,
                                "the reconciled children would add up beyond the largest amount a plan holds")
                        .withEvidence("max", MAX_AMOUNT)).thenRight(() -> null);
            }
            long delta = newTotal - node.amount();
            if (delta != 0) {
                work.shiftUp(nodeId, delta);
            }
            for (int i = 0; i < n; i++) {
                if (next[i] != topDown[i]) {
                    work.redecompose(children.get(i).id());
                }
            }
        }
        Map<String, Long> changed = work.changedAmounts(nodes);
        Optional<Long> before = bottomUp(nodeId);
        return work.checks().thenRight(() -> Change.of(
                with(work.nodes, log("reconcile:" + policy.name(), nodeId, "top-down " + unit.format(node.amount())
                        + ", bottom-up " + before.map(unit::format).orElse("none") + ", " + changed.size() + " nodes changed",
                        reason, actor, at)),
                new TargetEvents.Reconciled(planId, version, nodeId, policy.name(), changed, reason, actor, at)));
    }

    private static long[] reconciled(Reconciliation policy, long total, long lockedSum, boolean[] locked, long[] topDown,
                                     long[] bottom) {
        int n = topDown.length;
        long[] result = topDown.clone();
        long[] unlockedWeights = new long[n];
        long unlockedTotal;
        if (policy instanceof Reconciliation.AcceptBottomUp) {
            return bottom.clone();
        } else if (policy instanceof Reconciliation.ScaleToTopDown) {
            unlockedTotal = total - lockedSum;
            for (int i = 0; i < n; i++) {
                unlockedWeights[i] = locked[i] ? 0 : bottom[i];
            }
        } else {
            BigDecimal w = ((Reconciliation.Blend) policy).bottomUpWeight().setScale(Decomposer.WEIGHT_SCALE);
            BigDecimal rest = BigDecimal.ONE.subtract(w);
            BigDecimal sum = BigDecimal.ZERO;
            java.math.BigInteger[] blendedWeights = new java.math.BigInteger[n];
            for (int i = 0; i < n; i++) {
                blendedWeights[i] = java.math.BigInteger.ZERO;
                if (!locked[i]) {
                    BigDecimal blended = w.multiply(BigDecimal.valueOf(bottom[i])).add(rest.multiply(BigDecimal.valueOf(topDown[i])));
                    sum = sum.add(blended);
                    blendedWeights[i] = blended.movePointRight(Decomposer.WEIGHT_SCALE).toBigIntegerExact();
                }
            }
            long blendedTotal = sum.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            java.math.BigInteger[] compact = java.util.Arrays.stream(java.util.stream.IntStream.range(0, n)
                    .filter(i -> !locked[i]).mapToObj(i -> blendedWeights[i]).toArray(java.math.BigInteger[]::new))
                    .toArray(java.math.BigInteger[]::new);
            if (compact.length == 0) {
                return result;
            }
            long[] parts = Decomposer.proportional(blendedTotal, compact);
            for (int i = 0, k = 0; i < n; i++) {
                if (!locked[i]) {
                    result[i] = parts[k++];
                }
            }
            return result;
        }
        int unlocked = 0;
        for (boolean l : locked) {
            unlocked += l ? 0 : 1;
        }
        if (unlocked == 0) {
            return result;
        }
        long[] compactWeights = new long[unlocked];
        for (int i = 0, k = 0; i < n; i++) {
            if (!locked[i]) {
                compactWeights[k++] = unlockedWeights[i];
            }
        }
        long[] parts = Decomposer.proportional(unlockedTotal, compactWeights);
        for (int i = 0, k = 0; i < n; i++) {
            if (!locked[i]) {
                result[i] = parts[k++];
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- versions

    /** Proposes the current draft version for approval. */
    public Either<Rejected, Change<TargetPlan>> propose(String reason, ActorId actor, Instant at) {
        return inStatus(PlanStatus.DRAFT, "propose")
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a proposal needs a reason"))
                .thenRight(() -> Change.of(
                        copy(PlanStatus.PROPOSED, Optional.of(new PendingApproval<>(version, actor, at, reason)), version,
                                approvedVersions, log("propose", "", "version " + version, reason, actor, at)),
                        new TargetEvents.VersionProposed(planId, version, reason, actor, at)));
    }

    /** Approves the proposed version (never by its proposer); it becomes immutable and its amounts are kept. */
    public Either<Rejected, Change<TargetPlan>> approve(ActorId approver, Instant at) {
        Checks checks = inStatus(PlanStatus.PROPOSED, "approve");
        if (pending.isPresent()) {
            checks = checks.include(pending.get().approvableBy(approver, subject()).thenValid(() -> 0));
        }
        return checks.thenRight(() -> {
            Map<String, Long> amounts = new LinkedHashMap<>();
            nodes.values().forEach(n -> amounts.put(n.id(), n.amount()));
            List<ApprovedVersion> approved = new ArrayList<>(approvedVersions);
            approved.add(new ApprovedVersion(version, pending.get().proposedBy(), approver, at, amounts));
            return Change.of(copy(PlanStatus.APPROVED, Optional.empty(), version, approved,
                            log("approve", "", "version " + version, pending.get().reason(), approver, at)),
                    new TargetEvents.VersionApproved(planId, version, pending.get().proposedBy(), approver, at));
        });
    }

    /** Rejects (or, by the proposer, withdraws) the proposal; the version is a draft again. */
    public Either<Rejected, Change<TargetPlan>> reject(String reason, ActorId actor, Instant at) {
        return inStatus(PlanStatus.PROPOSED, "reject")
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a rejection needs a reason"))
                .thenRight(() -> Change.of(copy(PlanStatus.DRAFT, Optional.empty(), version, approvedVersions,
                                log("reject", "", "version " + version, reason, actor, at)),
                        new TargetEvents.VersionRejected(planId, version, reason, actor, at)));
    }

    /** Opens the next draft version from the approved one; the approved amounts stay in {@link #approvedVersions}. */
    public Either<Rejected, Change<TargetPlan>> openNewVersion(String reason, ActorId actor, Instant at) {
        return inStatus(PlanStatus.APPROVED, "open a new version")
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a new version needs a reason"))
                .thenRight(() -> Change.of(copy(PlanStatus.DRAFT, Optional.empty(), version + 1, approvedVersions,
                                new ChangeLogEntry(version + 1, "open-version", "", "from version " + version, reason, actor, at)),
                        new TargetEvents.VersionOpened(planId, version + 1, reason, actor, at)));
    }

    private Checks inStatus(PlanStatus expected, String what) {
        return Checks.start().require(status == expected, () -> Rejection.of(TargetRejection.WRONG_STATUS, subject(),
                        "status", "cannot " + what + " a " + status.name().toLowerCase() + " version")
                .withEvidence("status", status).withEvidence("version", version));
    }

    private Checks editable() {
        return Checks.start().require(status == PlanStatus.DRAFT, () -> Rejection.of(TargetRejection.VERSION_NOT_EDITABLE,
                        subject(), "status", "only a draft version can change; open a new version to change an approved one")
                .withEvidence("status", status).withEvidence("version", version));
    }

    private Rejection notFound(String nodeId) {
        return Rejection.of(TargetRejection.NODE_NOT_FOUND, subject(), "nodeId", "no node " + nodeId + " in the plan")
                .withEvidence("nodeId", nodeId);
    }

    private ChangeLogEntry log(String action, String nodeId, String detail, String reason, ActorId actor, Instant at) {
        return new ChangeLogEntry(version, action, nodeId, detail, reason, actor, at);
    }

    private TargetPlan with(Map<String, TargetNode> next, ChangeLogEntry entry) {
        List<ChangeLogEntry> log = new ArrayList<>(changeLog);
        log.add(entry);
        return new TargetPlan(tenantId, planId, name, metric, unit, version, status, pending, rootId, next, log,
                approvedVersions);
    }

    private TargetPlan copy(PlanStatus newStatus, Optional<PendingApproval<Integer>> newPending, int newVersion,
                            List<ApprovedVersion> approved, ChangeLogEntry entry) {
        List<ChangeLogEntry> log = new ArrayList<>(changeLog);
        log.add(entry);
        return new TargetPlan(tenantId, planId, name, metric, unit, newVersion, newStatus, newPending, rootId, nodes, log,
                approved);
    }

    @Override
    public String toString() {
        return "TargetPlan[" + planId + " v" + version + " " + status + " " + nodes.values() + "]";
    }

    /** A working copy for one command: amounts change here, reasons accumulate, nothing leaks if refused. */
    private final class Work {
        private final Map<String, TargetNode> nodes;
        private Checks checks = Checks.start();

        Work(Map<String, TargetNode> original) {
            this.nodes = new LinkedHashMap<>(original);
        }

        TargetNode get(String id) {
            return nodes.get(id);
        }

        void put(TargetNode node) {
            nodes.put(node.id(), node);
        }

        Checks checks() {
            return checks;
        }

        /** The overridden node is already locked at its new amount in this copy. */
        void absorbAmongSiblings(String parentId, String overriddenId) {
            TargetNode parent = nodes.get(parentId);
            if (!fits(parent, overriddenId)) {
                return;
            }
            long[] next = absorbed(parent, false);
            applyAndDescend(parent, next);
            redecompose(overriddenId);
        }

        /** Unlocked children of {@code id} share its amount minus the locked ones by their split weights. */
        void redecompose(String id) {
            TargetNode node = nodes.get(id);
            if (node.isLeaf() || !fits(node, id)) {
                return;
            }
            applyAndDescend(node, absorbed(node, true));
        }

        private void applyAndDescend(TargetNode parent, long[] next) {
            List<String> children = parent.children();
            for (int i = 0; i < children.size(); i++) {
                TargetNode child = nodes.get(children.get(i));
                if (child.amount() != next[i]) {
                    put(child.withAmount(next[i]));
                    redecompose(child.id());
                }
            }
        }

        private long[] absorbed(TargetNode parent, boolean byWeights) {
            List<String> children = parent.children();
            int n = children.size();
            long[] current = new long[n];
            long[] weights = new long[n];
            boolean[] locked = new boolean[n];
            for (int i = 0; i < n; i++) {
                TargetNode child = nodes.get(children.get(i));
                locked[i] = child.locked();
                weights[i] = child.weight();
                current[i] = locked[i] || !byWeights ? child.amount() : child.weight();
            }
            long[] next = Decomposer.absorb(parent.amount(), current, locked, weights);
            for (int i = 0; i < n; i++) {
                if (locked[i]) {
                    next[i] = nodes.get(children.get(i)).amount();
                }
            }
            return next;
        }

        private boolean fits(TargetNode parent, String field) {
            long lockedSum = 0;
            int unlocked = 0;
            for (String childId : parent.children()) {
                TargetNode child = nodes.get(childId);
                if (child.locked()) {
                    lockedSum = saturatingAdd(lockedSum, child.amount());
                } else {
                    unlocked++;
                }
            }
            long sum = lockedSum;
            if (lockedSum > parent.amount()) {
                checks = checks.refuse(Rejection.of(TargetRejection.LOCKS_EXCEED_PARENT, subject(), field,
                                "the locked children of " + parent.id() + " add up to more than it")
                        .withEvidence("parent", parent.amount()).withEvidence("locked", sum));
                return false;
            }
            if (unlocked == 0 && lockedSum != parent.amount()) {
                checks = checks.refuse(Rejection.of(TargetRejection.NOTHING_TO_ABSORB, subject(), field,
                                "every child of " + parent.id() + " is locked, so nothing can absorb the difference")
                        .withEvidence("parent", parent.amount()).withEvidence("locked", sum));
                return false;
            }
            return true;
        }

        /** The node and each of its ancestors change by {@code delta}; refused where one is locked or would go negative. */
        void shiftUp(String id, long delta) {
            Optional<String> parentId = Optional.of(id);
            while (parentId.isPresent()) {
                TargetNode ancestor = nodes.get(parentId.get());
                if (ancestor.locked()) {
                    checks = checks.refuse(Rejection.of(TargetRejection.ANCESTOR_LOCKED, subject(), ancestor.id(),
                            "the reconciliation would change this locked node").withEvidence("delta", delta));
                }
                long next = saturatingAdd(ancestor.amount(), delta);
                if (next == Long.MAX_VALUE) {
                    checks = checks.refuse(Rejection.of(TargetRejection.AMOUNT_OUT_OF_RANGE, subject(), ancestor.id(),
                            "the reconciliation would take this node beyond the largest amount a plan holds")
                            .withEvidence("amount", ancestor.amount()).withEvidence("delta", delta)
                            .withEvidence("max", MAX_AMOUNT));
                }
                if (next < 0) {
                    checks = checks.refuse(Rejection.of(TargetRejection.NEGATIVE_AMOUNT, subject(), ancestor.id(),
                            "the reconciliation would make this node negative").withEvidence("amount", next));
                }
                put(ancestor.withAmount(next));
                parentId = ancestor.parentId();
            }
        }

        Map<String, Long> changedAmounts(Map<String, TargetNode> before) {
            Map<String, Long> changed = new LinkedHashMap<>();
            nodes.values().forEach(n -> {
                if (before.get(n.id()).amount() != n.amount()) {
                    changed.put(n.id(), n.amount());
                }
            });
            return changed;
        }
    }
}
