package dev.saleskernel.benchmarks;

import dev.saleskernel.target.ActualFact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain hand-written attainment roll-up to measure {@code Attainment.credit} against: the org
 * is frozen into arrays beforehand (no effective dating: every placement and membership of the
 * benchmark's org is open since 2020), facts are credited by share with the same largest-remainder
 * split, each part added to the rep and to every unit up its parent chain, in {@code long[]}
 * accumulators. It knows nothing of filters, matrix memberships or reorganisations, which the
 * library handles.
 */
public final class AttainmentBaselines {
    private AttainmentBaselines() {
    }

    /** A frozen org: unit parents and each rep's one team, by index. */
    public record FrozenOrg(Map<String, Integer> unitIndex, String[] unitIds, int[] parent, Map<String, Integer> repIndex,
                            String[] repIds, int[] teamOfRep) {
    }

    /** Per-member and per-unit totals, keyed as the library keys them. */
    public record Totals(Map<String, Long> byMember, Map<String, Long> byUnit) {
    }

    public static Totals rollUp(List<ActualFact> facts, FrozenOrg org) {
        long[] byRep = new long[org.repIds().length];
        boolean[] repTouched = new boolean[byRep.length];
        long[] byUnit = new long[org.unitIds().length];
        boolean[] unitTouched = new boolean[byUnit.length];
        for (ActualFact fact : facts) {
            List<ActualFact.Credit> credits = fact.credits();
            int n = credits.size();
            long[] parts = new long[n];
            if (n == 1) {
                parts[0] = fact.amount();
            } else {
                parts = split(fact.amount(), credits);
            }
            for (int i = 0; i < n; i++) {
                int rep = org.repIndex().get(credits.get(i).memberId());
                byRep[rep] += parts[i];
                repTouched[rep] = true;
                for (int u = org.teamOfRep()[rep]; u >= 0; u = org.parent()[u]) {
                    byUnit[u] += parts[i];
                    unitTouched[u] = true;
                }
            }
        }
        Map<String, Long> members = new HashMap<>();
        for (int r = 0; r < byRep.length; r++) {
            if (repTouched[r]) {
                members.put(org.repIds()[r], byRep[r]);
            }
        }
        Map<String, Long> units = new HashMap<>();
        for (int u = 0; u < byUnit.length; u++) {
            if (unitTouched[u]) {
                units.put(org.unitIds()[u], byUnit[u]);
            }
        }
        return new Totals(members, units);
    }

    /**
     * Largest remainder over shares at 6 decimals; ties to the larger weight, then the lower index.
     * For the benchmark's positive amounts (at most 10⁷), where {@code amount × weight} fits a long.
     */
    private static long[] split(long amount, List<ActualFact.Credit> credits) {
        int n = credits.size();
        long[] weights = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = credits.get(i).share().movePointRight(6).setScale(0).longValueExact();
            sum += weights[i];
        }
        long[] parts = new long[n];
        long[] remainders = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long product = Math.multiplyExact(amount, weights[i]);
            parts[i] = product / sum;
            remainders[i] = product % sum;
            given += parts[i];
        }
        for (long left = amount - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (best < 0 || remainders[i] > remainders[best]
                        || remainders[i] == remainders[best] && weights[i] > weights[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }
}
