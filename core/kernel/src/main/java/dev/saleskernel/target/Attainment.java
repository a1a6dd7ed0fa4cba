package dev.saleskernel.target;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Attainment: actuals credited to members and org units, measured against targets.
 *
 * <p><b>Crediting</b>: a fact with member credits gives each member exactly its share (largest
 * remainder over the shares, so the parts sum to the fact); each member's part also counts for
 * every unit the member belonged to <em>on the fact's date</em> and each of that unit's ancestors
 * on that date — once per unit, even when a matrix member's two units share an ancestor. A fact
 * without credits counts for its booking unit and that unit's ancestors. Reversing facts carry
 * negative amounts and cancel exactly.
 *
 * <p><b>Ratios</b> are {@code actual ÷ target} at 4 decimals, HALF_EVEN; growth is
 * {@code (current − previous) ÷ previous} at 4 decimals, HALF_EVEN; the run-rate projection is
 * {@code actual × periodDays ÷ elapsedDays}, HALF_EVEN to the unit.
 */
public final class Attainment {
    /** Decimal places of ratios and growth rates. */
    public static final int RATIO_SCALE = 4;

    private Attainment() {
    }

    /** What the facts credit: per member, and per org unit (rolled up to ancestors). */
    public record Credited(Map<String, Long> byMember, Map<String, Long> byUnit) {
        public long member(String id) {
            return byMember.getOrDefault(id, 0L);
        }

        public long unit(String id) {
            return byUnit.getOrDefault(id, 0L);
        }
    }

    /** Which facts count: a metric, a date range, and optionally one product line and one channel. */
    public record Filter(Metric metric, DateRange range, Optional<String> productLine, Optional<String> channel) {
        public static Filter of(Metric metric, DateRange range) {
            return new Filter(metric, range, Optional.empty(), Optional.empty());
        }

        boolean accepts(ActualFact fact) {
            return fact.metric().equals(metric) && range.contains(fact.date())
                    && productLine.map(fact.productLine()::equals).orElse(true)
                    && channel.map(fact.channel()::equals).orElse(true);
        }
    }

    /**
     * Credits every accepted fact to members and units as of the fact's date; see
     * {@link #creditChecked} (this form throws {@link IllegalArgumentException} where that one
     * refuses; facts of one {@link Actuals} ledger never overflow, since the ledger keeps
     * {@code Σ |amount|} within a {@code long}).
     */
    public static Credited credit(Iterable<ActualFact> facts, OrgStructure org, Filter filter) {
        return creditChecked(facts, org, filter).getOrElseThrow(rejected -> new IllegalArgumentException(rejected.toString()));
    }

    /**
     * Credits every accepted fact to members and units as of the fact's date (the rules in the
     * class comment), or refuses with {@code target/AMOUNT_OUT_OF_RANGE} (subject the fact whose
     * amount would carry a member's or unit's total beyond a {@code long}, field {@code amount})
     * instead of overflowing.
     *
     * <p>The roll-up interns members and units to int indexes once per call, keeps the totals in
     * {@code long[]} accumulators, and caches each unit's lineage as an {@code int[]} for the span
     * of days it holds (the intersection of the placements along the path), so a fact costs a few
     * array reads and additions; nothing is boxed per fact.
     */
    public static Either<Rejected, Credited> creditChecked(Iterable<ActualFact> facts, OrgStructure org, Filter filter) {
        return new Rollup(org).run(facts, filter);
    }

    /** The int-indexed roll-up behind {@link #creditChecked}; one per call, not shared. */
    private static final class Rollup {
        private static final int[] NO_UNITS = new int[0];
        private final OrgStructure org;
        private final Map<String, Integer> memberIndex = new HashMap<>();
        private final Map<String, Integer> unitIndex = new HashMap<>();
        private final List<String> memberIds = new ArrayList<>();
        private final List<String> unitIds = new ArrayList<>();
        private final Map<BigDecimal, Long> shareWeights = new HashMap<>();
        /** Per member: its memberships as unit index, from and until (exclusive) epoch days. */
        private int[][] membershipUnits = new int[16][];
        private long[][] membershipFrom = new long[16][];
        private long[][] membershipUntil = new long[16][];
        private long[] byMember = new long[16];
        private boolean[] memberTouched = new boolean[16];
        private long[] byUnit = new long[16];
        private boolean[] unitTouched = new boolean[16];
        private int[] unitStamp = new int[16];
        private int stamp;
        private int[][] lineage = new int[16][];
        private long[] lineageFrom = new long[16];
        private long[] lineageUntil = new long[16];

        Rollup(OrgStructure org) {
            this.org = org;
            Map<String, List<Membership>> byMemberId = new HashMap<>();
            for (Membership m : org.memberships()) {
                byMemberId.computeIfAbsent(m.memberId(), k -> new ArrayList<>()).add(m);
            }
            byMemberId.forEach((memberId, list) -> {
                int member = member(memberId);
                int[] unitsOf = new int[list.size()];
                long[] from = new long[list.size()];
                long[] until = new long[list.size()];
                for (int i = 0; i < list.size(); i++) {
                    Membership m = list.get(i);
                    unitsOf[i] = unit(m.unitId());
                    from[i] = m.from().toEpochDay();
                    until[i] = m.until().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
                }
                membershipUnits[member] = unitsOf;
                membershipFrom[member] = from;
                membershipUntil[member] = until;
            });
        }

        Either<Rejected, Credited> run(Iterable<ActualFact> facts, Filter filter) {
            long[] single = new long[1];
            for (ActualFact fact : facts) {
                if (!filter.accepts(fact)) {
                    continue;
                }
                long day = fact.date().toEpochDay();
                if (fact.credits().isEmpty()) {
                    stamp++;
                    if (!addToLineage(unit(fact.orgUnitId()), day, fact.amount())) {
                        return overflow(fact, "unit");
                    }
                    continue;
                }
                long[] parts;
                if (fact.credits().size() == 1) {
                    single[0] = fact.amount();
                    parts = single;
                } else {
                    parts = splitByShares(fact);
                }
                for (int i = 0; i < parts.length; i++) {
                    int member = member(fact.credits().get(i).memberId());
                    long part = parts[i];
                    long total = byMember[member] + part;
                    if (((byMember[member] ^ total) & (part ^ total)) < 0) {
                        return overflow(fact, "member " + memberIds.get(member));
                    }
                    byMember[member] = total;
                    memberTouched[member] = true;
                    int[] unitsOf = membershipUnits[member];
                    if (unitsOf == null) {
                        continue;
                    }
                    stamp++;
                    long[] from = membershipFrom[member];
                    long[] until = membershipUntil[member];
                    for (int k = 0; k < unitsOf.length; k++) {
                        if (day >= from[k] && day < until[k] && !addToLineage(unitsOf[k], day, part)) {
                            return overflow(fact, "unit");
                        }
                    }
                }
            }
            Map<String, Long> members = new HashMap<>();
            for (int i = 0; i < memberIds.size(); i++) {
                if (memberTouched[i]) {
                    members.put(memberIds.get(i), byMember[i]);
                }
            }
            Map<String, Long> units = new HashMap<>();
            for (int i = 0; i < unitIds.size(); i++) {
                if (unitTouched[i]) {
                    units.put(unitIds.get(i), byUnit[i]);
                }
            }
            return Either.right(new Credited(members, units));
        }

        /** Adds to the unit and its ancestors on the day, each unit at most once per stamp; false on overflow. */
        private boolean addToLineage(int unit, long day, long amount) {
            int[] path = lineageOn(unit, day);
            for (int u : path) {
                if (unitStamp[u] == stamp) {
                    continue;
                }
                unitStamp[u] = stamp;
                long total = byUnit[u] + amount;
                if (((byUnit[u] ^ total) & (amount ^ total)) < 0) {
                    return false;
                }
                byUnit[u] = total;
                unitTouched[u] = true;
            }
            return true;
        }

        private long[] splitByShares(ActualFact fact) {
            List<ActualFact.Credit> credits = fact.credits();
            long[] weights = new long[credits.size()];
            for (int i = 0; i < weights.length; i++) {
                BigDecimal share = credits.get(i).share();
                Long weight = shareWeights.get(share);
                if (weight == null) {
                    weight = share.setScale(Decomposer.WEIGHT_SCALE).unscaledValue().longValueExact();
                    shareWeights.put(share, weight);
                }
                weights[i] = weight;
            }
            return Decomposer.proportional(fact.amount(), weights);
        }

        private int[] lineageOn(int unit, long day) {
            int[] cached = lineage[unit];
            if (cached != null && day >= lineageFrom[unit] && day < lineageUntil[unit]) {
                return cached;
            }
            LocalDate date = LocalDate.ofEpochDay(day);
            long from = Long.MIN_VALUE;
            long until = Long.MAX_VALUE;
            List<Integer> path = new ArrayList<>();
            Optional<String> current = Optional.of(unitIds.get(unit));
            boolean complete = true;
            while (current.isPresent()) {
                int index = unit(current.get());
                if (path.contains(index)) {
                    break;
                }
                path.add(index);
                Optional<dev.saleskernel.org.OrgValues.Placement> placement = org.unit(current.get())
                        .flatMap(u -> u.placementOn(date));
                if (placement.isEmpty()) {
                    complete = false;
                    break;
                }
                from = Math.max(from, placement.get().from().toEpochDay());
                until = Math.min(until, placement.get().until().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE));
                current = placement.get().parentId();
            }
            int[] result = path.isEmpty() ? NO_UNITS : path.stream().mapToInt(Integer::intValue).toArray();
            if (complete) {
                lineage[unit] = result;
                lineageFrom[unit] = from;
                lineageUntil[unit] = until;
            }
            return result;
        }

        private int member(String id) {
            Integer known = memberIndex.get(id);
            if (known != null) {
                return known;
            }
            int index = memberIds.size();
            memberIndex.put(id, index);
            memberIds.add(id);
            if (index == byMember.length) {
                int size = index * 2;
                byMember = java.util.Arrays.copyOf(byMember, size);
                memberTouched = java.util.Arrays.copyOf(memberTouched, size);
                membershipUnits = java.util.Arrays.copyOf(membershipUnits, size);
                membershipFrom = java.util.Arrays.copyOf(membershipFrom, size);
                membershipUntil = java.util.Arrays.copyOf(membershipUntil, size);
            }
            return index;
        }

        private int unit(String id) {
            Integer known = unitIndex.get(id);
            if (known != null) {
                return known;
            }
            int index = unitIds.size();
            unitIndex.put(id, index);
            unitIds.add(id);
            if (index == byUnit.length) {
                int size = index * 2;
                byUnit = java.util.Arrays.copyOf(byUnit, size);
                unitTouched = java.util.Arrays.copyOf(unitTouched, size);
                unitStamp = java.util.Arrays.copyOf(unitStamp, size);
                lineage = java.util.Arrays.copyOf(lineage, size);
                lineageFrom = java.util.Arrays.copyOf(lineageFrom, size);
                lineageUntil = java.util.Arrays.copyOf(lineageUntil, size);
            }
            return index;
        }

        private static Either<Rejected, Credited> overflow(ActualFact fact, String total) {
            return Either.left(Rejected.of(Rejection.of(TargetRejection.AMOUNT_OUT_OF_RANGE, "actual:" + fact.sourceId(), "amount",
                            "crediting this fact would carry a total beyond the exact range of a long")
                    .withEvidence("amount", fact.amount()).withEvidence("total", total)));
        }
    }

    /** {@code actual ÷ target} at 4 decimals; empty when the target is 0. */
    public static Optional<BigDecimal> ratio(long actual, long target) {
        return target == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(actual).divide(BigDecimal.valueOf(target), RATIO_SCALE, RoundingMode.HALF_EVEN));
    }

    /** Growth {@code (current − previous) ÷ previous} (YoY or period-over-period) at 4 decimals; empty when previous is 0. */
    public static Optional<BigDecimal> growth(long current, long previous) {
        return previous == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(current).subtract(BigDecimal.valueOf(previous))
                .divide(BigDecimal.valueOf(previous).abs(), RATIO_SCALE, RoundingMode.HALF_EVEN));
    }

    /**
     * Run-rate projection to the period's end: {@code actual × periodDays ÷ elapsedDays}, where
     * elapsed days run from the period start through {@code asOf} inclusive (capped at the whole
     * period); HALF_EVEN to the unit. Before the period starts, the projection is the actual.
     * This form throws {@link IllegalArgumentException} where {@link #projectRunRate} refuses.
     */
    public static long runRate(long actual, Period period, LocalDate asOf) {
        return projectRunRate(actual, period, asOf).getOrElseThrow(rejected -> new IllegalArgumentException(rejected.toString()));
    }

    /**
     * The run-rate projection of {@link #runRate}, or {@code target/AMOUNT_OUT_OF_RANGE} (field
     * {@code actual}) when the projection lies beyond the range of a {@code long}.
     */
    public static Either<Rejected, Long> projectRunRate(long actual, Period period, LocalDate asOf) {
        long elapsed = Math.min(period.days(), java.time.temporal.ChronoUnit.DAYS.between(period.start(), asOf) + 1);
        if (elapsed <= 0) {
            return Either.right(actual);
        }
        BigDecimal projected = BigDecimal.valueOf(actual).multiply(BigDecimal.valueOf(period.days()))
                .divide(BigDecimal.valueOf(elapsed), 0, RoundingMode.HALF_EVEN);
        if (projected.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || projected.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Either.left(Rejected.of(Rejection.of(TargetRejection.AMOUNT_OUT_OF_RANGE, "period:" + period.label(), "actual",
                            "the run-rate projection lies beyond the exact range of a long")
                    .withEvidence("actual", actual).withEvidence("projected", projected.toPlainString())));
        }
        return Either.right(projected.longValueExact());
    }

    /** One line of a ranking. */
    public record Ranked(int rank, String id, long actual, long target, Optional<BigDecimal> ratio) {
    }

    /**
     * Ranks ids by attainment ratio (highest first; no target ranks last), then by actual, then
     * by id; equal ratio and actual share a rank (1, 2, 2, 4).
     */
    public static List<Ranked> rank(Map<String, Long> actuals, Map<String, Long> targets) {
        Set<String> ids = new java.util.TreeSet<>(targets.keySet());
        ids.addAll(actuals.keySet());
        List<Ranked> lines = new ArrayList<>();
        for (String id : ids) {
            long actual = actuals.getOrDefault(id, 0L);
            long target = targets.getOrDefault(id, 0L);
            lines.add(new Ranked(0, id, actual, target, ratio(actual, target)));
        }
        Comparator<Ranked> byRatio = Comparator.comparing((Ranked r) -> r.ratio().orElse(null),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        Comparator<Ranked> order = byRatio.thenComparing(Ranked::actual, Comparator.reverseOrder()).thenComparing(Ranked::id);
        lines.sort(order);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Ranked line = lines.get(i);
            int rank = i > 0 && byRatio.thenComparing(Ranked::actual, Comparator.reverseOrder()).compare(lines.get(i - 1), line) == 0
                    ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(rank, line.id(), line.actual(), line.target(), line.ratio()));
        }
        return ranked;
    }

    /** The attainment of one plan node. */
    public record NodeAttainment(TargetNode node, long actual, Optional<BigDecimal> ratio, long projected) {
    }

    /**
     * The attainment of every node of a plan as of a date. A node's scope is the deepest ORG or
     * REGION key on its path (an org unit id, or a member id for rep nodes), the product line
     * and channel keys on its path, and its period up to {@code asOf}.
     */
    public static List<NodeAttainment> ofPlan(TargetPlan plan, Iterable<ActualFact> facts, OrgStructure org, LocalDate asOf) {
        return ofPlanChecked(plan, facts, org, asOf).getOrElseThrow(rejected -> new IllegalArgumentException(rejected.toString()));
    }

    /**
     * The attainment of every node as {@link #ofPlan}, or {@code target/AMOUNT_OUT_OF_RANGE} when a
     * credited total or a run-rate projection would lie beyond the range of a {@code long}.
     */
    public static Either<Rejected, List<NodeAttainment>> ofPlanChecked(TargetPlan plan, Iterable<ActualFact> facts,
                                                                       OrgStructure org, LocalDate asOf) {
        List<NodeAttainment> result = new ArrayList<>();
        Map<String, Credited> cache = new HashMap<>();
        for (TargetNode node : plan.nodes()) {
            String scope = plan.root().key();
            Optional<String> productLine = Optional.empty();
            Optional<String> channel = Optional.empty();
            List<TargetNode> path = new ArrayList<>();
            for (Optional<TargetNode> n = Optional.of(node); n.isPresent(); n = n.get().parentId().flatMap(plan::node)) {
                path.add(0, n.get());
            }
            for (TargetNode step : path) {
                switch (step.dimension()) {
                    case ORG, REGION -> scope = step.key();
                    case PRODUCT_LINE -> productLine = Optional.of(step.key());
                    case CHANNEL -> channel = Optional.of(step.key());
                    default -> {
                    }
                }
            }
            Period period = node.period();
            LocalDate end = asOf.plusDays(1).isBefore(period.endExclusive()) ? asOf.plusDays(1) : period.endExclusive();
            long actual = 0;
            if (end.isAfter(period.start())) {
                Filter filter = new Filter(plan.metric(), new DateRange(period.start(), end), productLine, channel);
                Credited credited = cache.get(filter.toString());
                if (credited == null) {
                    Either<Rejected, Credited> checked = creditChecked(facts, org, filter);
                    if (checked.isLeft()) {
                        return Either.left(checked.getLeft());
                    }
                    credited = checked.get();
                    cache.put(filter.toString(), credited);
                }
                actual = org.member(scope).isPresent() ? credited.member(scope) : credited.unit(scope);
            }
            Either<Rejected, Long> projected = projectRunRate(actual, period, asOf);
            if (projected.isLeft()) {
                return Either.left(projected.getLeft());
            }
            result.add(new NodeAttainment(node, actual, ratio(actual, node.amount()), projected.get()));
        }
        return Either.right(result);
    }
}
