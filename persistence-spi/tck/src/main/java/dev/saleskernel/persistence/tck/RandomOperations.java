package dev.saleskernel.persistence.tck;

import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.persistence.spi.Write;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.api.Pair.of;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Random sequences of store operations over a small pool of keys and commit ids, so that
 * conflicts, replays and index collisions are frequent, and the runner that applies one sequence
 * to two stores and demands identical observations (everything but {@code writtenAt}, cursors
 * and sequence numbers, which are the stores' own).
 */
final class RandomOperations {

    private static final List<String> TYPES = List.of("deal", "lead");
    private static final List<String> IDS = List.of("r0", "r1", "r2", "r3", "r4");
    private static final List<String> OWNERS = List.of("ann", "bob");
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00.000001Z");
    private static final Duration LEASE = Duration.ofHours(1);
    private static final int MAX_PAGES = 10_000;

    private RandomOperations() {
    }

    /** One step of a sequence. */
    sealed interface Operation permits Save, Load, Find, Drain {
    }

    /**
     * One write of a {@link Save}. {@code expected} is a literal expected version, or -1 for "the
     * version the reference store holds now"; {@code stage} 0 is absent, 1–4 a whole number, 5
     * the text {@code "3"}; {@code owner} and {@code minute} -1 are absent.
     */
    record Put(String type, String id, int expected, int schemaVersion, int payload, int owner, int stage, int minute) {
    }

    /** A commit of some puts (duplicate keys dropped) and {@code messages} outbox messages. */
    record Save(String commitId, List<Put> puts, int messages) implements Operation {
    }

    /** A load of one key. */
    record Load(String type, String id) implements Operation {
    }

    /** A query followed to its last page; {@code rangeOn} is "", "stage" or "at"; -1 bounds are absent. */
    record Find(String type, int owner, int stage, String rangeOn, int from, int to, int limit) implements Operation {
    }

    /** A claim of up to {@code max} messages under a long lease, then their acknowledgement. */
    record Drain(int max) implements Operation {
    }

    /** A record as compared between stores: everything but {@code writtenAt}, with canonical JSON. */
    record Seen(RecordKey key, long version, int schemaVersion, String json, Map<String, IndexValue> indexes) {
        static Seen of(StoredRecord record) {
            return new Seen(record.key(), record.version(), record.schemaVersion(), Json.canonical(record.json()), record.indexes());
        }
    }

    /** A claimed message as compared between stores: the message and its attempt, not its sequence. */
    record SeenMessage(String messageId, String eventType, String subjectType, String subjectId, String json,
                       Instant occurredAt, int attempt) {
        static SeenMessage of(ClaimedMessage claimed) {
            OutboxMessage m = claimed.message();
            return new SeenMessage(m.messageId(), m.eventType(), m.subjectType(), m.subjectId(), Json.canonical(m.json()),
                    m.occurredAt(), claimed.attempt());
        }
    }

    static Gen<List<Operation>> sequences() {
        return lists().of(operation()).ofSizeBetween(1, 25);
    }

    private static Gen<Operation> operation() {
        Gen<Operation> save = save();
        Gen<Operation> load = in -> new Load(pick(TYPES).generate(in), pick(IDS).generate(in));
        Gen<Operation> find = find();
        Gen<Operation> drain = in -> new Drain(range(1, 5).generate(in));
        return frequency(of(6, save), of(2, load), of(3, find), of(1, drain));
    }

    private static Gen<Operation> save() {
        Gen<Integer> expected = frequency(of(3, range(-1, -1)), of(2, range(0, 3)));
        Gen<Put> put = in -> new Put(pick(TYPES).generate(in), pick(IDS).generate(in), expected.generate(in),
                range(1, 3).generate(in), range(0, 99).generate(in), range(-1, 1).generate(in),
                range(0, 5).generate(in), range(-1, 4).generate(in));
        Gen<List<Put>> puts = lists().of(put).ofSizeBetween(0, 4);
        return in -> new Save("c" + range(0, 11).generate(in), puts.generate(in), range(0, 2).generate(in));
    }

    private static Gen<Operation> find() {
        Gen<Integer> stage = frequency(of(3, range(0, 0)), of(1, range(1, 5)));
        return in -> new Find(pick(TYPES).generate(in), range(-1, 1).generate(in), stage.generate(in),
                pick(List.of("", "stage", "at")).generate(in), range(-1, 4).generate(in), range(-1, 5).generate(in),
                range(1, 4).generate(in));
    }

    /**
     * Applies {@code operations} to {@code subject} and to {@code reference} in {@code tenantId},
     * step by step, and asserts that every step observes the same outcome in both.
     */
    static void assertSameObservations(List<Operation> operations, StoresUnderTest subject, String tenantId,
                                       StoresUnderTest reference) {
        for (int step = 0; step < operations.size(); step++) {
            Function<StoresUnderTest, Object> observe = prepare(operations.get(step), step, tenantId, reference);
            Object expected = observe.apply(reference);
            Object actual = observe.apply(subject);
            assertThat(actual).as("step %d of %s", step, operations).isEqualTo(expected);
        }
    }

    private static Function<StoresUnderTest, Object> prepare(Operation operation, int step, String tenantId,
                                                           StoresUnderTest reference) {
        if (operation instanceof Save save) {
            Commit commit = commit(save, step, tenantId, reference.records());
            return stores -> stores.records().commit(commit);
        }
        if (operation instanceof Load load) {
            RecordKey key = new RecordKey(tenantId, load.type(), load.id());
            return stores -> stores.records().load(key).map(Seen::of);
        }
        if (operation instanceof Find find) {
            RecordQuery query = query(find, tenantId);
            return stores -> pages(stores.records(), query).stream()
                    .flatMap(page -> page.records().stream()).map(Seen::of).collect(Collectors.toList());
        }
        Drain drain = (Drain) operation;
        return stores -> {
            List<ClaimedMessage> claimed = stores.outbox().claim(tenantId, drain.max(), LEASE);
            assertThat(claimed).extracting(ClaimedMessage::sequence).isSorted().doesNotHaveDuplicates();
            stores.outbox().acknowledge(tenantId, claimed.stream().map(c -> c.message().messageId()).collect(Collectors.toList()));
            return claimed.stream().map(SeenMessage::of).collect(Collectors.toList());
        };
    }

    private static Commit commit(Save save, int step, String tenantId, RecordStore reference) {
        Map<RecordKey, Write> writes = new LinkedHashMap<>();
        for (Put put : save.puts()) {
            RecordKey key = new RecordKey(tenantId, put.type(), put.id());
            if (writes.containsKey(key)) {
                continue;
            }
            long expected = put.expected() >= 0 ? put.expected() : reference.load(key).map(StoredRecord::version).orElse(0L);
            writes.put(key, new Write(key, expected, put.schemaVersion(),
                    "{\"payload\": " + put.payload() + ", \"step\": " + step + "}", indexes(put)));
        }
        int messageCount = writes.isEmpty() ? Math.max(1, save.messages()) : save.messages();
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < messageCount; i++) {
            messages.add(new OutboxMessage("m" + step + "-" + i, tenantId, "record.saved", "deal", "r" + i,
                    "{\"step\":" + step + "}", BASE.plusMillis(step)));
        }
        return new Commit(tenantId, save.commitId(), List.copyOf(writes.values()), messages);
    }

    private static Map<String, IndexValue> indexes(Put put) {
        Map<String, IndexValue> indexes = new TreeMap<>();
        if (put.owner() >= 0) {
            indexes.put("owner", IndexValue.text(OWNERS.get(put.owner())));
        }
        if (put.stage() == 5) {
            indexes.put("stage", IndexValue.text("3"));
        } else if (put.stage() > 0) {
            indexes.put("stage", IndexValue.whole(put.stage()));
        }
        if (put.minute() >= 0) {
            indexes.put("at", IndexValue.moment(BASE.plusSeconds(60L * put.minute())));
        }
        return indexes;
    }

    private static RecordQuery query(Find find, String tenantId) {
        RecordQuery query = RecordQuery.all(tenantId, find.type(), find.limit());
        if (find.owner() >= 0) {
            query = query.whereEquals("owner", IndexValue.text(OWNERS.get(find.owner())));
        }
        if (find.stage() == 5) {
            query = query.whereEquals("stage", IndexValue.text("3"));
        } else if (find.stage() > 0) {
            query = query.whereEquals("stage", IndexValue.whole(find.stage()));
        }
        if (!find.rangeOn().isEmpty()) {
            Function<Integer, IndexValue> bound = find.rangeOn().equals("at")
                    ? minute -> IndexValue.moment(BASE.plusSeconds(60L * minute))
                    : IndexValue::whole;
            Optional<IndexValue> from = Optional.of(find.from()).filter(f -> f >= 0 || find.to() < 0).map(f -> bound.apply(Math.max(f, 0)));
            Optional<IndexValue> to = Optional.of(find.to()).filter(t -> t >= 0).map(bound);
            query = query.whereIn(new RecordQuery.Range(find.rangeOn(), from, to));
        }
        return query;
    }

    /** Every page of {@code query}, following cursors to the last page; each page holds at most limit records. */
    static List<RecordPage> pages(RecordStore store, RecordQuery query) {
        List<RecordPage> pages = new ArrayList<>();
        RecordPage page = store.query(query);
        pages.add(page);
        while (page.nextCursor().isPresent()) {
            assertThat(pages).as("pages of %s", query).hasSizeLessThan(MAX_PAGES);
            page = store.query(query.after(page.nextCursor().get()));
            pages.add(page);
        }
        assertThat(pages).allSatisfy(p -> assertThat(p.records()).hasSizeLessThanOrEqualTo(query.limit()));
        return pages;
    }
}
