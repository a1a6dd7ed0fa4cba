package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.StoreUnavailableException;
import dev.saleskernel.persistence.spi.Write;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lost connections and failing statements surface as the SPI's unavailable error, and never leave half a commit. */
class FailuresTest {

    private final String tenant = "failures-" + UUID.randomUUID();

    @Test
    void a_connection_lost_in_the_middle_of_a_commit_surfaces_as_unavailable_with_its_cause_and_leaves_nothing() {
        AtomicBoolean killNext = new AtomicBoolean();
        PostgresStore store = new PostgresStore(TestDatabase.dataSource(), connection -> {
            if (killNext.compareAndSet(true, false)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select pg_terminate_backend(pg_backend_pid())");
                }
            }
        });
        RecordKey first = new RecordKey(tenant, "deal", "d1");
        RecordKey second = new RecordKey(tenant, "deal", "d2");
        Commit commit = new Commit(tenant, "killed", List.of(Write.create(first, 1, "{\"n\":1}", Map.of()),
                Write.create(second, 1, "{\"n\":2}", Map.of())), List.of(message("m1")));

        killNext.set(true);
        assertThatThrownBy(() -> store.commit(commit)).isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);

        assertThat(store.load(first)).isEmpty();
        assertThat(store.load(second)).isEmpty();
        assertThat(store.claim(tenant, 10, Duration.ofMinutes(1))).isEmpty();
        assertThat(store.commit(commit)).as("the id was not consumed: the retry commits")
                .isEqualTo(new CommitOutcome.Committed(Map.of(first, 1L, second, 1L)));
    }

    @Test
    void a_statement_failing_in_the_middle_of_a_commit_leaves_no_write_and_no_message() {
        PostgresStore store = new PostgresStore(TestDatabase.dataSource());
        RecordKey key = new RecordKey(tenant, "deal", "d1");
        Commit breaking = new Commit(tenant, "nul", List.of(Write.create(key, 1, "{\"n\":1}", Map.of()),
                Write.create(new RecordKey(tenant, "deal", "d2"), 1, "{\"text\":\"\\u0000\"}", Map.of())),
                List.of(message("m1")));

        assertThatThrownBy(() -> store.commit(breaking)).as("PostgreSQL's jsonb refuses U+0000 in the second write")
                .isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(SQLException.class);

        assertThat(store.load(key)).isEmpty();
        assertThat(store.claim(tenant, 10, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void an_unreachable_database_makes_every_operation_unavailable_with_the_cause() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        PostgresStore store = new PostgresStore(nowhere);
        RecordKey key = new RecordKey(tenant, "deal", "d1");

        assertThatThrownBy(() -> store.load(key)).isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> store.commit(new Commit(tenant, "c1", List.of(Write.create(key, 1, "{}", Map.of())), List.of())))
                .isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> store.query(RecordQuery.all(tenant, "deal", 10)))
                .isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> store.claim(tenant, 10, Duration.ofMinutes(1)))
                .isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> store.acknowledge(tenant, List.of("m1")))
                .isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void applying_the_migrations_again_changes_nothing() {
        assertThat(SchemaMigrations.apply(TestDatabase.dataSource())).isEmpty();
    }

    private OutboxMessage message(String id) {
        return new OutboxMessage(id, tenant, "deal.changed", "deal", "d1", "{}", Instant.parse("2026-05-01T10:00:00Z"));
    }
}
