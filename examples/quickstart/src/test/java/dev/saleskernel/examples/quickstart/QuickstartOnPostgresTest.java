package dev.saleskernel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.examples.postgres.PostgresWiring;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host-level check of the PostgreSQL adapter: the facade wired on it runs the quickstart
 * scenario, and the report equals the one the in-memory store gives. The server is a real
 * PostgreSQL started from Maven-downloaded binaries and stopped at the end.
 */
class QuickstartOnPostgresTest {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Test
    void the_quickstart_on_postgres_prints_exactly_the_report_of_the_in_memory_run() {
        String onPostgres;
        try (PostgresWiring postgres = PostgresWiring.connect(server.getJdbcUrl("postgres", "postgres"), null, null)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(postgres.store(), postgres.store());
            onPostgres = bytes.toString(StandardCharsets.UTF_8);
        }

        assertThat(onPostgres).contains("6. Audit trail").isEqualTo(QuickstartTest.report());
    }

    @Test
    void the_postgres_option_of_main_runs_the_same_scenario_on_the_given_database() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database quickstart_main");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Quickstart.main(new String[] {"--postgres=" + server.getJdbcUrl("postgres", "quickstart_main"), "--user=postgres"});
        } finally {
            System.setOut(original);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(QuickstartTest.report());
    }
}
