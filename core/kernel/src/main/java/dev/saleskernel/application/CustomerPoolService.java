package dev.saleskernel.application;

import dev.saleskernel.customer.CustomerPool;
import dev.saleskernel.customer.PoolEvents;
import dev.saleskernel.customer.PoolPolicy;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Use cases of customer pools (公海). Each command is authorised, idempotent by command id, and
 * commits the pool with its events or changes nothing. "Today" is the UTC date of the command's
 * time; the sweep takes its day explicitly so a scheduler can replay a missed day.
 */
public final class CustomerPoolService {
    public static final String OPEN = "customer.open-pool";
    public static final String ADD = "customer.pool-add";
    public static final String CLAIM = "customer.pool-claim";
    public static final String ASSIGN = "customer.pool-assign";
    public static final String GIVE_BACK = "customer.pool-give-back";
    public static final String RECORD_ACTIVITY = "customer.pool-record-activity";
    public static final String SWEEP = "customer.pool-sweep";

    private final CommandRunner runner;
    private final Repository<CustomerPool> pools;

    CustomerPoolService(CommandRunner runner, Repository<CustomerPool> pools) {
        this.runner = runner;
        this.pools = pools;
    }

    /** Opens an empty pool; {@code dimension} says what it groups, e.g. {@code region:east}. */
    public Either<Rejected, Executed<CustomerPool>> open(CommandContext context, String poolId, String dimension,
                                                        PoolPolicy policy) {
        if (!Ids.isValid(poolId)) {
            return Either.left(AccountService.badId(pools.recordType(), poolId));
        }
        return runner.run(context, OPEN, pools, poolId, (current, at) -> current.isPresent()
                ? Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "customer-pool:" + poolId, "poolId",
                "a pool with this id exists already")))
                : Either.right(Change.of(CustomerPool.open(poolId, dimension, policy),
                new PoolEvents.PoolOpened(poolId, dimension, policy, context.actor(), at))));
    }

    public Either<Rejected, Executed<CustomerPool>> add(CommandContext context, String poolId, String accountId) {
        return on(context, ADD, poolId, (p, at) -> p.add(accountId, context.actor(), at));
    }

    /** A rep claims an unheld account; both caps (this pool, and all pools together) are checked. */
    public Either<Rejected, Executed<CustomerPool>> claim(CommandContext context, String poolId, String accountId, String rep) {
        return on(context, CLAIM, poolId, (p, at) -> {
            int everywhere = pools.all(context.tenant()).stream()
                    .mapToInt(other -> other.poolId().equals(poolId) ? p.holdingsOf(rep) : other.holdingsOf(rep)).sum();
            return p.claim(accountId, rep, everywhere, AccountService.day(at), context.actor(), at);
        });
    }

    /** An admin assigns an account; caps and cooldown do not apply. */
    public Either<Rejected, Executed<CustomerPool>> assign(CommandContext context, String poolId, String accountId, String rep) {
        return on(context, ASSIGN, poolId, (p, at) -> p.assign(accountId, rep, AccountService.day(at), context.actor(), at));
    }

    public Either<Rejected, Executed<CustomerPool>> giveBack(CommandContext context, String poolId, String accountId,
                                                            String rep, String reason) {
        return on(context, GIVE_BACK, poolId, (p, at) -> p.giveBack(accountId, rep, reason, AccountService.day(at),
                context.actor(), at));
    }

    public Either<Rejected, Executed<CustomerPool>> recordFollowUp(CommandContext context, String poolId, String accountId,
                                                                  LocalDate day) {
        return on(context, RECORD_ACTIVITY, poolId, (p, at) -> p.recordFollowUp(accountId, day, context.actor(), at));
    }

    public Either<Rejected, Executed<CustomerPool>> recordDealWon(CommandContext context, String poolId, String accountId,
                                                                 LocalDate day) {
        return on(context, RECORD_ACTIVITY, poolId, (p, at) -> p.recordDealWon(accountId, day, context.actor(), at));
    }

    /** The reclaim sweep of {@code today}; the same day again changes nothing. */
    public Either<Rejected, Executed<CustomerPool>> sweep(CommandContext context, String poolId, LocalDate today) {
        return on(context, SWEEP, poolId, (p, at) -> Either.right(p.sweep(today, context.actor(), at)));
    }

    public Optional<CustomerPool> find(TenantId tenant, String poolId) {
        return Ids.isValid(poolId) ? pools.load(tenant, poolId).map(Loaded::state) : Optional.empty();
    }

    public List<CustomerPool> all(TenantId tenant) {
        return pools.all(tenant);
    }

    private Either<Rejected, Executed<CustomerPool>> on(CommandContext context, String action, String poolId,
                                                        BiFunction<CustomerPool, Instant, Either<Rejected, Change<CustomerPool>>> command) {
        if (!Ids.isValid(poolId)) {
            return Either.left(AccountService.badId(pools.recordType(), poolId));
        }
        return runner.run(context, action, pools, poolId, (current, at) -> current
                .map(p -> command.apply(p, at))
                .orElseGet(() -> Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "customer-pool:" + poolId,
                        "poolId", "no such pool in this tenant")))));
    }
}
