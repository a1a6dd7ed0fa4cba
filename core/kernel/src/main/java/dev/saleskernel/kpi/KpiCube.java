package dev.saleskernel.kpi;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The measures of a {@link KpiFacts} table summed per cell: per period of one grain (months,
 * quarters... of a fiscal calendar) and per value of the chosen {@link CutDimension}s. A pure
 * function of its inputs; read-only once built.
 *
 * <p><b>Roll-up rules.</b> Cut by {@link CutDimension#ORG_UNIT}, a row counts for the unit it is
 * booked to and for every ancestor of that unit <em>on the row's date</em> (effective-dated, so
 * a team that moves branches mid-quarter counts for the old branch before the move and the new one
 * after). Measures are exact {@code long} sums (overflow is refused, never wrapped). Every KPI is
 * evaluated once on a cell's summed measures, so a parent's additive KPI equals the sum over its
 * children's rows, and a parent's ratio KPI is {@code Σ numerators ÷ Σ denominators} of its
 * children — never an average of their ratios. Longer periods ({@link #totals(Cell)} with a
 * quarter on a monthly cube) sum the cells of the periods they contain.
 *
 * <p>Single pass: order rows and measure rows are first summed per (dimension values, day) into a
 * primitive hash table, then each group is rolled up its lineage and into its period.
 */
public final class KpiCube {
    private final KpiFacts facts;
    private final PeriodKind grain;
    private final Set<CutDimension> by;
    private final Map<Cell, long[]> cells;
    /*
     * The last cell's totals, so that evaluating several KPIs on one cell sums it once. An immutable
     * pair swapped whole: a reader sees an old or a new pair, both right (no lock needed).
     */
    private Memo last;

    private record Memo(Cell cell, Totals totals) {
    }

    private KpiCube(KpiFacts facts, PeriodKind grain, Set<CutDimension> by, Map<Cell, long[]> cells) {
        this.facts = facts;
        this.grain = grain;
        this.by = by;
        this.cells = cells;
    }

    /**
     * Sums the facts per cell. Refused with {@link KpiRejection#UNKNOWN_ORG_UNIT} for every unit
     * the org structure does not know (when cut by org unit), with {@link KpiRejection#AMOUNT_OVERFLOW}
     * if a sum leaves the {@code long} range, and with {@link KpiRejection#CUT_TOO_FINE} if the cut cannot be keyed.
     */
    public static Either<Rejected, KpiCube> of(KpiFacts facts, OrgStructure org, FiscalCalendar calendar, PeriodKind grain,
                                                Set<CutDimension> by) {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(calendar, "calendar");
        if (grain == PeriodKind.CUSTOM) {
            throw new IllegalArgumentException("a cube's grain is a calendar period kind");
        }
        Set<CutDimension> cut = by.isEmpty() ? EnumSet.noneOf(CutDimension.class) : EnumSet.copyOf(by);
        List<Rejection> problems = new ArrayList<>();
        if (cut.contains(CutDimension.ORG_UNIT)) {
            for (String unit : facts.dictionaries.get(KpiFacts.UNIT)) {
                if (org.unit(unit).isEmpty()) {
                    problems.add(Rejection.of(KpiRejection.UNKNOWN_ORG_UNIT, "kpi-cube", "orgUnit",
                            "facts are booked to " + unit + ", which the org structure does not know"));
                }
            }
        }
        Grouping grouping = Grouping.of(facts, cut, org, calendar, grain);
        if (grouping == null) {
            problems.add(Rejection.of(KpiRejection.CUT_TOO_FINE, "kpi-cube", "by",
                    "the cut has too many combinations of dimension values and days to key exactly"));
        }
        if (!problems.isEmpty()) {
            return Either.left(new Rejected(problems));
        }
        try {
            return Either.right(new KpiCube(facts, grain, cut, grouping.rollUp(org, calendar, grain)));
        } catch (ArithmeticException overflow) {
            return Either.left(Rejected.of(Rejection.of(KpiRejection.AMOUNT_OVERFLOW, "kpi-cube", "",
                    "a cell's sum leaves the exact long range")));
        }
    }

    /** Every cell that has at least one row. */
    public Set<Cell> cells() {
        return cells.keySet();
    }

    public PeriodKind grain() {
        return grain;
    }

    /** The dimensions the cube is cut by. */
    public Set<CutDimension> cutBy() {
        return by;
    }

    /**
     * The summed measures of a cell. A cell whose period is of the cube's grain is read as it is
     * (zero if it has no rows); a longer period sums the cells of the grain inside it.
     */
    public Totals totals(Cell cell) {
        Memo memo = last;
        if (memo != null && memo.cell().equals(cell)) {
            return memo.totals();
        }
        Totals totals = sum(cell);
        last = new Memo(cell, totals);
        return totals;
    }

    private Totals sum(Cell cell) {
        Map<Measure, Long> sums = new HashMap<>();
        if (cell.period().kind() == grain) {
            add(sums, cells.get(cell));
        } else {
            for (Map.Entry<Cell, long[]> e : cells.entrySet()) {
                Cell c = e.getKey();
                if (cell.period().contains(c.period()) && c.orgUnit().equals(cell.orgUnit()) && c.territory().equals(cell.territory())
                        && c.channel().equals(cell.channel()) && c.productLine().equals(cell.productLine())) {
                    add(sums, e.getValue());
                }
            }
        }
        return new Totals(facts.currency, cell.period().days(), sums);
    }

    private void add(Map<Measure, Long> sums, long[] values) {
        if (values == null) {
            return;
        }
        for (int m = 0; m < values.length; m++) {
            if (values[m] != 0) {
                sums.merge(facts.measures.get(m), values[m], Math::addExact);
            }
        }
    }

    /** A KPI's value in a cell. */
    public KpiValue value(Kpi kpi, Cell cell) {
        return kpi.evaluate(totals(cell));
    }

    /**
     * Growth of a KPI from {@code previous} to {@code current}: {@code (current − previous) ÷ |previous|}
     * on the exact values, 4 decimals HALF_EVEN. Undefined when the current value is undefined (its
     * reason), and {@link KpiValue.Reason#NO_BASELINE} when the previous one is undefined or zero.
     */
    public KpiValue growth(Kpi kpi, Cell current, Cell previous) {
        return growth(value(kpi, current), value(kpi, previous));
    }

    /** Year-on-year growth (同比): against the same period one year earlier. */
    public KpiValue yearOnYear(Kpi kpi, Cell cell) {
        Period period = cell.period();
        Optional<Period> yearAgo = period.calendar().map(c -> c.periodOf(period.kind(), period.start().minusYears(1)));
        return yearAgo.map(p -> growth(kpi, cell, cell.in(p)))
                .orElse(new KpiValue.Undefined(KpiValue.Reason.NO_BASELINE, "custom period"));
    }

    /** Period-over-period growth (环比): against the previous period of the same kind. */
    public KpiValue periodOnPeriod(Kpi kpi, Cell cell) {
        if (cell.period().calendar().isEmpty()) {
            return new KpiValue.Undefined(KpiValue.Reason.NO_BASELINE, "custom period");
        }
        return growth(kpi, cell, cell.in(cell.period().previous()));
    }

    /** Growth between two values; see {@link #growth(Kpi, Cell, Cell)}. */
    public static KpiValue growth(KpiValue current, KpiValue previous) {
        if (current instanceof KpiValue.Undefined) {
            return current;
        }
        if (!(previous instanceof KpiValue.Defined p) || p.numerator().signum() == 0) {
            return new KpiValue.Undefined(KpiValue.Reason.NO_BASELINE, "previous");
        }
        KpiValue.Defined c = (KpiValue.Defined) current;
        BigDecimal difference = c.numerator().multiply(p.denominator()).subtract(p.numerator().multiply(c.denominator()))
                .multiply(p.denominator().abs());
        BigDecimal base = c.denominator().multiply(p.denominator()).multiply(p.numerator().abs());
        return new KpiValue.Defined(difference.divide(base, KpiUnit.RATIO.scale(null), RoundingMode.HALF_EVEN), difference, base);
    }

    /**
     * A cell's KPI against its target.
     *
     * @param target     in the KPI's unit (money in major units), empty if the cell has none
     * @param attainment actual ÷ target, 4 decimals HALF_EVEN; undefined NO_TARGET without a (non-zero) target
     * @param gap        target − actual in the KPI's unit; empty without a target or an actual
     */
    public record Comparison(Cell cell, KpiValue actual, Optional<BigDecimal> target, KpiValue attainment,
                             Optional<BigDecimal> gap) {
    }

    /** Compares a KPI with targets, one line per cell given, in the given order. */
    public List<Comparison> compare(Kpi kpi, Map<Cell, BigDecimal> targets) {
        List<Comparison> lines = new ArrayList<>();
        for (Map.Entry<Cell, BigDecimal> entry : targets.entrySet()) {
            lines.add(compare(kpi, entry.getKey(), Optional.ofNullable(entry.getValue())));
        }
        return lines;
    }

    /** Compares one cell's KPI with a target. */
    public Comparison compare(Kpi kpi, Cell cell, Optional<BigDecimal> target) {
        KpiValue actual = value(kpi, cell);
        KpiValue attainment;
        if (actual instanceof KpiValue.Undefined) {
            attainment = actual;
        } else if (target.isEmpty() || target.get().signum() == 0) {
            attainment = new KpiValue.Undefined(KpiValue.Reason.NO_TARGET, "target");
        } else {
            BigDecimal value = ((KpiValue.Defined) actual).value();
            attainment = new KpiValue.Defined(value.divide(target.get(), KpiUnit.RATIO.scale(null), RoundingMode.HALF_EVEN),
                    value, target.get());
        }
        Optional<BigDecimal> gap = target.flatMap(t -> actual.asOptional().map(t::subtract));
        return new Comparison(cell, actual, target, attainment, gap);
    }

    /** One line of a ranking. */
    public record Ranked(int rank, Cell cell, KpiValue value) {
    }

    /**
     * Ranks cells by a KPI, highest first; undefined values rank last; ties share a rank (1, 2, 2, 4)
     * and are listed by the cell's text.
     */
    public List<Ranked> rank(Kpi kpi, Collection<Cell> which) {
        List<Ranked> lines = new ArrayList<>();
        for (Cell cell : new LinkedHashSet<>(which)) {
            lines.add(new Ranked(0, cell, value(kpi, cell)));
        }
        Comparator<Ranked> byValue = Comparator.comparing((Ranked r) -> r.value().asOptional().orElse(null),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        lines.sort(byValue.thenComparing(r -> r.cell().toString()));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Ranked line = lines.get(i);
            int rank = i > 0 && byValue.compare(lines.get(i - 1), line) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(rank, line.cell(), line.value()));
        }
        return ranked;
    }

    /**
     * Rows grouped per (dimension codes, segment) before the roll-up. A segment is a run of days
     * within one period of the grain in which no org unit's placement changes (when cut by org
     * unit), so every day of a segment has the same period and the same lineages: the segment's
     * first day stands for all of them.
     */
    private static final class Grouping {
        private final KpiFacts facts;
        private final int[] shift = new int[KpiFacts.DIMENSIONS];
        private final long[] mask = new long[KpiFacts.DIMENSIONS];
        private final int minDay;
        private final long dayMask;
        /* The segment of each day from minDay, and each segment's first day. */
        private final int[] segmentOf;
        private final int[] segmentStart;
        private final int measures;
        private final LongIntMap index = new LongIntMap();
        /* The group of each key, −1 if none yet, when the key space is small enough to index directly; else null. */
        private final int[] dense;
        private long[] sums;
        private long[] keys;
        private int groups;

        private final Set<CutDimension> cut;

        private Grouping(KpiFacts facts, int[] bits, int dayBits, int minDay, int[] segmentOf, int[] segmentStart,
                         Set<CutDimension> cut) {
            this.facts = facts;
            this.segmentOf = segmentOf;
            this.segmentStart = segmentStart;
            this.cut = cut;
            int at = dayBits;
            for (int d = 0; d < KpiFacts.DIMENSIONS; d++) {
                shift[d] = at;
                mask[d] = (1L << bits[d]) - 1;
                at += bits[d];
            }
            this.minDay = minDay;
            this.dayMask = (1L << dayBits) - 1;
            this.measures = facts.measures.size();
            this.sums = new long[64 * measures];
            this.keys = new long[64];
            long space = 1L << at;
            if (at <= 24 && space <= Math.max(1 << 12, 2L * (facts.orders + facts.rows))) {
                dense = new int[(int) space];
                Arrays.fill(dense, -1);
            } else {
                dense = null;
            }
        }

        static Grouping of(KpiFacts facts, Set<CutDimension> cut, OrgStructure org, FiscalCalendar calendar, PeriodKind grain) {
            int minDay = facts.orderMinDay;
            int maxDay = facts.orderMaxDay;
            for (int i = 0; i < facts.rows; i++) {
                minDay = Math.min(minDay, facts.rowDay[i]);
                maxDay = Math.max(maxDay, facts.rowDay[i]);
            }
            if (minDay > maxDay) {
                minDay = 0;
                maxDay = 0;
            }
            int span = maxDay - minDay + 1;
            TreeSet<Integer> cuts = new TreeSet<>();
            LocalDate last = LocalDate.ofEpochDay(maxDay);
            for (LocalDate start = calendar.periodOf(grain, LocalDate.ofEpochDay(minDay)).endExclusive(); !start.isAfter(last);
                 start = calendar.periodOf(grain, start).endExclusive()) {
                cuts.add((int) start.toEpochDay());
            }
            if (cut.contains(CutDimension.ORG_UNIT)) {
                for (var unit : org.units()) {
                    for (var placement : unit.placements()) {
                        addCut(cuts, placement.from(), minDay, maxDay);
                        if (placement.until().isPresent()) {
                            addCut(cuts, placement.until().get(), minDay, maxDay);
                        }
                    }
                }
            }
            int[] segmentStart = new int[cuts.size() + 1];
            int[] segmentOf = new int[span];
            segmentStart[0] = minDay;
            int segment = 0;
            for (int day : cuts) {
                Arrays.fill(segmentOf, segmentStart[segment] - minDay, day - minDay, segment);
                segmentStart[++segment] = day;
            }
            Arrays.fill(segmentOf, segmentStart[segment] - minDay, span, segment);
            int[] bits = new int[KpiFacts.DIMENSIONS];
            CutDimension[] dims = {CutDimension.ORG_UNIT, CutDimension.TERRITORY, CutDimension.CHANNEL, CutDimension.PRODUCT_LINE};
            int total = bitsFor(segmentStart.length);
            int dayBits = total;
            for (int d = 0; d < KpiFacts.DIMENSIONS; d++) {
                bits[d] = cut.contains(dims[d]) ? bitsFor(facts.dictionaries.get(d).size()) : 0;
                total += bits[d];
            }
            return total > 63 ? null : new Grouping(facts, bits, dayBits, minDay, segmentOf, segmentStart, cut);
        }

        private static void addCut(TreeSet<Integer> cuts, LocalDate date, int minDay, int maxDay) {
            long day = date.toEpochDay();
            if (day > minDay && day <= maxDay) {
                cuts.add((int) day);
            }
        }

        private static int bitsFor(int values) {
            return values <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(values - 1);
        }

        private long key(int day, int[][] dim, int i) {
            long key = segmentOf[day - minDay];
            for (int d = 0; d < KpiFacts.DIMENSIONS; d++) {
                if (mask[d] != 0) {
                    key |= ((long) dim[d][i]) << shift[d];
                }
            }
            return key;
        }

        private int group(long key) {
            int g = dense != null ? dense[(int) key] : index.get(key);
            if (g >= 0) {
                return g;
            }
            if (groups == keys.length) {
                keys = Arrays.copyOf(keys, groups * 2);
                sums = Arrays.copyOf(sums, groups * 2 * measures);
            }
            keys[groups] = key;
            if (dense != null) {
                dense[(int) key] = groups;
            } else {
                index.put(key, groups);
            }
            return groups++;
        }

        Map<Cell, long[]> rollUp(OrgStructure org, FiscalCalendar calendar, PeriodKind grain) {
            Map<Measure, Integer> at = facts.measureIndex;
            int sales = at.get(Measure.SALES);
            int orderCount = at.get(Measure.ORDERS);
            int cogs = at.get(Measure.COGS);
            int fresh = at.get(Measure.NEW_CUSTOMERS);
            int active = at.get(Measure.ACTIVE_CUSTOMER_MONTHS);
            int cohort = at.get(Measure.COHORT_CUSTOMERS);
            int retained = at.get(Measure.RETAINED_CUSTOMERS);
            long constant = 0;
            int varying = 0;
            int[][] columns = new int[KpiFacts.DIMENSIONS][];
            int[] shifts = new int[KpiFacts.DIMENSIONS];
            for (int d = 0; d < KpiFacts.DIMENSIONS; d++) {
                if (mask[d] == 0) {
                    continue;
                }
                if (facts.orderDim[d] == null) {
                    constant |= ((long) facts.orderConstant[d]) << shift[d];
                } else {
                    columns[varying] = facts.orderDim[d];
                    shifts[varying++] = shift[d];
                }
            }
            int[] day = facts.orderDay;
            int[] segment = segmentOf;
            int[] only = varying == 1 ? columns[0] : null;
            int onlyShift = shifts[0];
            long[] salesColumn = facts.orderSales;
            long[] cogsColumn = facts.orderCogs;
            byte[] deltaColumn = facts.orderDelta;
            byte[] flagsColumn = facts.orderFlags;
            long[] sum = sums;
            for (int i = 0, n = facts.orders; i < n; i++) {
                long key = segment[day[i] - minDay] | constant;
                if (only != null) {
                    key |= ((long) only[i]) << onlyShift;
                } else {
                    for (int v = 0; v < varying; v++) {
                        key |= ((long) columns[v][i]) << shifts[v];
                    }
                }
                int g = dense != null ? dense[(int) key] : -1;
                if (g < 0) {
                    g = group(key);
                    sum = sums;
                }
                int base = g * measures;
                sum[base + sales] = Math.addExact(sum[base + sales], salesColumn[i]);
                sum[base + cogs] = Math.addExact(sum[base + cogs], cogsColumn[i]);
                sum[base + orderCount] += deltaColumn[i];
                byte flags = flagsColumn[i];
                if (flags != 0) {
                    sum[base + fresh] += flags & KpiFacts.NEW;
                    sum[base + active] += (flags & KpiFacts.ACTIVE) >> 1;
                    sum[base + cohort] += (flags & KpiFacts.COHORT) >> 2;
                    sum[base + retained] += (flags & KpiFacts.RETAINED) >> 3;
                }
            }
            for (int i = 0; i < facts.rows; i++) {
                int slot = group(key(facts.rowDay[i], facts.rowDim, i)) * measures + facts.rowMeasure[i];
                sums[slot] = Math.addExact(sums[slot], facts.rowValue[i]);
            }
            return cells(org, calendar, grain, cut.contains(CutDimension.ORG_UNIT));
        }

        private Map<Cell, long[]> cells(OrgStructure org, FiscalCalendar calendar, PeriodKind grain, boolean cutByOrg) {
            Map<Integer, Period> periods = new HashMap<>();
            Map<Long, List<String>> lineages = new HashMap<>();
            Map<Cell, long[]> cells = new HashMap<>();
            List<List<String>> dict = facts.dictionaries;
            for (int g = 0; g < groups; g++) {
                long key = keys[g];
                int day = segmentStart[(int) (key & dayMask)];
                LocalDate date = LocalDate.ofEpochDay(day);
                Period period = periods.computeIfAbsent(day, d -> calendar.periodOf(grain, date));
                String[] values = new String[KpiFacts.DIMENSIONS];
                for (int d = 0; d < KpiFacts.DIMENSIONS; d++) {
                    values[d] = !cut.contains(CutDimension.values()[d]) || dict.get(d).isEmpty() ? Cell.ALL
                            : dict.get(d).get((int) ((key >>> shift[d]) & mask[d]));
                }
                List<String> units = cutByOrg
                        ? lineages.computeIfAbsent(((key >>> shift[KpiFacts.UNIT]) & mask[KpiFacts.UNIT]) << 32 | day,
                                k -> org.lineageOn(values[KpiFacts.UNIT], date))
                        : List.of(Cell.ALL);
                for (String unit : units) {
                    long[] target = cells.computeIfAbsent(new Cell(unit, values[KpiFacts.TERRITORY], values[KpiFacts.CHANNEL],
                            values[KpiFacts.PRODUCT_LINE], period), c -> new long[measures]);
                    int base = g * measures;
                    for (int m = 0; m < measures; m++) {
                        target[m] = Math.addExact(target[m], sums[base + m]);
                    }
                }
            }
            return cells;
        }
    }

    /** An open-addressing map from long keys to non-negative int values; −1 when absent. */
    private static final class LongIntMap {
        private long[] keys = new long[128];
        private int[] values = new int[128];
        private boolean[] used = new boolean[128];
        private int size;

        int get(long key) {
            int mask = keys.length - 1;
            for (int slot = hash(key) & mask; used[slot]; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return values[slot];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = hash(key) & mask;
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (!used[slot]) {
                size++;
            }
            used[slot] = true;
            keys[slot] = key;
            values[slot] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
