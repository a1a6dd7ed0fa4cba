package dev.saleskernel.persistence.spi;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The consuming side of the outbox that {@link RecordStore#commit(Commit)} fills. Delivery is
 * at least once: a consumer claims messages under a lease, publishes them, then acknowledges
 * them; messages whose lease runs out unacknowledged are claimed again.
 *
 * <p>Implementations MUST be safe for concurrent use by several consumers, possibly in several
 * processes: while a lease holds, no other claim returns the message (<b>OB-2.1</b>).
 */
public interface OutboxStore {

    /**
     * Leases up to {@code max} unacknowledged messages of one tenant that are not under a live
     * lease, oldest first by sequence (<b>OB-1.1</b>). Each returned message is leased for
     * {@code lease} from the store's now; when that passes without an acknowledgement, a later
     * claim returns it again with {@code attempt + 1} (<b>OB-3.1</b>).
     *
     * @param tenantId the tenant whose outbox is drained; other tenants' messages are never returned (<b>OB-5.1</b>)
     * @param max      1 to 1,000 (<b>OB-1.3</b>)
     * @param lease    positive
     * @throws StoreUnavailableException if the backend cannot answer
     */
    List<ClaimedMessage> claim(String tenantId, int max, Duration lease);

    /**
     * Removes delivered messages for good: they are never claimed again (<b>OB-4.1</b>).
     * Acknowledging an unknown or already acknowledged id is a no-op (<b>OB-4.2</b>), as is an id
     * of another tenant (<b>OB-5.2</b>).
     *
     * @throws StoreUnavailableException if the backend cannot answer
     */
    void acknowledge(String tenantId, Collection<String> messageIds);
}
