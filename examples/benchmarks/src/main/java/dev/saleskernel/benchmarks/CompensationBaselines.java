package dev.saleskernel.benchmarks;

import dev.saleskernel.compensation.CreditBatch;
import dev.saleskernel.compensation.CreditEvent;
import dev.saleskernel.compensation.CreditKind;
import dev.saleskernel.compensation.Participant;
import dev.saleskernel.compensation.PayMix;
import dev.saleskernel.compensation.PlanComponent;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.period.DateRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The commission run of {@link CompensationRunBenchmark} written by hand twice, doing the same
 * computation as the library: per rep, sum the (split) credit lines, pay tiers 0–20,000 @3%,
 * 20,000–40,000 @5%, 40,000+ @8% marginally (one HALF_EVEN rounding to the cent), cap each rep
 * at 2,000.00, and total the payouts. One baseline is idiomatic {@code BigDecimal} over a map
 * keyed by rep id (totals only); two are exact {@code long} cents over arrays: totals only (the
 * plain loop), and with the library's deal attribution: each rep's payout split over the rep's
 * deals in proportion to each deal's positive net credit, largest remainder, deals ordered by id
 * (what clawbacks need).
 */
public final class CompensationBaselines {
    static final Currency CNY = Currency.getInstance("CNY");
    static final long[] BOUNDS = {0, 2_000_000, 4_000_000};
    static final long[] RATES_PPM = {30_000, 50_000, 80_000};
    static final long CAP = 200_000;
    static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    private CompensationBaselines() {
    }

    /** Credit lines as plain columns, the same lines the library batch holds. */
    public record Lines(String[] repIds, int[] rep, String[] dealIds, int[] dealRank, long[] amount, boolean[] split) {
        public int size() {
            return amount.length;
        }
    }

    /**
     * {@code count} lines over {@code reps} reps: one deal in three is split 60/40 between two reps
     * (two lines of the same deal, exact shares), the rest credited wholly to one rep. Amounts
     * 1.00 to 500.00 times a rep size factor of 0.2 to 2.0, so at 1M lines reps spread over every
     * tier and the largest reach the cap.
     */
    public static Lines generate(int count, int reps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] repIds = new String[reps];
        for (int r = 0; r < reps; r++) {
            repIds[r] = "rep-" + r;
        }
        int[] rep = new int[count];
        String[] dealIds = new String[count];
        long[] amount = new long[count];
        boolean[] split = new boolean[count];
        int deal = 0;
        for (int i = 0; i < count; deal++) {
            int owner = random.nextInt(reps);
            long value = (100 + random.nextLong(50_000)) * (1 + owner % 10) / 5;
            String dealId = "d-" + deal;
            if (i + 1 < count && random.nextInt(3) == 0) {
                long first = value * 6 / 10;
                rep[i] = owner;
                rep[i + 1] = random.nextInt(reps);
                amount[i] = first;
                amount[i + 1] = value - first;
                dealIds[i] = dealId;
                dealIds[i + 1] = dealId;
                split[i] = true;
                split[i + 1] = true;
                i += 2;
            } else {
                rep[i] = owner;
                amount[i] = value;
                dealIds[i] = dealId;
                i++;
            }
        }
        return new Lines(repIds, rep, dealIds, rankById(dealIds, deal), amount, split);
    }

    /** Each line's deal rank in deal-id order (interned once, like the library batch does at build time). */
    private static int[] rankById(String[] dealIds, int deals) {
        String[] ids = new String[deals];
        for (int d = 0; d < deals; d++) {
            ids[d] = "d-" + d;
        }
        Integer[] order = new Integer[deals];
        for (int d = 0; d < deals; d++) {
            order[d] = d;
        }
        java.util.Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        int[] rankOf = new int[deals];
        for (int r = 0; r < deals; r++) {
            rankOf[order[r]] = r;
        }
        int[] rank = new int[dealIds.length];
        for (int i = 0; i < dealIds.length; i++) {
            rank[i] = rankOf[Integer.parseInt(dealIds[i], 2, dealIds[i].length(), 10)];
        }
        return rank;
    }

    /** The same lines as a library credit batch. */
    public static CreditBatch batch(Lines lines) {
        CreditBatch.Builder b = CreditBatch.builder(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            b.add(lines.repIds()[lines.rep()[i]], lines.dealIds()[i], "product", DAY, CreditEvent.BOOKING,
                    lines.split()[i] ? CreditKind.SPLIT : CreditKind.DIRECT, lines.amount()[i]);
        }
        return b.build().get();
    }

    /** The plan the baselines hard-code, as data. */
    public static PlanVersion plan() {
        List<PlanComponent.Tier> tiers = new ArrayList<>();
        for (int t = 0; t < BOUNDS.length; t++) {
            tiers.add(new PlanComponent.Tier(BOUNDS[t], t + 1 < BOUNDS.length ? BOUNDS[t + 1] : Long.MAX_VALUE, RATES_PPM[t],
                    PlanComponent.Mode.MARGINAL));
        }
        PlanComponent.Limits cap = new PlanComponent.Limits(Optional.empty(), Optional.empty(),
                Optional.of(new PlanComponent.Limit(CAP, false)), Optional.empty());
        return new PlanVersion("bench", 1, "Benchmark plan", DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)),
                CNY, CreditEvent.BOOKING, new PayMix(500_000, 500_000),
                List.of(new PlanComponent.Tiered("commission", PlanComponent.Basis.AMOUNT, tiers, cap)), Optional.empty());
    }

    /** Every rep as a plan participant. */
    public static List<Participant> participants(Lines lines) {
        List<Participant> participants = new ArrayList<>(lines.repIds().length);
        for (String id : lines.repIds()) {
            participants.add(Participant.of(id, 24_000_000, 10_000_000));
        }
        return participants;
    }

    /**
     * What the long-cents baseline computed: the total, and per rep ({@code repStart} slices) each
     * attributed deal's rank and payout, deals in id order.
     */
    public record Attributed(long total, int[] repStart, int[] dealRank, long[] payout) {
    }

    /**
     * Exact long cents over arrays: the fastest plain Java written by hand. Groups the lines by rep
     * (counting sort), orders each rep's lines by deal rank (primitive sort), nets each deal, pays
     * the tiers and the cap on the rep's total, and splits the payout over the deals with positive
     * net credit by largest remainder.
     */
    public static Attributed longCents(Lines lines) {
        int reps = lines.repIds().length;
        int[] rep = lines.rep();
        int[] dealRank = lines.dealRank();
        long[] amount = lines.amount();
        int n = amount.length;
        int[] start = new int[reps + 1];
        for (int i = 0; i < n; i++) {
            start[rep[i] + 1]++;
        }
        for (int r = 0; r < reps; r++) {
            start[r + 1] += start[r];
        }
        int[] cursor = java.util.Arrays.copyOf(start, reps);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[cursor[rep[i]]++] = ((long) dealRank[i] << 32) | i;
        }
        int[] repStart = new int[reps + 1];
        int[] deal = new int[n];
        long[] net = new long[n];
        long[] payout = new long[n];
        int deals = 0;
        long total = 0;
        for (int r = 0; r < reps; r++) {
            java.util.Arrays.sort(keys, start[r], start[r + 1]);
            repStart[r] = deals;
            long x = 0;
            int last = -1;
            for (int k = start[r]; k < start[r + 1]; k++) {
                int d = (int) (keys[k] >>> 32);
                long a = amount[(int) keys[k]];
                x = Math.addExact(x, a);
                if (d != last) {
                    deal[deals] = d;
                    net[deals++] = a;
                    last = d;
                } else {
                    net[deals - 1] = Math.addExact(net[deals - 1], a);
                }
            }
            long pay = Math.min(tiered(Math.max(0, x)), CAP);
            total += pay;
            attribute(pay, net, repStart[r], deals, payout);
        }
        repStart[reps] = deals;
        return new Attributed(total, repStart, java.util.Arrays.copyOf(deal, deals), java.util.Arrays.copyOf(payout, deals));
    }

    /**
     * Exact long cents, totals only: the plain loop the "exact long-cents loop" names. One
     * pass adds each line to its rep's credit, then each rep is paid the tiers and the cap. No
     * grouping by deal, no attribution (what clawbacks need), no statements.
     */
    public static long longCentsTotals(Lines lines) {
        int[] rep = lines.rep();
        long[] amount = lines.amount();
        long[] credited = new long[lines.repIds().length];
        for (int i = 0; i < amount.length; i++) {
            credited[rep[i]] = Math.addExact(credited[rep[i]], amount[i]);
        }
        long total = 0;
        for (long x : credited) {
            total += Math.min(tiered(Math.max(0, x)), CAP);
        }
        return total;
    }

    private static long tiered(long x) {
        long exact = 0;
        for (int t = 0; t < BOUNDS.length && x > BOUNDS[t]; t++) {
            long to = t + 1 < BOUNDS.length ? Math.min(x, BOUNDS[t + 1]) : x;
            exact = Math.addExact(exact, Math.multiplyExact(to - BOUNDS[t], RATES_PPM[t]));
        }
        long payout = Math.floorDiv(exact, 1_000_000L);
        long rest = Math.floorMod(exact, 1_000_000L);
        if (rest > 500_000L || (rest == 500_000L && (payout & 1) == 1)) {
            payout++;
        }
        return payout;
    }

    /**
     * Largest remainder on primitives: floor shares of {@code pay} by positive net credit, then
     * one unit each to the largest remainders (ties: larger net credit, then the earlier deal).
     */
    private static void attribute(long pay, long[] net, int from, int to, long[] payout) {
        long sum = 0;
        for (int d = from; d < to; d++) {
            sum += Math.max(0, net[d]);
        }
        if (pay == 0 || sum == 0) {
            return;
        }
        long[] rest = new long[to - from];
        long left = pay;
        for (int d = from; d < to; d++) {
            if (net[d] > 0) {
                long share = Math.multiplyExact(pay, net[d]);
                payout[d] = share / sum;
                rest[d - from] = share % sum;
                left -= payout[d];
            } else {
                rest[d - from] = -1;
            }
        }
        if (left == 0) {
            return;
        }
        long[] sorted = rest.clone();
        java.util.Arrays.sort(sorted);
        long cut = sorted[sorted.length - (int) left];
        for (int d = from; d < to; d++) {
            if (rest[d - from] > cut) {
                payout[d]++;
                left--;
            }
        }
        for (; left > 0; left--) {
            int best = -1;
            for (int d = from; d < to; d++) {
                if (rest[d - from] == cut && (best < 0 || net[d] > net[best])) {
                    best = d;
                }
            }
            payout[best]++;
            rest[best - from] = -2;
        }
    }

    /** Idiomatic BigDecimal in yuan over a map keyed by rep id. Returns the total payout in cents. */
    public static long bigDecimal(Lines lines) {
        Map<String, BigDecimal> credited = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            credited.merge(lines.repIds()[lines.rep()[i]], BigDecimal.valueOf(lines.amount()[i], 2), BigDecimal::add);
        }
        BigDecimal[] bounds = {new BigDecimal("0"), new BigDecimal("20000.00"), new BigDecimal("40000.00")};
        BigDecimal[] rates = {new BigDecimal("0.03"), new BigDecimal("0.05"), new BigDecimal("0.08")};
        BigDecimal cap = new BigDecimal("2000.00");
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal x : credited.values()) {
            BigDecimal payout = BigDecimal.ZERO;
            for (int t = 0; t < bounds.length && x.compareTo(bounds[t]) > 0; t++) {
                BigDecimal to = t + 1 < bounds.length ? x.min(bounds[t + 1]) : x;
                payout = payout.add(to.subtract(bounds[t]).multiply(rates[t]));
            }
            total = total.add(payout.setScale(2, RoundingMode.HALF_EVEN).min(cap));
        }
        return total.movePointRight(2).longValueExact();
    }
}
