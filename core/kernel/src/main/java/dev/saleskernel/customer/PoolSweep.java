package dev.saleskernel.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reclaim sweep: a pure function of the accounts, their pools' policies and the day.
 * Deterministic and idempotent: sweeping the result again on the same day reclaims nothing,
 * because a reclaimed account has no owner left for any rule to read.
 *
 * <p>While an account is protected no rule reclaims it; once protection has ended without a won
 * deal it is reclaimed ({@link ReclaimReason#PROTECTION_EXPIRED}).
 *
 * <p>Days are whole calendar days: an account followed up on day {@code d} with
 * {@code followUpDays = 30} is reclaimed by the sweep of day {@code d + 30}, not of {@code d + 29}.
 */
public final class PoolSweep {

    private PoolSweep() {
    }

    /** The accounts of every pool and the pools' policies by pool id. */
    public record Snapshot(Map<String, PoolPolicy> policies, List<PoolAccount> accounts) {
        public Snapshot {
            policies = Map.copyOf(policies);
            accounts = List.copyOf(accounts);
        }
    }

    /** One account sent back to its pool. */
    public record Reclaim(String accountId, String poolId, String formerOwner, Set<ReclaimReason> reasons) {
        public Reclaim {
            Objects.requireNonNull(accountId, "accountId");
            reasons = Set.copyOf(reasons);
        }
    }

    /** The accounts after the sweep (same order as given) and what was reclaimed, in that order. */
    public record Result(Snapshot after, List<Reclaim> reclaims) {
        public Result {
            Objects.requireNonNull(after, "after");
            reclaims = List.copyOf(reclaims);
        }
    }

    /** Sweeps every pool on {@code today}. An account whose pool has no policy is a programming error. */
    public static Result sweep(Snapshot snapshot, LocalDate today) {
        List<PoolAccount> accounts = snapshot.accounts();
        List<PoolAccount> after = new ArrayList<>(accounts.size());
        List<Reclaim> reclaims = new ArrayList<>();
        long day = today.toEpochDay();
        for (PoolAccount account : accounts) {
            PoolPolicy policy = snapshot.policies().get(account.poolId());
            if (policy == null) {
                throw new IllegalArgumentException("pool " + account.poolId() + " has no policy");
            }
            Set<ReclaimReason> reasons = reasons(account, policy, day);
            if (reasons.isEmpty()) {
                after.add(account);
            } else {
                after.add(account.backInPool(today, policy.cooldownDays()));
                reclaims.add(new Reclaim(account.accountId(), account.poolId(), account.owner().orElseThrow(), reasons));
            }
        }
        return new Result(new Snapshot(snapshot.policies(), after), reclaims);
    }

    /** The rules an account breaks on the day (epoch day); empty when it stays with its holder. */
    static Set<ReclaimReason> reasons(PoolAccount account, PoolPolicy policy, long day) {
        if (account.owner().isEmpty()) {
            return Set.of();
        }
        long held = account.heldSince().orElseThrow().toEpochDay();
        Set<ReclaimReason> reasons = EnumSet.noneOf(ReclaimReason.class);
        if (account.protectedUntil().isPresent()) {
            if (day > account.protectedUntil().get().toEpochDay()) {
                reasons.add(ReclaimReason.PROTECTION_EXPIRED);
            } else {
                return reasons;
            }
        }
        if (policy.followUpDays() > 0 && day - latest(held, account.lastFollowUp()) >= policy.followUpDays()) {
            reasons.add(ReclaimReason.NO_FOLLOW_UP);
        }
        if (policy.noDealDays() > 0 && day - latest(held, account.lastDeal()) >= policy.noDealDays()) {
            reasons.add(ReclaimReason.NO_DEAL);
        }
        return reasons;
    }

    private static long latest(long held, Optional<LocalDate> fact) {
        return fact.isPresent() ? Math.max(held, fact.get().toEpochDay()) : held;
    }
}
