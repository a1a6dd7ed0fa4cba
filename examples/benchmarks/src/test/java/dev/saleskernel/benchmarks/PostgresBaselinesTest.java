package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.StoredRecord;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PostgreSQL benchmark compares like with like only if the hand-written JDBC does what the adapter does. */
class PostgresBaselinesTest {

    @Test
    void the_hand_written_update_and_page_leave_and_return_what_the_adapter_does() throws IOException, SQLException {
        PostgresBenchmark.Database database = new PostgresBenchmark.Database();
        database.start();
        try {
            PostgresBenchmark benchmark = new PostgresBenchmark();
            PostgresBenchmark.Writer writer = new PostgresBenchmark.Writer();
            writer.create(database);

            for (int i = 0; i < 3; i++) {
                assertThat(benchmark.adapterCommit(database, writer)).isInstanceOf(
                        dev.saleskernel.persistence.spi.CommitOutcome.Committed.class);
                assertThat(benchmark.jdbcCommit(database, writer)).isTrue();
            }
            StoredRecord viaAdapter = database.store.load(writer.viaAdapter).orElseThrow();
            StoredRecord viaJdbc = database.store.load(writer.viaJdbc).orElseThrow();
            assertThat(viaJdbc.version()).isEqualTo(viaAdapter.version()).isEqualTo(4);
            assertThat(viaJdbc.json()).isEqualTo(viaAdapter.json());

            RecordPage page = benchmark.adapterQueryPage(database);
            List<String[]> rows = benchmark.jdbcQueryPage(database);
            assertThat(rows).hasSize(PostgresBenchmark.PAGE_SIZE + 1);
            assertThat(page.nextCursor()).isPresent();
            assertThat(page.records()).hasSize(PostgresBenchmark.PAGE_SIZE);
            for (int i = 0; i < page.records().size(); i++) {
                StoredRecord record = page.records().get(i);
                assertThat(new String[] {record.key().recordId(), Long.toString(record.version()), record.json()})
                        .containsExactly(rows.get(i));
            }

            assertThat(PostgresBenchmark.claimAndAcknowledge(database)).as("an empty outbox is refilled").isZero();
            assertThat(PostgresBenchmark.claimAndAcknowledge(database)).isEqualTo(PostgresBenchmark.CLAIM_BATCH);
        } finally {
            database.stop();
        }
    }
}
