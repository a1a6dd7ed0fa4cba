package dev.saleskernel.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.persistence.spi.Write;
import dev.saleskernel.store.memory.InMemoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reading a page shares the parsed index fields of rows whose {@code indexes} column is the same text,
 * and reuses one statement text per query shape: neither may hand a record another record's fields or
 * run one shape's statement for another.
 */
class PageReadingTest {

    private final String tenant = "pages-" + UUID.randomUUID();
    private final PostgresStore postgres = new PostgresStore(TestDatabase.dataSource());
    private final InMemoryStore memory = new InMemoryStore();

    @Test
    void every_record_of_a_page_has_its_own_index_fields_with_more_distinct_fields_than_are_shared() {
        Map<String, Map<String, IndexValue>> written = new HashMap<>();
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // 3 owners x 13 stages, some with a moment: far more distinct texts than one read shares
            Map<String, IndexValue> fields = new HashMap<>(Map.of("owner", IndexValue.text(List.of("ann", "bob", "cy").get(i % 3)),
                    "stage", IndexValue.whole(i % 13)));
            if (i % 4 == 0) {
                fields.put("due", IndexValue.moment(Instant.parse("2026-05-01T10:00:00Z").plusSeconds(i)));
            }
            String id = String.format("d%03d", i);
            written.put(id, fields);
            writes.add(Write.create(new RecordKey(tenant, "deal", id), 1, "{\"n\":" + i + "}", fields));
        }
        commitToBoth(writes);

        for (RecordQuery query : List.of(RecordQuery.all(tenant, "deal", 1_000), RecordQuery.all(tenant, "deal", 7),
                RecordQuery.all(tenant, "deal", 9).whereEquals("owner", IndexValue.text("bob")),
                RecordQuery.all(tenant, "deal", 5).whereIn(RecordQuery.Range.atLeast("stage", IndexValue.whole(4))))) {
            List<StoredRecord> records = all(postgres, query);

            assertThat(records).isNotEmpty();
            for (StoredRecord record : records) {
                assertThat(record.indexes()).as(record.key().recordId()).isEqualTo(written.get(record.key().recordId()));
            }
            assertThat(summaries(records)).isEqualTo(summaries(all(memory, query)));
        }
    }

    @Test
    void queries_of_the_same_names_with_other_kinds_or_bounds_run_their_own_statements() {
        commitToBoth(List.of(
                Write.create(new RecordKey(tenant, "deal", "w5"), 1, "{}", Map.of("n", IndexValue.whole(5))),
                Write.create(new RecordKey(tenant, "deal", "t5"), 1, "{}", Map.of("n", IndexValue.text("5"))),
                Write.create(new RecordKey(tenant, "deal", "w9"), 1, "{}", Map.of("n", IndexValue.whole(9)))));

        List<RecordQuery> queries = List.of(
                RecordQuery.all(tenant, "deal", 10).whereEquals("n", IndexValue.whole(5)),
                RecordQuery.all(tenant, "deal", 10).whereEquals("n", IndexValue.text("5")),
                RecordQuery.all(tenant, "deal", 10).whereIn(RecordQuery.Range.atLeast("n", IndexValue.whole(6))),
                RecordQuery.all(tenant, "deal", 10).whereIn(RecordQuery.Range.below("n", IndexValue.whole(6))),
                RecordQuery.all(tenant, "deal", 1).whereIn(RecordQuery.Range.below("n", IndexValue.whole(10))));
        for (int round = 0; round < 2; round++) {
            for (RecordQuery query : queries) {
                assertThat(ids(all(postgres, query))).as(query.toString()).isEqualTo(ids(all(memory, query)));
            }
        }
        assertThat(ids(all(postgres, queries.get(0)))).containsExactly("w5");
        assertThat(ids(all(postgres, queries.get(1)))).containsExactly("t5");
        assertThat(ids(all(postgres, queries.get(4)))).containsExactly("w5", "w9");
    }

    private void commitToBoth(List<Write> writes) {
        Commit commit = new Commit(tenant, "fill-" + UUID.randomUUID(), writes, List.of());
        postgres.commit(commit);
        memory.commit(commit);
    }

    private static List<StoredRecord> all(RecordStore store, RecordQuery query) {
        List<StoredRecord> records = new ArrayList<>();
        RecordPage page = store.query(query);
        records.addAll(page.records());
        while (page.nextCursor().isPresent()) {
            page = store.query(query.after(page.nextCursor().get()));
            records.addAll(page.records());
        }
        return records;
    }

    private static List<String> summaries(List<StoredRecord> records) {
        return records.stream().map(record -> record.key() + " v" + record.version() + " " + record.indexes()).toList();
    }

    private static List<String> ids(List<StoredRecord> records) {
        return records.stream().map(record -> record.key().recordId()).toList();
    }
}
