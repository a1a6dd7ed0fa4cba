package dev.saleskernel.compensation;

/**
 * The split of on-target earnings (OTE) between base salary and target incentive, as whole
 * millionths of OTE ({@code 400,000} = 40%). A valid mix sums to exactly 1,000,000 (100%).
 *
 * <p>Formulas (annual figures, minor units): {@code targetIncentive = round(OTE × incentive)}
 * HALF_EVEN, {@code base = OTE − targetIncentive}, so base + target incentive = OTE exactly.
 *
 * @param basePpm      the base salary share of OTE, millionths
 * @param incentivePpm the target incentive share of OTE, millionths
 */
public record PayMix(long basePpm, long incentivePpm) {
    /** Whether the shares are each within 0–100% and sum to exactly 100%. */
    public boolean sumsTo100() {
        return basePpm >= 0 && incentivePpm >= 0 && basePpm + incentivePpm == Rate.ONE;
    }

    /** The annual target incentive of an annual OTE, HALF_EVEN to the minor unit. */
    public long targetIncentive(long annualOteMinor) {
        return Rate.apply(annualOteMinor, incentivePpm);
    }

    /** The annual base salary: OTE minus the target incentive. */
    public long base(long annualOteMinor) {
        return Math.subtractExact(annualOteMinor, targetIncentive(annualOteMinor));
    }
}
