package dev.saleskernel.target;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
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

    /** Credits every accepted fact to members and units as of the fact's date. */
    public static Credited credit(Iterable<ActualFact> facts, OrgStructure org, Filter filter) {
        Map<String, Long> byMember = new HashMap<>();
        Map<String, Long> byUnit = new HashMap<>();
        Map<String, List<Membership>> membershipsByMember = new HashMap<>();
        for (Membership m : org.memberships()) {
            membershipsByMember.computeIfAbsent(m.memberId(), k -> new ArrayList<>()).add(m);
        }
        Set<String> units = new LinkedHashSet<>();
        LineageCache lineages = new LineageCache(org);
        for (ActualFact fact : facts) {
            if (!filter.accepts(fact)) {
                continue;
            }
            if (fact.credits().isEmpty()) {
                for (String unit : lineages.on(fact.orgUnitId(), fact.date())) {
                    byUnit.merge(unit, fact.amount(), Long::sum);
                }
                continue;
            }
            long[] parts = fact.credits().size() == 1 ? new long[] {fact.amount()} : fact.creditedAmounts();
            for (int i = 0; i < parts.length; i++) {
                String member = fact.credits().get(i).memberId();
                byMember.merge(member, parts[i], Long::sum);
                units.clear();
                for (Membership m : membershipsByMember.getOrDefault(member, List.of())) {
                    if (m.covers(fact.date())) {
                        units.addAll(lineages.on(m.unitId(), fact.date()));
                    }
                }
                for (String unit : units) {
                    byUnit.merge(unit, parts[i], Long::sum);
                }
            }
        }
        return new Credited(byMember, byUnit);
    }

    /**
     * Remembers each unit's lineage with the dates it holds for (the intersection of the
     * placements along the path), so facts on other days inside that span reuse it exactly.
     */
    private static final class LineageCache {
        private record Entry(LocalDate from, LocalDate until, List<String> lineage) {
        }

        private final OrgStructure org;
        private final Map<String, Entry> byUnit = new HashMap<>();

        LineageCache(OrgStructure org) {
            this.org = org;
        }

        List<String> on(String unitId, LocalDate date) {
            Entry entry = byUnit.get(unitId);
            if (entry != null && !date.isBefore(entry.from()) && date.isBefore(entry.until())) {
                return entry.lineage();
            }
            LocalDate from = LocalDate.MIN;
            LocalDate until = LocalDate.MAX;
            List<String> lineage = new ArrayList<>();
            Optional<String> current = Optional.of(unitId);
            while (current.isPresent() && !lineage.contains(current.get())) {
                lineage.add(current.get());
                Optional<dev.saleskernel.org.OrgValues.Placement> placement = org.unit(current.get()).flatMap(u -> u.placementOn(date));
                if (placement.isEmpty()) {
                    return List.copyOf(lineage);
                }
                from = placement.get().from().isAfter(from) ? placement.get().from() : from;
                LocalDate end = placement.get().until().orElse(LocalDate.MAX);
                until = end.isBefore(until) ? end : until;
                current = placement.get().parentId();
            }
            List<String> frozen = List.copyOf(lineage);
            byUnit.put(unitId, new Entry(from, until, frozen));
            return frozen;
        }
    }

    /** {@code actual ÷ target} at 4 decimals; empty when the target is 0. */
    public static Optional<BigDecimal> ratio(long actual, long target) {
        return target == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(actual).divide(BigDecimal.valueOf(target), RATIO_SCALE, RoundingMode.HALF_EVEN));
    }

    /** Growth {@code (current − previous) ÷ previous} (YoY or period-over-period) at 4 decimals; empty when previous is 0. */
    public static Optional<BigDecimal> growth(long current, long previous) {
        return previous == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(current - previous)
                .divide(BigDecimal.valueOf(Math.abs(previous)), RATIO_SCALE, RoundingMode.HALF_EVEN));
    }

    /**
     * Run-rate projection to the period's end: {@code actual × periodDays ÷ elapsedDays}, where
     * elapsed days run from the period start through {@code asOf} inclusive (capped at the whole
     * period); HALF_EVEN to the unit. Before the period starts, the projection is the actual.
     */
    public static long runRate(long actual, Period period, LocalDate asOf) {
        long elapsed = Math.min(period.days(), java.time.temporal.ChronoUnit.DAYS.between(period.start(), asOf) + 1);
        if (elapsed <= 0) {
            return actual;
        }
        return BigDecimal.valueOf(actual).multiply(BigDecimal.valueOf(period.days()))
                .divide(BigDecimal.valueOf(elapsed), 0, RoundingMode.HALF_EVEN).longValueExact();
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
                Credited credited = cache.computeIfAbsent(filter.toString(), k -> credit(facts, org, filter));
                actual = org.member(scope).isPresent() ? credited.member(scope) : credited.unit(scope);
            }
            result.add(new NodeAttainment(node, actual, ratio(actual, node.amount()), runRate(actual, period, asOf)));
        }
        return result;
    }
}
