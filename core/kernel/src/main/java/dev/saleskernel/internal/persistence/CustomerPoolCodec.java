package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.customer.CustomerPool;
import dev.saleskernel.customer.PoolAccount;
import dev.saleskernel.customer.PoolEvents;
import dev.saleskernel.customer.PoolPolicy;
import dev.saleskernel.customer.ReclaimReason;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.persistence.spi.IndexValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Schema version 1 of the {@code customer-pool} record (one pool with its accounts), and the
 * payloads of the pool events. Index field: {@code dimension} (e.g. {@code region:east}).
 */
public final class CustomerPoolCodec extends DocumentCodec<CustomerPool, CustomerPoolCodec.PoolDocument> {

    public static final String RECORD_TYPE = "customer-pool";

    public record PolicyDocument(@JsonProperty("perPoolCap") int perPoolCap, @JsonProperty("globalCap") int globalCap,
                                 @JsonProperty("followUpDays") int followUpDays, @JsonProperty("noDealDays") int noDealDays,
                                 @JsonProperty("protectionDays") int protectionDays,
                                 @JsonProperty("cooldownDays") int cooldownDays) {
    }

    public record EntryDocument(@JsonProperty("accountId") String accountId, @JsonProperty("owner") String owner,
                                @JsonProperty("heldSince") String heldSince, @JsonProperty("lastFollowUp") String lastFollowUp,
                                @JsonProperty("lastDeal") String lastDeal, @JsonProperty("protectedUntil") String protectedUntil,
                                @JsonProperty("cooldownRep") String cooldownRep,
                                @JsonProperty("cooldownUntil") String cooldownUntil) {
    }

    public record PoolDocument(@JsonProperty("poolId") String poolId, @JsonProperty("dimension") String dimension,
                               @JsonProperty("policy") PolicyDocument policy,
                               @JsonProperty("accounts") List<EntryDocument> accounts) {
    }

    public CustomerPoolCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, PoolDocument.class, List.of());
    }

    @Override
    public String recordId(CustomerPool pool) {
        return pool.poolId();
    }

    @Override
    public Map<String, IndexValue> indexes(CustomerPool pool) {
        return Map.of("dimension", IndexValue.text(pool.dimension()));
    }

    @Override
    protected PoolDocument toDocument(CustomerPool pool) {
        PoolPolicy p = pool.policy();
        return new PoolDocument(pool.poolId(), pool.dimension(), new PolicyDocument(p.perPoolCap(), p.globalCap(),
                p.followUpDays(), p.noDealDays(), p.protectionDays(), p.cooldownDays()),
                pool.accounts().values().stream().map(a -> new EntryDocument(a.accountId(), a.owner().orElse(null),
                        text(a.heldSince()), text(a.lastFollowUp()), text(a.lastDeal()), text(a.protectedUntil()),
                        a.cooldown().map(PoolAccount.Cooldown::rep).orElse(null),
                        a.cooldown().map(c -> c.until().toString()).orElse(null))).toList());
    }

    @Override
    protected CustomerPool fromDocument(PoolDocument d) {
        PolicyDocument p = d.policy();
        Map<String, PoolAccount> accounts = new TreeMap<>();
        for (EntryDocument e : d.accounts()) {
            accounts.put(e.accountId(), new PoolAccount(e.accountId(), d.poolId(), Optional.ofNullable(e.owner()),
                    day(e.heldSince()), day(e.lastFollowUp()), day(e.lastDeal()), day(e.protectedUntil()),
                    Optional.ofNullable(e.cooldownRep()).map(rep -> new PoolAccount.Cooldown(rep, LocalDate.parse(e.cooldownUntil())))));
        }
        return new CustomerPool(d.poolId(), d.dimension(), new PoolPolicy(p.perPoolCap(), p.globalCap(), p.followUpDays(),
                p.noDealDays(), p.protectionDays(), p.cooldownDays()), accounts);
    }

    private static String text(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse(null);
    }

    private static Optional<LocalDate> day(String text) {
        return Optional.ofNullable(text).map(LocalDate::parse);
    }

    /** Registers the payloads of the pool events ({@code customer.pool-<event>}). */
    public static EventCodec registerEvents(EventCodec events) {
        record Entry(@JsonProperty("poolId") String poolId, @JsonProperty("rep") String rep,
                     @JsonProperty("reason") String reason, @JsonProperty("reasons") List<String> reasons,
                     @JsonProperty("day") String day) {
        }
        record Opened(@JsonProperty("poolId") String poolId, @JsonProperty("dimension") String dimension,
                      @JsonProperty("policy") PolicyDocument policy) {
        }
        return events
                .register(PoolEvents.PoolOpened.class, "customer.pool-opened", e -> new Opened(e.poolId(), e.dimension(),
                        new PolicyDocument(e.policy().perPoolCap(), e.policy().globalCap(), e.policy().followUpDays(),
                                e.policy().noDealDays(), e.policy().protectionDays(), e.policy().cooldownDays())))
                .register(PoolEvents.AccountAddedToPool.class, "customer.pool-account-added",
                        e -> new Entry(e.poolId(), null, null, null, null))
                .register(PoolEvents.AccountClaimed.class, "customer.pool-account-claimed",
                        e -> new Entry(e.poolId(), e.rep(), null, null, null))
                .register(PoolEvents.AccountAssigned.class, "customer.pool-account-assigned",
                        e -> new Entry(e.poolId(), e.rep(), null, null, null))
                .register(PoolEvents.AccountReturned.class, "customer.pool-account-returned",
                        e -> new Entry(e.poolId(), e.rep(), e.reason(), null, null))
                .register(PoolEvents.AccountReclaimed.class, "customer.pool-account-reclaimed",
                        e -> new Entry(e.poolId(), e.formerOwner(), null,
                                e.reasons().stream().map(ReclaimReason::name).sorted().toList(), null))
                .register(PoolEvents.FollowUpRecorded.class, "customer.pool-follow-up-recorded",
                        e -> new Entry(e.poolId(), null, null, null, e.day().toString()))
                .register(PoolEvents.DealWonRecorded.class, "customer.pool-deal-won-recorded",
                        e -> new Entry(e.poolId(), null, null, null, e.day().toString()));
    }
}
