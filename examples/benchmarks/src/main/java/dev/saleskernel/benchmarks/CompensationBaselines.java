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
 * keyed by rep id; the other exact {@code long} cents over arrays.
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
    public record Lines(String[] repIds, int[] rep, String[] dealIds, long[] amount, boolean[] split) {
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
        return new Lines(repIds, rep, dealIds, amount, split);
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

    /** Exact long cents over arrays: the fastest plain Java. Returns the total payout in cents. */
    public static long longCents(Lines lines) {
        long[] credited = new long[lines.repIds().length];
        int[] rep = lines.rep();
        long[] amount = lines.amount();
        for (int i = 0; i < amount.length; i++) {
            credited[rep[i]] = Math.addExact(credited[rep[i]], amount[i]);
        }
        long total = 0;
        for (long x : credited) {
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
            total += Math.min(payout, CAP);
        }
        return total;
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
