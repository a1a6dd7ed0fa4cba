package dev.saleskernel.persistence.tck;

import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.OutboxStore;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.persistence.spi.Write;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The simplest store that could work, for model-based testing: single-threaded, a hash map of
 * records, a list as the outbox, full scans and offset cursors, time frozen so leases never end.
 */
final class MapModelStore implements RecordStore, OutboxStore {

    private final Map<RecordKey, StoredRecord> records = new HashMap<>();
    private final Map<List<String>, CommitOutcome.Committed> commits = new HashMap<>();
    private final List<ClaimedMessage> outbox = new ArrayList<>();
    private final Set<String> leased = new TreeSet<>();
    private long sequence;

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public Optional<StoredRecord> load(RecordKey key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public CommitOutcome commit(Commit commit) {
        List<String> id = List.of(commit.tenantId(), commit.commitId());
        if (commits.containsKey(id)) {
            return commits.get(id);
        }
        Set<RecordKey> stale = commit.writes().stream()
                .filter(w -> load(w.key()).map(StoredRecord::version).orElse(0L) != w.expectedVersion())
                .map(Write::key).collect(Collectors.toSet());
        if (!stale.isEmpty()) {
            return new CommitOutcome.Conflict(stale);
        }
        Map<RecordKey, Long> versions = new HashMap<>();
        for (Write w : commit.writes()) {
            records.put(w.key(), new StoredRecord(w.key(), w.expectedVersion() + 1, w.schemaVersion(), w.json(), w.indexes(), Instant.EPOCH));
            versions.put(w.key(), w.expectedVersion() + 1);
        }
        for (OutboxMessage message : commit.outbox()) {
            outbox.add(new ClaimedMessage(message, ++sequence, 1, Instant.MAX));
        }
        commits.put(id, new CommitOutcome.Committed(versions));
        return commits.get(id);
    }

    @Override
    public RecordPage query(RecordQuery query) {
        List<StoredRecord> matching = records.values().stream()
                .filter(r -> r.key().tenantId().equals(query.tenantId()) && r.key().recordType().equals(query.recordType()))
                .filter(r -> query.equalTo().entrySet().stream().allMatch(e -> e.getValue().equals(r.indexes().get(e.getKey()))))
                .filter(r -> query.range().map(range -> inRange(r.indexes().get(range.index()), range)).orElse(true))
                .sorted(Comparator.comparing((StoredRecord r) -> query.range().map(range -> number(r.indexes().get(range.index()))).orElse(0L))
                        .thenComparing(r -> r.key().recordId()))
                .collect(Collectors.toList());
        int from = query.cursor().map(Integer::parseInt).orElse(0);
        int to = Math.min(from + query.limit(), matching.size());
        return new RecordPage(matching.subList(from, to), to < matching.size() ? Optional.of(String.valueOf(to)) : Optional.empty());
    }

    private static boolean inRange(IndexValue value, RecordQuery.Range range) {
        if (!(value instanceof IndexValue.Whole || value instanceof IndexValue.Moment)) {
            return false;
        }
        boolean sameKinds = range.fromInclusive().map(b -> b.getClass() == value.getClass()).orElse(true)
                && range.toExclusive().map(b -> b.getClass() == value.getClass()).orElse(true);
        return sameKinds
                && range.fromInclusive().map(b -> number(value) >= number(b)).orElse(true)
                && range.toExclusive().map(b -> number(value) < number(b)).orElse(true);
    }

    /** Wholes as they are, moments as microseconds since the epoch (the generated ones are far from overflow). */
    private static long number(IndexValue value) {
        if (value instanceof IndexValue.Whole whole) {
            return whole.value();
        }
        Instant at = ((IndexValue.Moment) value).value();
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    @Override
    public List<ClaimedMessage> claim(String tenantId, int max, Duration lease) {
        List<ClaimedMessage> claimed = outbox.stream()
                .filter(c -> c.message().tenantId().equals(tenantId) && !leased.contains(c.message().messageId()))
                .limit(max).collect(Collectors.toList());
        claimed.forEach(c -> leased.add(c.message().messageId()));
        return claimed;
    }

    @Override
    public void acknowledge(String tenantId, Collection<String> messageIds) {
        outbox.removeIf(c -> c.message().tenantId().equals(tenantId) && messageIds.contains(c.message().messageId()));
    }
}
