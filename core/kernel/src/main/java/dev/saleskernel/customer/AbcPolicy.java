package dev.saleskernel.customer;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How accounts are cut into A, B and C.
 *
 * <p>Accounts are ranked by contribution, highest first, ties by account id ascending. For each
 * account the <em>weight ahead</em> is what the accounts ranked strictly above it hold: their
 * number ({@link CutOff#ACCOUNT_SHARE}) or their positive contribution
 * ({@link CutOff#CUMULATIVE_SHARE}). With {@code share = weightAhead / totalWeight}:
 * A when {@code share < aCutOff}, B when {@code share < bCutOff}, otherwise C. So in account-share
 * mode the A class holds exactly {@code ceil(n × aCutOff)} accounts, and in cumulative mode A is
 * the shortest head of the ranking whose contribution reaches {@code aCutOff} of the total. In
 * cumulative mode accounts with zero or negative contribution are always C.
 *
 * <p>Hysteresis: an account keeps its previous class while its share stays within
 * {@code hysteresis} of the cut-off it would otherwise cross (e.g. a previous A stays A while
 * {@code share < aCutOff + hysteresis}). Zero means no hysteresis.
 *
 * @param cutOff     what the shares measure
 * @param aCutOff    upper bound of the A class, a share in (0, 1]
 * @param bCutOff    upper bound of A and B together, a share in [aCutOff, 1]
 * @param hysteresis margin in [0, 1) around each cut-off inside which a previous class is kept
 */
public record AbcPolicy(CutOff cutOff, BigDecimal aCutOff, BigDecimal bCutOff, BigDecimal hysteresis) {

    /** What the cut-off shares measure. */
    public enum CutOff {
        /** Share of the number of accounts (A = top 20% of accounts). */
        ACCOUNT_SHARE,
        /** Cumulative share of positive contribution (A = accounts giving the first 70% of profit). */
        CUMULATIVE_SHARE
    }

    /** The seeds' default: A the top 20% of accounts, B the next 30%, no hysteresis. */
    public static final AbcPolicy SEEDS_DEFAULT = new AbcPolicy(CutOff.ACCOUNT_SHARE,
            new BigDecimal("0.20"), new BigDecimal("0.50"), BigDecimal.ZERO);

    public AbcPolicy {
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(aCutOff, "aCutOff");
        Objects.requireNonNull(bCutOff, "bCutOff");
        Objects.requireNonNull(hysteresis, "hysteresis");
        if (aCutOff.signum() <= 0 || aCutOff.compareTo(bCutOff) > 0 || bCutOff.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("cut-offs must satisfy 0 < a <= b <= 1: a=" + aCutOff + " b=" + bCutOff);
        }
        if (hysteresis.signum() < 0 || hysteresis.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("hysteresis must be in [0, 1): " + hysteresis);
        }
    }

    /** This policy with another hysteresis margin. */
    public AbcPolicy withHysteresis(BigDecimal margin) {
        return new AbcPolicy(cutOff, aCutOff, bCutOff, margin);
    }
}
