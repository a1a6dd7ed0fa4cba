package dev.saleskernel.persistence.spi;

import java.util.Optional;

/**
 * The one storage port a host implements: versioned JSON records with atomic, idempotent,
 * compare-and-swap commits that also carry outbox messages.
 *
 * <p>Implementations MUST be safe for concurrent use by many threads, and concurrent commits
 * MUST NOT lose an update: of two commits expecting the same version of a key, at most one
 * succeeds (<b>RS-10.1</b>). A failing backend is reported by throwing
 * {@link StoreUnavailableException} and by nothing else; a conflict is a value, never an
 * exception. Arguments are validated by the SPI's own records, so a store receives only
 * well-formed keys, writes and queries.
 *
 * @see OutboxStore
 */
public interface RecordStore {

    /** The version of this SPI; a store returns this constant from {@link #spiVersion()}. */
    int SPI_VERSION = 1;

    /**
     * The SPI version this store implements. The core refuses, at wiring time, a store whose
     * version it does not support.
     */
    int spiVersion();

    /**
     * The current version of one record.
     *
     * @return the record, or empty if it was never created (<b>RS-1.1</b>)
     * @throws StoreUnavailableException if the backend cannot answer
     */
    Optional<StoredRecord> load(RecordKey key);

    /**
     * Applies a commit atomically: every write (each a compare-and-swap on its expected version)
     * and every outbox message, or nothing (<b>RS-4.1</b>).
     *
     * @return {@link CommitOutcome.Committed} with each key's new version, or
     *         {@link CommitOutcome.Conflict} naming every stale key, in which case nothing was
     *         written (<b>RS-3.2</b>, <b>RS-4.2</b>); a replayed commit id returns the first
     *         outcome's versions and writes nothing (<b>RS-5.1</b>)
     * @throws StoreUnavailableException if the backend fails; then nothing of the commit may be
     *                                   visible (<b>RS-4.4</b>)
     */
    CommitOutcome commit(Commit commit);

    /**
     * One page of the records matching a query, in the order {@link RecordQuery} defines.
     *
     * @throws IllegalArgumentException  if the cursor was not produced by this store for this query
     * @throws StoreUnavailableException if the backend cannot answer
     */
    RecordPage query(RecordQuery query);
}
