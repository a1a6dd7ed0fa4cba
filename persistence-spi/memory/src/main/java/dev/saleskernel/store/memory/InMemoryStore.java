package dev.saleskernel.store.memory;

import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.OutboxStore;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoredRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The embedded default store for single-process hosts and tests: a thread-safe
 * {@link RecordStore} and {@link OutboxStore} held in memory. It has <b>no durability</b>:
 * every record, commit id and outbox message is lost when the process ends, so a host that
 * needs its data tomorrow wires a durable adapter instead.
 *
 * <p>It honours every clause of the SPI and passes the TCK ({@code RecordStoreContract}), which
 * also uses it as the reference for its differential test. Each tenant has its own lock: commits,
 * queries and claims of one tenant are serialised, different tenants never wait for each other.
 *
 * <ul>
 *   <li>{@code writtenAt} and lease ends come from the {@link Clock} given to the constructor,
 *       truncated to microseconds.</li>
 *   <li>Query cursors encode the position after the last returned record (its range value and
 *       record id), so records created or updated between pages cause neither duplicates nor
 *       gaps among the records that match throughout (RS-7.6).</li>
 *   <li>Outbox sequences count from 1 per tenant, in commit order. An outbox message id that is
 *       already waiting in the tenant's outbox is refused with {@link IllegalArgumentException}
 *       before anything is written.</li>
 *   <li>{@link #claim} refuses a {@code max} outside 1 to 1,000 and a lease that is not positive
 *       with {@link IllegalArgumentException}.</li>
 * </ul>
 */
public final class InMemoryStore implements RecordStore, OutboxStore {

    static final int MAX_CLAIM = 1_000;

    private final Clock clock;
    private final Consumer<RecordKey> afterEachWrite;
    private final ConcurrentMap<String, TenantState> tenants = new ConcurrentHashMap<>();

    /** A store on the system UTC clock. */
    public InMemoryStore() {
        this(Clock.systemUTC());
    }

    /** A store that takes {@code writtenAt} and lease times from {@code clock}. */
    public InMemoryStore(Clock clock) {
        this(clock, key -> {
        });
    }

    private InMemoryStore(Clock clock, Consumer<RecordKey> afterEachWrite) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.afterEachWrite = Objects.requireNonNull(afterEachWrite, "afterEachWrite");
    }

    /**
     * A store for failure-injection tests (TCK clause RS-4.4). Inside a commit, after each write
     * is applied and before the next, {@code afterEachWrite} sees the written key. If it throws,
     * the commit is rolled back completely (records, outbox messages and commit id) and the
     * failure surfaces as a {@link dev.saleskernel.persistence.spi.StoreUnavailableException} carrying it as
     * the cause.
     *
     * @param clock          the store's clock
     * @param afterEachWrite called under the tenant's lock; must not call back into the store
     * @return a new, empty store
     */
    public static InMemoryStore withWriteObserver(Clock clock, Consumer<RecordKey> afterEachWrite) {
        return new InMemoryStore(clock, afterEachWrite);
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public Optional<StoredRecord> load(RecordKey key) {
        Objects.requireNonNull(key, "key");
        TenantState tenant = tenants.get(key.tenantId());
        return tenant == null ? Optional.empty() : tenant.load(key);
    }

    @Override
    public CommitOutcome commit(Commit commit) {
        Objects.requireNonNull(commit, "commit");
        TenantState tenant = tenants.computeIfAbsent(commit.tenantId(), id -> new TenantState());
        return tenant.commit(commit, () -> clock.instant().truncatedTo(ChronoUnit.MICROS), afterEachWrite);
    }

    @Override
    public RecordPage query(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        Optional<QueryCursor> after = query.cursor().map(cursor -> QueryCursor.decode(cursor, query));
        TenantState tenant = tenants.get(query.tenantId());
        return tenant == null ? new RecordPage(List.of(), Optional.empty()) : tenant.query(query, after);
    }

    @Override
    public List<ClaimedMessage> claim(String tenantId, int max, Duration lease) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(lease, "lease");
        if (max < 1 || max > MAX_CLAIM) {
            throw new IllegalArgumentException("max must be 1.." + MAX_CLAIM + ", got " + max);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
        TenantState tenant = tenants.get(tenantId);
        if (tenant == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return tenant.claim(max, now, now.plus(lease).truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public void acknowledge(String tenantId, Collection<String> messageIds) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(messageIds, "messageIds");
        TenantState tenant = tenants.get(tenantId);
        if (tenant != null) {
            tenant.acknowledge(messageIds);
        }
    }
}
