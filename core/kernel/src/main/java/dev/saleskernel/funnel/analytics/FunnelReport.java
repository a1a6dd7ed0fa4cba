package dev.saleskernel.funnel.analytics;

import dev.saleskernel.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The funnel report over one cut of a {@link FunnelData}: a pure function, one pass over the
 * selected opportunities and their histories. Every ratio states its denominator; ratios are
 * fractions rounded HALF_EVEN to 4 places, days to 2 places, money once to the minor unit.
 * A ratio whose denominator is zero is empty.
 *
 * <ul>
 *   <li><b>Stage-to-stage conversion</b> over the cohort (the cut's opportunities, e.g. created in
 *       a period), never a snapshot: {@code reached(s)} counts cohort deals whose history visited
 *       stage {@code s} or a later one (won counts as the last stage; lost does not); conversion
 *       s→s+1 = reached(s+1) ÷ reached(s).</li>
 *   <li><b>Win rate</b> = won ÷ (won + lost), by count and by amount, over the cohort's closed deals.</li>
 *   <li><b>Average days in stage</b>: over completed visits (entered and left) of the cohort's
 *       deals to that stage; open visits are left out. Medians: {@link #medianDaysInStage}.</li>
 *   <li><b>Sales cycle</b>: average days from creation to won, over the cohort's won deals.</li>
 *   <li><b>Weighted pipeline</b> = Σ amount × probability over open deals, rounded once.</li>
 *   <li><b>By forecast category</b> (open deals by their stage's category; closed = won amounts):
 *       commit roll-up = commit + closed; best-case roll-up = best case + commit + closed;
 *       open pipeline = pipeline + best case + commit (closed and omitted excluded).</li>
 *   <li><b>Velocity</b> = open qualified deals × average won deal size × win rate ÷ average cycle
 *       days ({@link PipelineVelocity}), from raw sums, rounded once.</li>
 *   <li><b>Coverage</b> = open pipeline ÷ remaining target.</li>
 *   <li><b>Stalled</b>: open deals whose days in the current stage at {@code asOf} exceed the
 *       stage's maximum (stages without a maximum never stall). <b>Slipped</b>: deals whose
 *       expected close date moved later at least {@code slipThreshold} times.</li>
 *   <li><b>Visits to close</b> = visits logged on won deals ÷ won deals.</li>
 * </ul>
 */
public final class FunnelReport {
    /**
     * @param asOf               epoch second "now" for stalled deals
     * @param qualifiedFromStage the first open stage index counted as qualified for velocity
     * @param slipThreshold      how many slips make a deal "slipped"
     */
    public record Options(long asOf, int qualifiedFromStage, int slipThreshold) {
    }

    private static final long DAY = 86_400;
    private final FunnelData data;
    final long cohort;
    final long[] reached;
    final long won;
    final long lost;
    final long wonAmount;
    final long lostAmount;
    final long[] stageSeconds;
    final long[] stageVisits;
    final long cycleSeconds;
    final BigInteger weightedHundredthsOfPercent;
    final long pipeline;
    final long bestCase;
    final long commit;
    final long omitted;
    final long openQualified;
    final int[] stalled;
    final long slipped;
    final long visitsOnWon;

    private FunnelReport(FunnelData data, int[] selection, int selected, Options options) {
        this(sum(new Accumulator(data, options), selection, selected));
    }

    private static Accumulator sum(Accumulator sums, int[] selection, int selected) {
        for (int n = 0; n < selected; n++) {
            sums.add(selection[n]);
        }
        return sums;
    }

    /* The running sums of one report, fed one opportunity at a time. */
    private static final class Accumulator {
        private final FunnelData data;
        private final Options options;
        private final int k;
        private final long[] maxReachedCount;
        private final long[] seconds;
        private final long[] completed;
        private long count, w, l, wa, la, cycle, p, b, c, o, q, s, v, lo, hi;
        private int[] stalledFound = new int[16];
        private int stalledCount;

        Accumulator(FunnelData data, Options options) {
            this.data = data;
            this.options = options;
            this.k = data.openStages;
            maxReachedCount = new long[k + 1];
            seconds = new long[k + 2];
            completed = new long[k + 2];
        }

        void add(int i) {
            count++;
            int from = data.historyStart[i];
            int to = data.historyStart[i + 1];
            int max = 0;
            for (int h = from; h < to; h++) {
                int st = data.historyStage[h];
                if (st <= k && st > max) {
                    max = st;
                }
                long left = data.leftAt[h];
                if (left >= 0) {
                    seconds[st] += left - data.enteredAt[h];
                    completed[st]++;
                }
            }
            maxReachedCount[max]++;
            byte status = data.status[i];
            long amount = data.amountMinor[i];
            if (status == FunnelData.WON) {
                w++;
                wa = Math.addExact(wa, amount);
                cycle += data.closedAt[i] - data.createdAt[i];
                v += data.visits[i];
            } else if (status == FunnelData.LOST) {
                l++;
                la = Math.addExact(la, amount);
            } else {
                addOpen(i, to, amount);
            }
            if (data.slips[i] >= options.slipThreshold()) {
                s++;
            }
        }

        private void addOpen(int i, int to, long amount) {
            int st = data.stage[i];
            long product = amount * data.probabilityBp[i];
            long productHigh = Math.multiplyHigh(amount, data.probabilityBp[i]);
            long sum = lo + product;
            hi += productHigh + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
            lo = sum;
            switch (data.categories[st]) {
                case PIPELINE -> p = Math.addExact(p, amount);
                case BEST_CASE -> b = Math.addExact(b, amount);
                case COMMIT -> c = Math.addExact(c, amount);
                default -> o = Math.addExact(o, amount);
            }
            if (st >= options.qualifiedFromStage()) {
                q++;
            }
            int maxDays = data.maxDays[st];
            if (maxDays > 0 && options.asOf() - data.enteredAt[to - 1] > maxDays * DAY) {
                if (stalledCount == stalledFound.length) {
                    stalledFound = Arrays.copyOf(stalledFound, stalledCount * 2);
                }
                stalledFound[stalledCount++] = i;
            }
        }
    }

    private FunnelReport(Accumulator a) {
        this.data = a.data;
        int k = a.k;
        long[] reachedAtLeast = new long[k + 1];
        long running = 0;
        for (int st = k; st >= 0; st--) {
            running += a.maxReachedCount[st];
            reachedAtLeast[st] = running;
        }
        cohort = a.count;
        reached = reachedAtLeast;
        won = a.w;
        lost = a.l;
        wonAmount = a.wa;
        lostAmount = a.la;
        stageSeconds = a.seconds;
        stageVisits = a.completed;
        cycleSeconds = a.cycle;
        weightedHundredthsOfPercent = BigInteger.valueOf(a.hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(a.lo)));
        pipeline = a.p;
        bestCase = a.b;
        commit = a.c;
        omitted = a.o;
        openQualified = a.q;
        stalled = Arrays.copyOf(a.stalledFound, a.stalledCount);
        slipped = a.s;
        visitsOnWon = a.v;
    }

    /** The report over the opportunities the cut admits. */
    public static FunnelReport of(FunnelData data, FunnelCut cut, Options options) {
        int[] selection = new int[data.size];
        int selected = 0;
        for (int i = 0; i < data.size; i++) {
            if (cut.admits(data, i)) {
                selection[selected++] = i;
            }
        }
        return new FunnelReport(data, selection, selected, options);
    }

    /** One report per value of a dimension (within the cut), keyed by the value. */
    public static Map<String, FunnelReport> by(FunnelData.Dimension dimension, FunnelData data, FunnelCut cut,
                                               Options options) {
        Map<Integer, int[]> selections = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        int[] codes = data.dimension[dimension.ordinal()];
        for (int i = 0; i < data.size; i++) {
            if (cut.admits(data, i)) {
                int code = codes[i];
                int count = counts.merge(code, 1, Integer::sum);
                int[] selection = selections.computeIfAbsent(code, x -> new int[16]);
                if (count > selection.length) {
                    selection = Arrays.copyOf(selection, selection.length * 2);
                    selections.put(code, selection);
                }
                selection[count - 1] = i;
            }
        }
        Map<String, FunnelReport> reports = new LinkedHashMap<>();
        selections.keySet().stream().sorted().forEach(code -> reports.put(data.value(dimension, code),
                new FunnelReport(data, selections.get(code), counts.get(code), options)));
        return reports;
    }

    /**
     * One report per cohort: the opportunities created in one of the disjoint intervals
     * {@code [createdFrom[j], createdTo[j])} with one combination of values (dictionary codes) of
     * {@code dimensions}, computed in one pass over the opportunities (rather than one
     * {@link #by} per interval and value). Only non-empty cohorts are listed, by interval index,
     * then by codes in the order of {@code dimensions}. Each report equals
     * {@code of(data, FunnelCut.all().createdIn(..).only(..), options)} for its cohort.
     *
     * @throws IllegalArgumentException if the intervals overlap or an interval ends before it starts
     */
    public static List<Cohort> cohorts(FunnelData data, long[] createdFrom, long[] createdTo,
                                       List<FunnelData.Dimension> dimensions, Options options) {
        CohortKeys keying = new CohortKeys(data, createdFrom, createdTo, dimensions);
        Accumulator[] sums;
        long[] keys;
        if (keying.combinations <= Math.max(1 << 20, 4L * data.size)) {
            sums = new Accumulator[(int) keying.combinations];
            for (int i = 0; i < data.size; i++) {
                long key = keying.key(i);
                if (key >= 0) {
                    Accumulator group = sums[(int) key];
                    if (group == null) {
                        group = new Accumulator(data, options);
                        sums[(int) key] = group;
                    }
                    group.add(i);
                }
            }
            keys = null;
        } else {
            Map<Long, Accumulator> groups = new HashMap<>();
            for (int i = 0; i < data.size; i++) {
                long key = keying.key(i);
                if (key >= 0) {
                    groups.computeIfAbsent(key, x -> new Accumulator(data, options)).add(i);
                }
            }
            keys = groups.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            sums = new Accumulator[keys.length];
            for (int g = 0; g < keys.length; g++) {
                sums[g] = groups.get(keys[g]);
            }
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (int g = 0; g < sums.length; g++) {
            if (sums[g] != null) {
                long key = keys == null ? g : keys[g];
                int[] codes = keying.codes(key);
                cohorts.add(new Cohort(keying.interval(key), codes, new FunnelReport(sums[g])));
            }
        }
        return cohorts;
    }

    /**
     * The cohort figures KPIs are built from, in one lean pass over the opportunities: for every
     * non-empty cohort of {@link #cohorts} (same intervals, dimensions and order), its won deals,
     * cycle seconds, visits on won deals and deals reached per stage, each equal to the same figure
     * of that cohort's report, without the report's other sums.
     *
     * @throws IllegalArgumentException if the intervals overlap or an interval ends before it starts
     */
    public static List<CohortCounts> cohortCounts(FunnelData data, long[] createdFrom, long[] createdTo,
                                                  List<FunnelData.Dimension> dimensions) {
        CohortKeys keying = new CohortKeys(data, createdFrom, createdTo, dimensions);
        int k = data.openStages;
        int stride = 4 + k;
        int[] groupOf = null;
        Map<Long, Integer> groupMap = null;
        if (keying.combinations <= Math.max(1 << 16, 2L * data.size)) {
            groupOf = new int[(int) keying.combinations];
            Arrays.fill(groupOf, -1);
        } else {
            groupMap = new HashMap<>();
        }
        long[] groupKey = new long[64];
        long[] sums = new long[64 * stride];
        int groups = 0;
        int[] furthest = data.furthest;
        byte[] status = data.status;
        for (int i = 0; i < data.size; i++) {
            long key = keying.key(i);
            if (key < 0) {
                continue;
            }
            int g;
            if (groupOf != null) {
                g = groupOf[(int) key];
            } else {
                Integer found = groupMap.get(key);
                g = found == null ? -1 : found;
            }
            if (g < 0) {
                if (groups == groupKey.length) {
                    groupKey = Arrays.copyOf(groupKey, groups * 2);
                    sums = Arrays.copyOf(sums, groups * 2 * stride);
                }
                g = groups++;
                groupKey[g] = key;
                if (groupOf != null) {
                    groupOf[(int) key] = g;
                } else {
                    groupMap.put(key, g);
                }
            }
            int base = g * stride;
            sums[base + 3 + furthest[i]]++;
            if (status[i] == FunnelData.WON) {
                sums[base]++;
                sums[base + 1] += data.closedAt[i] - data.createdAt[i];
                sums[base + 2] += data.visits[i];
            }
        }
        Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        long[] keysOf = groupKey;
        Arrays.sort(order, (a, b) -> Long.compare(keysOf[a], keysOf[b]));
        List<CohortCounts> counts = new ArrayList<>(groups);
        for (int g : order) {
            int base = g * stride;
            long[] reachedAtLeast = new long[k + 1];
            long running = 0;
            for (int st = k; st >= 0; st--) {
                running += sums[base + 3 + st];
                reachedAtLeast[st] = running;
            }
            counts.add(new CohortCounts(keying.interval(groupKey[g]), keying.codes(groupKey[g]), sums[base], sums[base + 1],
                    sums[base + 2], reachedAtLeast));
        }
        return counts;
    }

    /*
     * Keys an opportunity by its creation interval and dimension codes: interval × radix... + codes,
     * −1 outside every interval. When every interval bound lies on a common step from the first
     * start (whole days, months of days), the interval is read from a table by step; otherwise found
     * by binary search.
     */
    private static final class CohortKeys {
        private static final int TABLE_LIMIT = 1 << 20;
        private final FunnelData data;
        private final long[] createdTo;
        private final long[] starts;
        private final int[] interval;
        private final long[] radix;
        /* The columns and radixes of the dimensions with more than one value (the others add nothing to a key). */
        private final int[][] keyColumns;
        private final long[] keyRadix;
        private final long combinations;
        private final long origin;
        private final long step;
        /* floor((2^63 − 1) ÷ step), to divide by step with a multiplication. */
        private final long reciprocal;
        private final long end;
        private final int[] byStep;

        CohortKeys(FunnelData data, long[] createdFrom, long[] createdTo, List<FunnelData.Dimension> dimensions) {
            this.data = data;
            this.createdTo = createdTo;
            int intervals = createdFrom.length;
            if (createdTo.length != intervals) {
                throw new IllegalArgumentException("one end per interval start");
            }
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < intervals; j++) {
                if (createdTo[j] < createdFrom[j]) {
                    throw new IllegalArgumentException("interval " + j + " ends before it starts");
                }
                if (createdTo[j] > createdFrom[j]) {
                    order.add(j);
                }
            }
            order.sort((a, b) -> Long.compare(createdFrom[a], createdFrom[b]));
            starts = new long[order.size()];
            interval = new int[order.size()];
            for (int n = 0; n < order.size(); n++) {
                starts[n] = createdFrom[order.get(n)];
                interval[n] = order.get(n);
                if (n > 0 && starts[n] < createdTo[interval[n - 1]]) {
                    throw new IllegalArgumentException("intervals overlap");
                }
            }
            int dims = dimensions.size();
            int[][] columns = new int[dims][];
            radix = new long[dims];
            long product = intervals;
            for (int d = 0; d < dims; d++) {
                columns[d] = data.dimension[dimensions.get(d).ordinal()];
                radix[d] = Math.max(1, data.values(dimensions.get(d)).size());
                if (Math.multiplyHigh(product, radix[d]) != 0 || product * radix[d] < 0) {
                    throw new IllegalArgumentException("too many cohorts to key");
                }
                product *= radix[d];
            }
            combinations = product;
            int varying = 0;
            for (long r : radix) {
                varying += r > 1 ? 1 : 0;
            }
            keyColumns = new int[varying][];
            keyRadix = new long[varying];
            for (int d = 0, v = 0; d < dims; d++) {
                if (radix[d] > 1) {
                    keyColumns[v] = columns[d];
                    keyRadix[v++] = radix[d];
                }
            }
            int last = starts.length - 1;
            origin = last < 0 ? 0 : starts[0];
            long common = 0;
            for (int n = 0; n <= last; n++) {
                common = gcd(common, starts[n] - origin);
                common = gcd(common, createdTo[interval[n]] - origin);
            }
            end = last < 0 ? origin : createdTo[interval[last]];
            long span = end - origin;
            if (common > 0 && span > 0 && span <= 1L << 53 && span / common <= TABLE_LIMIT) {
                step = common;
                reciprocal = Long.MAX_VALUE / common;
                byStep = new int[(int) (span / common)];
                Arrays.fill(byStep, -1);
                for (int n = 0; n <= last; n++) {
                    Arrays.fill(byStep, (int) ((starts[n] - origin) / step), (int) ((createdTo[interval[n]] - origin) / step),
                            interval[n]);
                }
            } else {
                step = 0;
                reciprocal = 0;
                byStep = null;
            }
        }

        private static long gcd(long a, long b) {
            while (b != 0) {
                long t = a % b;
                a = b;
                b = t;
            }
            return a;
        }

        private int intervalOf(long created) {
            if (byStep != null) {
                if (created < origin || created >= end) {
                    return -1;
                }
                long offset = created - origin;
                // offset ÷ step without a division: ⌊offset × reciprocal ÷ 2^63⌋ is the quotient or one less (offset < 2^53)
                long q = Math.multiplyHigh(offset, reciprocal) << 1 | (offset * reciprocal) >>> 63;
                if ((q + 1) * step <= offset) {
                    q++;
                }
                return byStep[(int) q];
            }
            int n = Arrays.binarySearch(starts, created);
            n = n >= 0 ? n : -n - 2;
            return n < 0 || created >= createdTo[interval[n]] ? -1 : interval[n];
        }

        long key(int i) {
            int j = intervalOf(data.createdAt[i]);
            if (j < 0) {
                return -1;
            }
            long key = j;
            for (int d = 0; d < keyColumns.length; d++) {
                key = key * keyRadix[d] + keyColumns[d][i];
            }
            return key;
        }

        int[] codes(long key) {
            int[] codes = new int[radix.length];
            for (int d = radix.length - 1; d >= 0; d--) {
                codes[d] = (int) (key % radix[d]);
                key /= radix[d];
            }
            return codes;
        }

        int interval(long key) {
            for (long r : radix) {
                key /= r;
            }
            return (int) key;
        }
    }

    /**
     * The counts of one cohort of {@link #cohortCounts}: its creation interval, dictionary codes
     * and the figures {@link #won()}, {@link #cycleSeconds()}, {@link #visitsOnWon()} and
     * {@link #reached(int)} of its report.
     */
    public record CohortCounts(int interval, int[] codes, long won, long cycleSeconds, long visitsOnWon, long[] reached) {
        public CohortCounts {
            codes = codes.clone();
            reached = reached.clone();
        }

        @Override
        public int[] codes() {
            return codes.clone();
        }

        @Override
        public long[] reached() {
            return reached.clone();
        }

        /** Cohort deals that reached open stage {@code stage} or later (index openStages = won). */
        public long reached(int stage) {
            return reached[stage];
        }
    }

    /**
     * A cohort of {@link #cohorts}: the index of its creation interval, its dictionary codes (one
     * per dimension asked for) and its report.
     */
    public record Cohort(int interval, int[] codes, FunnelReport report) {
        public Cohort {
            codes = codes.clone();
        }

        @Override
        public int[] codes() {
            return codes.clone();
        }
    }

    private static Optional<BigDecimal> ratio(long numerator, long denominator, int scale) {
        return denominator == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN));
    }

    /** Deals in the cut (the cohort). */
    public long cohort() {
        return cohort;
    }

    /** Cohort deals that reached open stage {@code stage} or later (index {@code openStages} = won). */
    public long reached(int stage) {
        return reached[stage];
    }

    /** reached(s + 1) ÷ reached(s); empty if nobody reached s. */
    public Optional<BigDecimal> conversion(int stage) {
        return ratio(reached[stage + 1], reached[stage], 4);
    }

    /** Conversions s→s+1 for every open stage s (the last one is to won); 0 where nobody reached s. */
    public List<BigDecimal> conversions() {
        List<BigDecimal> all = new ArrayList<>();
        for (int s = 0; s + 1 < reached.length; s++) {
            all.add(conversion(s).orElse(BigDecimal.ZERO));
        }
        return all;
    }

    /** Σ seconds from creation to won over the cohort's won deals (the numerator of the average cycle). */
    public long cycleSeconds() {
        return cycleSeconds;
    }

    /** Σ visits logged on the cohort's won deals (the numerator of visits to close). */
    public long visitsOnWon() {
        return visitsOnWon;
    }

    public long won() {
        return won;
    }

    public long lost() {
        return lost;
    }

    /** won ÷ (won + lost) by count. */
    public Optional<BigDecimal> winRateByCount() {
        return ratio(won, won + lost, 4);
    }

    /** won amount ÷ (won amount + lost amount). */
    public Optional<BigDecimal> winRateByAmount() {
        return ratio(wonAmount, wonAmount + lostAmount, 4);
    }

    public Money wonAmount() {
        return data.money(wonAmount);
    }

    /** Average days of completed visits to a stage; denominator: those visits. */
    public Optional<BigDecimal> averageDaysInStage(int stage) {
        return stageVisits[stage] == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(stageSeconds[stage])
                .divide(BigDecimal.valueOf(stageVisits[stage] * DAY), 2, RoundingMode.HALF_EVEN));
    }

    /** Average days from creation to won; denominator: won deals. */
    public Optional<BigDecimal> averageCycleDays() {
        return won == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(cycleSeconds)
                .divide(BigDecimal.valueOf(won * DAY), 2, RoundingMode.HALF_EVEN));
    }

    /** Σ amount × probability over open deals, rounded once HALF_EVEN to the minor unit. */
    public Money weightedPipeline() {
        BigDecimal minor = new BigDecimal(weightedHundredthsOfPercent).divide(BigDecimal.valueOf(10_000), 0,
                RoundingMode.HALF_EVEN);
        return data.money(minor.longValueExact());
    }

    /** Open amounts in stages of category pipeline. */
    public Money pipeline() {
        return data.money(pipeline);
    }

    public Money bestCase() {
        return data.money(bestCase);
    }

    public Money commit() {
        return data.money(commit);
    }

    /** Won amounts (category closed). */
    public Money closed() {
        return data.money(wonAmount);
    }

    public Money omitted() {
        return data.money(omitted);
    }

    /** commit + closed. */
    public Money commitRollup() {
        return data.money(Math.addExact(commit, wonAmount));
    }

    /** best case + commit + closed. */
    public Money bestCaseRollup() {
        return data.money(Math.addExact(bestCase, Math.addExact(commit, wonAmount)));
    }

    /** pipeline + best case + commit: open deals only, closed and omitted excluded. */
    public Money openPipeline() {
        return data.money(Math.addExact(pipeline, Math.addExact(bestCase, commit)));
    }

    /** Open deals at or past the qualifying stage. */
    public long openQualified() {
        return openQualified;
    }

    /** Pipeline velocity per day; empty without won deals or with a zero cycle. */
    public Optional<Money> velocityPerDay() {
        if (won == 0 || cycleSeconds == 0) {
            return Optional.empty();
        }
        return Optional.of(data.money(PipelineVelocity.perDayMinor(openQualified, wonAmount, won, lost, cycleSeconds)));
    }

    /** open pipeline ÷ remaining target, 4 places; empty if the remaining target is not positive. */
    public Optional<BigDecimal> coverage(Money remainingTarget) {
        if (remainingTarget.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(openPipeline().amount().divide(remainingTarget.amount(), 4, RoundingMode.HALF_EVEN));
    }

    /** Ids of stalled open deals. */
    public List<String> stalled() {
        List<String> ids = new ArrayList<>(stalled.length);
        for (int i : stalled) {
            ids.add(data.id(i));
        }
        return ids;
    }

    public int stalledCount() {
        return stalled.length;
    }

    /** Deals whose close date slipped at least the threshold's number of times. */
    public long slipped() {
        return slipped;
    }

    /** Visits on won deals ÷ won deals, 2 places. */
    public Optional<BigDecimal> visitsToClose() {
        return ratio(visitsOnWon, won, 2);
    }

    /**
     * Median days of completed visits to each stage (open stages, then won, lost), over the cut;
     * for an even count the mean of the two middle values; empty where a stage has no completed visit.
     */
    public static List<Optional<BigDecimal>> medianDaysInStage(FunnelData data, FunnelCut cut) {
        int stages = data.openStages + 2;
        long[][] durations = new long[stages][16];
        int[] counts = new int[stages];
        for (int i = 0; i < data.size; i++) {
            if (!cut.admits(data, i)) {
                continue;
            }
            for (int h = data.historyStart[i]; h < data.historyStart[i + 1]; h++) {
                if (data.leftAt[h] >= 0) {
                    int st = data.historyStage[h];
                    if (counts[st] == durations[st].length) {
                        durations[st] = Arrays.copyOf(durations[st], counts[st] * 2);
                    }
                    durations[st][counts[st]++] = data.leftAt[h] - data.enteredAt[h];
                }
            }
        }
        List<Optional<BigDecimal>> medians = new ArrayList<>();
        for (int st = 0; st < stages; st++) {
            int n = counts[st];
            if (n == 0) {
                medians.add(Optional.empty());
                continue;
            }
            long[] sorted = Arrays.copyOf(durations[st], n);
            Arrays.sort(sorted);
            long twice = n % 2 == 1 ? 2 * sorted[n / 2] : sorted[n / 2 - 1] + sorted[n / 2];
            medians.add(Optional.of(BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2 * DAY), 2, RoundingMode.HALF_EVEN)));
        }
        return medians;
    }
}
