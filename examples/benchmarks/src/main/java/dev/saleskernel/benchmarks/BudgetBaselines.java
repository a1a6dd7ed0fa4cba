package dev.saleskernel.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The hand-written baseline of {@link BudgetControlBenchmark}: the same spend facts recorded with
 * the same idempotency and the same two STOP checks (period and year-to-date), over plain arrays
 * with no aggregate, no events and no refusal objects.
 */
final class BudgetBaselines {
    private BudgetBaselines() {
    }

    /** The outcome: every line's actual (minor units) and how many facts were refused. */
    record Outcome(long[] actual, int refused) {
    }

    /**
     * @param lineBudget    each line's budget
     * @param lineStartDay  each line's period start (epoch day)
     * @param lineEndDay    each line's period end, exclusive (epoch day)
     * @param cells         category/unit key → its line indices in period order
     */
    static Outcome record(long[] lineBudget, long[] lineStartDay, long[] lineEndDay, Map<String, int[]> cells,
                          String[] sourceIds, String[] cellKeys, long[] days, long[] amounts) {
        long[] actual = new long[lineBudget.length];
        Map<String, Integer> seen = new HashMap<>();
        int refused = 0;
        for (int i = 0; i < sourceIds.length; i++) {
            Integer earlier = seen.get(sourceIds[i]);
            if (earlier != null) {
                if (amounts[earlier] != amounts[i] || days[earlier] != days[i] || !cellKeys[earlier].equals(cellKeys[i])) {
                    refused++;
                }
                continue;
            }
            int[] cell = cells.get(cellKeys[i]);
            int line = -1;
            for (int candidate : cell) {
                if (days[i] >= lineStartDay[candidate] && days[i] < lineEndDay[candidate]) {
                    line = candidate;
                    break;
                }
            }
            long amount = amounts[i];
            boolean stop = actual[line] + amount > lineBudget[line];
            long ytdBudget = 0;
            long ytdUsed = 0;
            for (int candidate : cell) {
                if (lineStartDay[candidate] <= lineStartDay[line]) {
                    ytdBudget += lineBudget[candidate];
                    ytdUsed += actual[candidate];
                }
            }
            stop |= ytdUsed + amount > ytdBudget;
            if (stop) {
                refused++;
            } else {
                actual[line] += amount;
                seen.put(sourceIds[i], i);
            }
        }
        return new Outcome(actual, refused);
    }
}
