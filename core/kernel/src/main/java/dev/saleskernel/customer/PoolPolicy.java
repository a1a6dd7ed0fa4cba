package dev.saleskernel.customer;

/**
 * The rules of one customer pool (公海). Day counts of zero switch a rule off.
 *
 * @param perPoolCap     most accounts of this pool one rep may hold
 * @param globalCap      most accounts one rep may hold across all pools; the lower cap applies
 * @param followUpDays   reclaim when the holder has logged no qualifying follow-up for this many
 *                       days (counted from the later of the claim and the last follow-up)
 * @param noDealDays     reclaim when no deal was won for this many days (from the later of the
 *                       claim and the last deal)
 * @param protectionDays on claim, the account is protected for this many days (the claim day
 *                       included); the day after protection ends without a deal it is reclaimed.
 *                       A won deal lifts the protection limit
 * @param cooldownDays   after returning or losing an account, the same rep may not claim it again
 *                       for this many days
 */
public record PoolPolicy(int perPoolCap, int globalCap, int followUpDays, int noDealDays, int protectionDays,
                         int cooldownDays) {
    public PoolPolicy {
        if (perPoolCap < 0 || globalCap < 0 || followUpDays < 0 || noDealDays < 0 || protectionDays < 0 || cooldownDays < 0) {
            throw new IllegalArgumentException("pool policy figures are never negative");
        }
    }
}
