package dev.saleskernel.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Share of accounts against share of contribution, per class. Shares are exact ratios rounded
 * HALF_EVEN to 4 decimal places (0.6250 = 62.5%); they are for reading, not for further sums.
 */
public record ParetoReport(List<Row> rows, int accounts, long totalContributionMinor) {

    /** Shares are given to this many decimal places. */
    public static final int SHARE_SCALE = 4;

    /** One class's line of the report. */
    public record Row(AbcClass abcClass, int accounts, BigDecimal accountShare, long contributionMinor,
                      BigDecimal contributionShare) {
        public Row {
            Objects.requireNonNull(abcClass, "abcClass");
            Objects.requireNonNull(accountShare, "accountShare");
            Objects.requireNonNull(contributionShare, "contributionShare");
        }
    }

    public ParetoReport {
        rows = List.copyOf(rows);
    }

    /** The line of one class. */
    public Row row(AbcClass abcClass) {
        return rows.get(abcClass.ordinal());
    }

    static ParetoReport of(int[] counts, long[] sums) {
        int accounts = 0;
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            accounts += counts[i];
            total = Math.addExact(total, sums[i]);
        }
        Row[] rows = new Row[counts.length];
        for (AbcClass c : AbcClass.values()) {
            int i = c.ordinal();
            rows[i] = new Row(c, counts[i], share(counts[i], accounts), sums[i], share(sums[i], total));
        }
        return new ParetoReport(List.of(rows), accounts, total);
    }

    static BigDecimal share(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }
}
