package dev.saleskernel.application;

import dev.saleskernel.customer.Account;
import dev.saleskernel.customer.CustomerPool;
import dev.saleskernel.customer.Handover;
import dev.saleskernel.customer.PoolAccount;
import dev.saleskernel.funnel.CreditSplit;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hands over everything a departing or moved rep owns — their accounts and open deals — by a
 * {@link Handover.Rule}, in ONE command committed as ONE commit (every account, deal and the pool,
 * with every event), or nothing. Idempotent by command id; on a version conflict the whole plan is
 * made again from fresh loads. The org structure (managers, teams on the effective date) is the
 * host's, passed in.
 *
 * <p>Deals: the rep's open opportunities get the new owner; in their credit splits the rep's share
 * passes to the new owner (merged if the new owner is on the team already), so splits still sum
 * to 100%. Under TO_POOL the accounts go back to the given pool ({@code pool:<id>} as owner; the
 * pool's holding is returned with the reason, so the cooldown applies to the rep).
 */
public final class HandoverService {
    public static final String HAND_OVER_REP = "customer.hand-over-rep";

    private final MultiRecordRunner runner;
    private final Repository<Account> accounts;
    private final Repository<Opportunity> opportunities;
    private final Repository<CustomerPool> pools;

    HandoverService(MultiRecordRunner runner, Repository<Account> accounts, Repository<Opportunity> opportunities,
                    Repository<CustomerPool> pools) {
        this.runner = runner;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.pools = pools;
    }

    /** What one handover changed. */
    public record Result(Handover.Plan plan, List<String> changedRecords, boolean replayed) {
    }

    /**
     * Reassigns every account (index {@code owner}) and open deal of {@code rep} from
     * {@code effective} by {@code rule}. {@code poolId} is required for {@link Handover.Rule#TO_POOL}.
     */
    public Either<Rejected, Result> handOverRep(CommandContext context, String rep, Handover.Rule rule, LocalDate effective,
                                                String reason, OrgStructure org, Optional<String> poolId) {
        String subject = "rep:" + rep;
        if (!Ids.isValid(rep)) {
            return Either.left(AccountService.badId("rep", rep));
        }
        if (reason.isBlank() || rule == Handover.Rule.TO_POOL && poolId.filter(Ids::isValid).isEmpty()) {
            List<Rejection> reasons = new ArrayList<>();
            if (reason.isBlank()) {
                reasons.add(Rejection.of(SharedRejection.REQUIRED, subject, "reason", "a handover needs a reason for the history"));
            }
            if (rule == Handover.Rule.TO_POOL && poolId.filter(Ids::isValid).isEmpty()) {
                reasons.add(Rejection.of(SharedRejection.REQUIRED, subject, "poolId", "handing back to the pool names a valid pool"));
            }
            return Either.left(new Rejected(reasons));
        }
        Handover.Plan[] planned = new Handover.Plan[1];
        Either<Rejected, MultiRecordRunner.Outcome> outcome = runner.run(context, HAND_OVER_REP, "handover",
                rep + "@" + effective, (session, at) -> {
                    List<Account> owned = session.where(accounts, "owner", IndexValue.text(rep), Account::id);
                    List<Opportunity> deals = session.where(opportunities, "owner", IndexValue.text(rep), Opportunity::id)
                            .stream().filter(o -> o.status() == StageKind.OPEN).toList();
                    Map<String, String> dealAccounts = new TreeMap<>();
                    deals.forEach(o -> dealAccounts.put(o.id(), o.accountId()));
                    Either<Rejected, Handover.Plan> plan = Handover.plan(rep, rule, effective,
                            owned.stream().map(Account::id).toList(), dealAccounts, org);
                    if (plan.isLeft()) {
                        return Either.left(plan.getLeft());
                    }
                    planned[0] = plan.get();
                    List<Rejection> refused = new ArrayList<>();
                    Optional<CustomerPool> pool = Optional.empty();
                    if (rule == Handover.Rule.TO_POOL) {
                        pool = session.load(pools, poolId.get());
                        if (pool.isEmpty()) {
                            return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "customer-pool:" + poolId.get(),
                                    "poolId", "no such pool in this tenant")));
                        }
                    }
                    CustomerPool poolNow = pool.orElse(null);
                    List<DomainEvent> poolEvents = new ArrayList<>();
                    for (Account account : owned) {
                        Optional<String> to = plan.get().accounts().get(account.id());
                        Either<Rejected, Change<Account>> moved = to.isPresent()
                                ? account.handOver(to.get(), effective, reason, context.actor(), at)
                                : account.returnToPool(poolId.orElseThrow(), effective, reason, context.actor(), at);
                        if (moved.isLeft()) {
                            refused.addAll(moved.getLeft().reasons());
                            continue;
                        }
                        session.stage(accounts, account.id(), moved.get());
                        if (poolNow != null) {
                            Either<Rejected, Change<CustomerPool>> back = backToPool(poolNow, account.id(), rep, reason,
                                    effective, context.actor(), at);
                            if (back.isLeft()) {
                                refused.addAll(back.getLeft().reasons());
                            } else {
                                poolNow = back.get().state();
                                poolEvents.addAll(back.get().events());
                            }
                        }
                    }
                    for (Opportunity deal : deals) {
                        String to = plan.get().deals().get(deal.id());
                        Either<Rejected, Change<Opportunity>> moved = deal.changeOwner(ActorId.of(to),
                                teamWith(deal.team(), rep, to), context.actor(), at);
                        if (moved.isLeft()) {
                            refused.addAll(moved.getLeft().reasons());
                        } else {
                            session.stage(opportunities, deal.id(), moved.get());
                        }
                    }
                    if (!refused.isEmpty()) {
                        return Either.left(new Rejected(refused));
                    }
                    if (poolNow != null && !poolEvents.isEmpty()) {
                        session.stage(pools, poolNow.poolId(), new Change<>(poolNow, List.copyOf(poolEvents)));
                    }
                    return Either.right(null);
                });
        return outcome.map(done -> new Result(planned[0], done.changedSubjects(), done.replayed()));
    }

    private static Either<Rejected, Change<CustomerPool>> backToPool(CustomerPool pool, String accountId, String rep,
                                                                     String reason, LocalDate day, ActorId actor,
                                                                     java.time.Instant at) {
        PoolAccount entry = pool.accounts().get(accountId);
        if (entry == null) {
            return pool.add(accountId, actor, at);
        }
        return entry.isHeldBy(rep) ? pool.giveBack(accountId, rep, reason, day, actor, at) : Either.right(Change.none(pool));
    }

    /** The deal team with the leaving rep's share passed to {@code to} (merged if already there). */
    static List<CreditSplit> teamWith(List<CreditSplit> team, String rep, String to) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (CreditSplit split : team) {
            String member = split.member().value().equals(rep) ? to : split.member().value();
            shares.merge(member, split.percent(), BigDecimal::add);
        }
        List<CreditSplit> result = new ArrayList<>();
        shares.forEach((member, percent) -> result.add(new CreditSplit(ActorId.of(member), percent)));
        return result;
    }
}
