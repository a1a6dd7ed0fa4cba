package dev.saleskernel.persistence.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An atomic unit of writes and outbox messages for one tenant.
 *
 * <p>A store MUST apply every write and record every outbox message, or none of them
 * (<b>RS-4.1</b>). The {@code commitId} is an idempotency key scoped to the tenant: once a commit
 * with that id has succeeded, committing the same id again MUST change nothing and MUST report
 * {@link CommitOutcome.Committed} with the versions of the first success (<b>RS-5.1</b>), whatever
 * the second commit carries. A commit that ends in a conflict MUST NOT consume its id
 * (<b>RS-5.3</b>).
 *
 * @param tenantId the tenant of every write and message
 * @param commitId the idempotency key, 1–200 characters from {@code [A-Za-z0-9._:@-]}
 * @param writes   at least one write, or at least one message; no key twice
 * @param outbox   messages to publish with the writes
 */
public record Commit(String tenantId, String commitId, List<Write> writes, List<OutboxMessage> outbox) {

    /** The most writes one commit may carry. */
    public static final int MAX_WRITES = 1_000;

    public Commit {
        Names.identifier(tenantId, "tenantId");
        Names.identifier(commitId, "commitId");
        writes = List.copyOf(Objects.requireNonNull(writes, "writes"));
        outbox = List.copyOf(Objects.requireNonNull(outbox, "outbox"));
        if (writes.isEmpty() && outbox.isEmpty()) {
            throw new IllegalArgumentException("a commit carries at least one write or outbox message");
        }
        if (writes.size() > MAX_WRITES) {
            throw new IllegalArgumentException("at most " + MAX_WRITES + " writes per commit, got " + writes.size());
        }
        // the sets that find repeats are only made when there can be one (a one-write commit is the common case)
        Set<RecordKey> seen = writes.size() > 1 ? new HashSet<>() : null;
        for (Write write : writes) {
            if (!write.key().tenantId().equals(tenantId)) {
                throw new IllegalArgumentException("write " + write.key() + " is not for tenant " + tenantId);
            }
            if (seen != null && !seen.add(write.key())) {
                throw new IllegalArgumentException("key " + write.key() + " is written twice in one commit");
            }
        }
        Set<String> messageIds = outbox.size() > 1 ? new HashSet<>() : null;
        for (OutboxMessage message : outbox) {
            if (!message.tenantId().equals(tenantId)) {
                throw new IllegalArgumentException("outbox message " + message.messageId() + " is not for tenant " + tenantId);
            }
            if (messageIds != null && !messageIds.add(message.messageId())) {
                throw new IllegalArgumentException("outbox message id " + message.messageId() + " appears twice in one commit");
            }
        }
    }
}
