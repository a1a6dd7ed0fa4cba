package dev.saleskernel.store.memory;

import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.StoreUnavailableException;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.persistence.spi.Write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Everything one tenant owns, guarded by the instance's own monitor. */
final class TenantState {

    private final Map<String, NavigableMap<String, StoredRecord>> recordsByType = new HashMap<>();
    private final Map<String, CommitOutcome.Committed> commits = new HashMap<>();
    private final NavigableMap<Long, Pending> outbox = new TreeMap<>();
    private final Map<String, Long> sequenceByMessageId = new HashMap<>();
    private long lastSequence;

    private static final class Pending {
        final OutboxMessage message;
        final long sequence;
        int attempt;
        Instant leasedUntil;

        Pending(OutboxMessage message, long sequence) {
            this.message = message;
            this.sequence = sequence;
        }
    }

    synchronized Optional<StoredRecord> load(RecordKey key) {
        return Optional.ofNullable(existing(key.recordType()).get(key.recordId()));
    }

    synchronized CommitOutcome commit(Commit commit, Supplier<Instant> now, Consumer<RecordKey> afterEachWrite) {
        CommitOutcome.Committed earlier = commits.get(commit.commitId());
        if (earlier != null) {
            return earlier;
        }
        Set<RecordKey> stale = new TreeSet<>();
        for (Write write : commit.writes()) {
            StoredRecord current = existing(write.key().recordType()).get(write.key().recordId());
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != write.expectedVersion()) {
                stale.add(write.key());
            }
        }
        if (!stale.isEmpty()) {
            return new CommitOutcome.Conflict(stale);
        }
        for (OutboxMessage message : commit.outbox()) {
            if (sequenceByMessageId.containsKey(message.messageId())) {
                throw new IllegalArgumentException("outbox message id " + message.messageId() + " is already waiting in the outbox");
            }
        }
        Instant writtenAt = now.get();
        Map<RecordKey, StoredRecord> undo = new LinkedHashMap<>();
        Map<RecordKey, Long> newVersions = new HashMap<>();
        try {
            for (Write write : commit.writes()) {
                StoredRecord written = new StoredRecord(write.key(), write.expectedVersion() + 1, write.schemaVersion(),
                        write.json(), write.indexes(), writtenAt);
                undo.put(write.key(), records(write.key().recordType()).put(write.key().recordId(), written));
                newVersions.put(write.key(), written.version());
                afterEachWrite.accept(write.key());
            }
        } catch (RuntimeException e) {
            undo.forEach(this::restore);
            throw new StoreUnavailableException("commit " + commit.commitId() + " failed and was rolled back", e);
        }
        for (OutboxMessage message : commit.outbox()) {
            lastSequence++;
            outbox.put(lastSequence, new Pending(message, lastSequence));
            sequenceByMessageId.put(message.messageId(), lastSequence);
        }
        CommitOutcome.Committed committed = new CommitOutcome.Committed(newVersions);
        commits.put(commit.commitId(), committed);
        return committed;
    }

    private void restore(RecordKey key, StoredRecord previous) {
        if (previous == null) {
            records(key.recordType()).remove(key.recordId());
        } else {
            records(key.recordType()).put(key.recordId(), previous);
        }
    }

    RecordPage query(RecordQuery query, Optional<QueryCursor> after) {
        List<QueryCursor.Hit> hits = new ArrayList<>();
        synchronized (this) {
            for (StoredRecord candidate : existing(query.recordType()).values()) {
                QueryCursor.hit(query, candidate).ifPresent(hits::add);
            }
        }
        hits.sort(null);
        List<StoredRecord> page = new ArrayList<>();
        QueryCursor.Hit last = null;
        boolean more = false;
        for (QueryCursor.Hit hit : hits) {
            if (after.isPresent() && !after.get().isBefore(hit)) {
                continue;
            }
            if (page.size() == query.limit()) {
                more = true;
                break;
            }
            page.add(hit.record());
            last = hit;
        }
        Optional<String> next = more ? Optional.of(QueryCursor.after(last, query).encode()) : Optional.empty();
        return new RecordPage(page, next);
    }

    synchronized List<ClaimedMessage> claim(int max, Instant now, Instant leasedUntil) {
        List<ClaimedMessage> claimed = new ArrayList<>();
        for (Pending pending : outbox.values()) {
            if (claimed.size() == max) {
                break;
            }
            if (pending.leasedUntil != null && pending.leasedUntil.isAfter(now)) {
                continue;
            }
            pending.attempt++;
            pending.leasedUntil = leasedUntil;
            claimed.add(new ClaimedMessage(pending.message, pending.sequence, pending.attempt, leasedUntil));
        }
        return claimed;
    }

    synchronized void acknowledge(Collection<String> messageIds) {
        for (String messageId : messageIds) {
            Long sequence = sequenceByMessageId.remove(messageId);
            if (sequence != null) {
                outbox.remove(sequence);
            }
        }
    }

    private Map<String, StoredRecord> existing(String recordType) {
        return recordsByType.getOrDefault(recordType, Collections.emptyNavigableMap());
    }

    private NavigableMap<String, StoredRecord> records(String recordType) {
        return recordsByType.computeIfAbsent(recordType, type -> new TreeMap<>());
    }
}
