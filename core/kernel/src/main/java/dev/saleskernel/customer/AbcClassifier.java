package dev.saleskernel.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks accounts by contribution and cuts them into A, B and C by an {@link AbcPolicy}. A pure
 * function: the same inputs (in any order) and previous classes give the same run.
 *
 * <p>All comparisons are exact on {@code long}: {@code weightAhead < x × total} is evaluated as
 * {@code weightAhead < ceil(x × total)}, which is equivalent for integer weights.
 */
public final class AbcClassifier {

    private static final Comparator<AbcInput> RANKING = Comparator.comparingLong(AbcInput::contributionMinor).reversed()
            .thenComparing(AbcInput::accountId);

    private AbcClassifier() {
    }

    /** Classifies without previous classes (no hysteresis applies, every account is a change). */
    public static AbcRun classify(Collection<AbcInput> inputs, AbcPolicy policy) {
        return classify(inputs, Map.of(), policy);
    }

    /**
     * Classifies the accounts; {@code previous} holds last run's classes (accounts absent from it
     * are new). Refuses duplicate account ids with an {@link IllegalArgumentException}.
     */
    public static AbcRun classify(Collection<AbcInput> inputs, Map<String, AbcClass> previous, AbcPolicy policy) {
        AbcInput[] ranked = inputs.toArray(new AbcInput[0]);
        Arrays.sort(ranked, RANKING);
        requireDistinct(ranked);
        boolean cumulative = policy.cutOff() == AbcPolicy.CutOff.CUMULATIVE_SHARE;
        long total = cumulative ? positiveTotal(ranked) : ranked.length;
        BigDecimal a = policy.aCutOff();
        BigDecimal b = policy.bCutOff();
        BigDecimal m = policy.hysteresis();
        long aBound = bound(a, total);
        long bBound = bound(b, total);
        long aKeep = bound(a.add(m), total);
        long bKeepFromA = bound(a.subtract(m), total);
        long bKeep = bound(b.add(m), total);
        long cKeep = bound(b.subtract(m), total);

        List<AbcAssignment> assignments = new ArrayList<>(ranked.length);
        List<AbcChange> changes = new ArrayList<>();
        int[] counts = new int[3];
        long[] sums = new long[3];
        long ahead = 0;
        for (int i = 0; i < ranked.length; i++) {
            AbcInput input = ranked[i];
            long contribution = input.contributionMinor();
            boolean nonPositive = cumulative && contribution <= 0;
            AbcClass raw = nonPositive ? AbcClass.C : ahead < aBound ? AbcClass.A : ahead < bBound ? AbcClass.B : AbcClass.C;
            AbcClass before = previous.get(input.accountId());
            AbcClass assigned = raw;
            if (before != null && before != raw && !nonPositive) {
                boolean keep = switch (before) {
                    case A -> ahead < aKeep;
                    case B -> ahead >= bKeepFromA && ahead < bKeep;
                    case C -> ahead >= cKeep;
                };
                assigned = keep ? before : raw;
            }
            assignments.add(new AbcAssignment(input.accountId(), contribution, i + 1, raw, assigned));
            if (before != assigned) {
                changes.add(new AbcChange(input.accountId(), Optional.ofNullable(before), assigned));
            }
            counts[assigned.ordinal()]++;
            sums[assigned.ordinal()] = Math.addExact(sums[assigned.ordinal()], contribution);
            ahead = Math.addExact(ahead, cumulative ? Math.max(contribution, 0) : 1);
        }
        return new AbcRun(policy, assignments, changes, ParetoReport.of(counts, sums));
    }

    private static void requireDistinct(AbcInput[] ranked) {
        Set<String> seen = new HashSet<>(ranked.length * 2);
        for (AbcInput input : ranked) {
            if (!seen.add(input.accountId())) {
                throw new IllegalArgumentException("account " + input.accountId() + " is given twice");
            }
        }
    }

    private static long positiveTotal(AbcInput[] ranked) {
        long total = 0;
        for (AbcInput input : ranked) {
            total = Math.addExact(total, Math.max(input.contributionMinor(), 0));
        }
        return total;
    }

    private static long bound(BigDecimal share, long total) {
        return share.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
