package dev.saleskernel.customer;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One customer pool (公海), e.g. per region or industry: the accounts it owns, who holds them,
 * and its {@link PoolPolicy}. Immutable; every command returns the new pool and its events.
 *
 * <p>A rep {@linkplain #claim claims} an unheld account (subject to both caps and the cooldown),
 * an admin {@linkplain #assign assigns} one (caps do not apply), a holder
 * {@linkplain #giveBack returns} one with a reason, and the daily {@linkplain #sweep sweep}
 * reclaims accounts that broke a reclaim rule.
 */
public record CustomerPool(String poolId, String dimension, PoolPolicy policy, Map<String, PoolAccount> accounts) {

    public CustomerPool {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(policy, "policy");
        accounts = java.util.Collections.unmodifiableMap(new TreeMap<>(accounts));
    }

    /** A new, empty pool; {@code dimension} says what it groups, e.g. {@code region:east}. */
    public static CustomerPool open(String poolId, String dimension, PoolPolicy policy) {
        return new CustomerPool(poolId, dimension, policy, Map.of());
    }

    private String subject(String accountId) {
        return "pool:" + poolId + "/account:" + accountId;
    }

    /** How many accounts of this pool the rep holds. */
    public int holdingsOf(String rep) {
        return (int) accounts.values().stream().filter(a -> a.isHeldBy(rep)).count();
    }

    /** Puts an account in the pool, unheld. */
    public Either<Rejected, Change<CustomerPool>> add(String accountId, ActorId actor, Instant at) {
        return Checks.start()
                .require(!accounts.containsKey(accountId), () -> Rejection.of(CustomerRejection.ALREADY_IN_POOL,
                        subject(accountId), "accountId", "the account is in the pool already"))
                .thenRight(() -> Change.of(with(PoolAccount.unowned(accountId, poolId)),
                        new PoolEvents.AccountAddedToPool(poolId, accountId, actor, at)));
    }

    /**
     * A rep claims an unheld account. {@code holdingsInAllPools} is what the rep holds across every
     * pool now (this one included); both caps are checked and every broken rule is reported.
     */
    public Either<Rejected, Change<CustomerPool>> claim(String accountId, String rep, int holdingsInAllPools,
                                                        LocalDate today, ActorId actor, Instant at) {
        PoolAccount account = accounts.get(accountId);
        if (account == null) {
            return Either.left(notInPool(accountId));
        }
        int here = holdingsOf(rep);
        return Checks.start()
                .require(!account.isHeld(), () -> Rejection.of(CustomerRejection.ALREADY_HELD, subject(accountId), "owner",
                        "the account is held by " + account.owner().orElse("")))
                .require(account.cooldown().isEmpty() || !account.cooldown().get().blocks(rep, today), () ->
                        Rejection.of(CustomerRejection.IN_COOLDOWN, subject(accountId), "cooldown",
                                "the rep may not claim this account again yet")
                                .withEvidence("until", account.cooldown().orElseThrow().until()))
                .require(here < policy.perPoolCap(), () -> Rejection.of(CustomerRejection.POOL_CAP_REACHED,
                        subject(accountId), "rep", "the rep holds as many accounts of this pool as allowed")
                        .withEvidence("held", here).withEvidence("cap", policy.perPoolCap()))
                .require(holdingsInAllPools < policy.globalCap(), () -> Rejection.of(CustomerRejection.GLOBAL_CAP_REACHED,
                        subject(accountId), "rep", "the rep holds as many accounts as allowed across all pools")
                        .withEvidence("held", holdingsInAllPools).withEvidence("cap", policy.globalCap()))
                .thenRight(() -> Change.of(with(account.heldBy(rep, today, policy.protectionDays())),
                        new PoolEvents.AccountClaimed(poolId, accountId, rep, actor, at)));
    }

    /** An admin gives an account to a rep; caps and cooldown do not apply to an admin's decision. */
    public Either<Rejected, Change<CustomerPool>> assign(String accountId, String rep, LocalDate today, ActorId actor, Instant at) {
        PoolAccount account = accounts.get(accountId);
        if (account == null) {
            return Either.left(notInPool(accountId));
        }
        return Checks.start()
                .require(!account.isHeldBy(rep), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject(accountId), "rep",
                        "the rep holds the account already"))
                .thenRight(() -> Change.of(with(account.heldBy(rep, today, policy.protectionDays())),
                        new PoolEvents.AccountAssigned(poolId, accountId, rep, actor, at)));
    }

    /** The holder returns an account to the pool with a reason; the cooldown then applies to them. */
    public Either<Rejected, Change<CustomerPool>> giveBack(String accountId, String rep, String reason, LocalDate today,
                                                           ActorId actor, Instant at) {
        PoolAccount account = accounts.get(accountId);
        if (account == null) {
            return Either.left(notInPool(accountId));
        }
        return Checks.start()
                .require(account.isHeldBy(rep), () -> Rejection.of(CustomerRejection.NOT_HELD_BY_REP, subject(accountId),
                        "rep", "only the holder can return an account"))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(accountId), "reason",
                        "returning an account needs a reason"))
                .thenRight(() -> Change.of(with(account.backInPool(today, policy.cooldownDays())),
                        new PoolEvents.AccountReturned(poolId, accountId, rep, reason, actor, at)));
    }

    /** Records a qualifying follow-up (visit, call, meeting) on the day; later days win; an earlier day changes nothing. */
    public Either<Rejected, Change<CustomerPool>> recordFollowUp(String accountId, LocalDate day, ActorId actor, Instant at) {
        PoolAccount account = accounts.get(accountId);
        if (account == null) {
            return Either.left(notInPool(accountId));
        }
        PoolAccount next = account.followedUpOn(day);
        return Either.right(next.equals(account) ? Change.none(this)
                : Change.of(with(next), new PoolEvents.FollowUpRecorded(poolId, accountId, day, actor, at)));
    }

    /** Records a won deal on the day; it lifts the claim protection limit. */
    public Either<Rejected, Change<CustomerPool>> recordDealWon(String accountId, LocalDate day, ActorId actor, Instant at) {
        PoolAccount account = accounts.get(accountId);
        if (account == null) {
            return Either.left(notInPool(accountId));
        }
        PoolAccount next = account.dealWonOn(day);
        return Either.right(next.equals(account) ? Change.none(this)
                : Change.of(with(next), new PoolEvents.DealWonRecorded(poolId, accountId, day, actor, at)));
    }

    /** Runs the reclaim sweep of {@code today}; running it again the same day changes nothing. */
    public Change<CustomerPool> sweep(LocalDate today, ActorId actor, Instant at) {
        PoolSweep.Result result = PoolSweep.sweep(new PoolSweep.Snapshot(Map.of(poolId, policy),
                new ArrayList<>(accounts.values())), today);
        if (result.reclaims().isEmpty()) {
            return Change.none(this);
        }
        Map<String, PoolAccount> after = new TreeMap<>();
        result.after().accounts().forEach(a -> after.put(a.accountId(), a));
        List<DomainEvent> events = new ArrayList<>();
        result.reclaims().forEach(r -> events.add(new PoolEvents.AccountReclaimed(poolId, r.accountId(), r.formerOwner(),
                r.reasons(), actor, at)));
        return new Change<>(new CustomerPool(poolId, dimension, policy, after), events);
    }

    private CustomerPool with(PoolAccount account) {
        Map<String, PoolAccount> next = new TreeMap<>(accounts);
        next.put(account.accountId(), account);
        return new CustomerPool(poolId, dimension, policy, next);
    }

    private Rejected notInPool(String accountId) {
        return Rejected.of(Rejection.of(CustomerRejection.NOT_IN_POOL, subject(accountId), "accountId",
                "the account is not in this pool"));
    }
}
