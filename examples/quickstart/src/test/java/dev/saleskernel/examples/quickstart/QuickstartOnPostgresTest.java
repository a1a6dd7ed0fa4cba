package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.examples.postgres.PostgresWiring;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The host-level check of the PostgreSQL adapter: the facade wired on it runs the quickstart
 * scenario, and the report equals the one the in-memory store gives. The server is a real
 * PostgreSQL started from Maven-downloaded binaries and stopped at the end.
 */
class QuickstartOnPostgresTest {

    @Test
    void the_quickstart_on_postgres_prints_exactly_the_report_of_the_in_memory_run() throws IOException {
        String onPostgres;
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
             PostgresWiring postgres = PostgresWiring.connect(server.getJdbcUrl("postgres", "postgres"), null, null)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(postgres.store(), postgres.store());
            onPostgres = bytes.toString(StandardCharsets.UTF_8);
        }

        assertThat(onPostgres).contains("6. Audit trail").isEqualTo(QuickstartTest.report());
    }
}
