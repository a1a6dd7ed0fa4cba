package dev.saleskernel.customer;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as a pool sees it: who holds it since when, the facts the reclaim rules read, and
 * the cooldown left by its last holder.
 *
 * @param accountId      the account
 * @param poolId         the pool it belongs to
 * @param owner          the rep holding it; empty while it is in the pool
 * @param heldSince      the day the owner claimed or was assigned it; empty while in the pool
 * @param lastFollowUp   the last qualifying follow-up (visit, call, meeting...) by anyone
 * @param lastDeal       the last won deal
 * @param protectedUntil the last protected day; empty when unprotected
 * @param cooldown       the rep who may not re-claim it, and until when
 */
public record PoolAccount(String accountId, String poolId, Optional<String> owner, Optional<LocalDate> heldSince,
                          Optional<LocalDate> lastFollowUp, Optional<LocalDate> lastDeal,
                          Optional<LocalDate> protectedUntil, Optional<Cooldown> cooldown) {

    /** {@code rep} may not claim the account before {@code until} (exclusive). */
    public record Cooldown(String rep, LocalDate until) {
        public Cooldown {
            Objects.requireNonNull(rep, "rep");
            Objects.requireNonNull(until, "until");
        }

        boolean blocks(String claimant, LocalDate today) {
            return rep.equals(claimant) && today.isBefore(until);
        }
    }

    public PoolAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(heldSince, "heldSince");
        Objects.requireNonNull(lastFollowUp, "lastFollowUp");
        Objects.requireNonNull(lastDeal, "lastDeal");
        Objects.requireNonNull(protectedUntil, "protectedUntil");
        Objects.requireNonNull(cooldown, "cooldown");
        if (owner.isPresent() != heldSince.isPresent()) {
            throw new IllegalArgumentException("an owner and the day it was taken go together: " + accountId);
        }
    }

    /** An account sitting in its pool, with no history. */
    public static PoolAccount unowned(String accountId, String poolId) {
        return new PoolAccount(accountId, poolId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public boolean isHeld() {
        return owner.isPresent();
    }

    public boolean isHeldBy(String rep) {
        return owner.isPresent() && owner.get().equals(rep);
    }

    PoolAccount heldBy(String rep, LocalDate today, int protectionDays) {
        return new PoolAccount(accountId, poolId, Optional.of(rep), Optional.of(today), lastFollowUp, lastDeal,
                protectionDays == 0 ? Optional.empty() : Optional.of(today.plusDays(protectionDays - 1L)), cooldown);
    }

    PoolAccount backInPool(LocalDate today, int cooldownDays) {
        Optional<Cooldown> next = owner.map(rep -> new Cooldown(rep, today.plusDays(cooldownDays)));
        return new PoolAccount(accountId, poolId, Optional.empty(), Optional.empty(), lastFollowUp, lastDeal,
                Optional.empty(), cooldownDays == 0 ? Optional.empty() : next);
    }

    PoolAccount followedUpOn(LocalDate day) {
        return new PoolAccount(accountId, poolId, owner, heldSince, Optional.of(later(lastFollowUp, day)), lastDeal,
                protectedUntil, cooldown);
    }

    PoolAccount dealWonOn(LocalDate day) {
        return new PoolAccount(accountId, poolId, owner, heldSince, lastFollowUp, Optional.of(later(lastDeal, day)),
                Optional.empty(), cooldown);
    }

    private static LocalDate later(Optional<LocalDate> known, LocalDate day) {
        return known.filter(k -> k.isAfter(day)).orElse(day);
    }
}
