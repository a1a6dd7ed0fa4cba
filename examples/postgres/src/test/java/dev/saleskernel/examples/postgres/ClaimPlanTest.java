package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.OutboxMessage;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim's plan (migration V2): with the statistics of an empty outbox and thousands of
 * acknowledged rows not yet vacuumed, the state in which version 1's claim fell back to a bitmap scan
 * of every index entry of the tenant plus a sort, a claim still walks the primary key.
 */
class ClaimPlanTest {

    private static final String TENANT = "plan";

    @Test
    void a_claim_walks_the_outbox_primary_key_even_with_stale_statistics_and_unvacuumed_acknowledged_rows() throws SQLException {
        DataSource database = TestDatabase.newDatabase("claim_plan");
        SchemaMigrations.apply(database);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table sk_outbox set (autovacuum_enabled = off)");
            statement.execute("analyze sk_outbox"); // the statistics of an empty outbox
        }
        PostgresStore store = new PostgresStore(database);
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 1; i <= 2_000; i++) {
            messages.add(new OutboxMessage("m" + i, TENANT, "deal.changed", "deal", "d1", "{}", Instant.parse("2026-05-01T10:00:00Z")));
        }
        store.commit(new Commit(TENANT, "fill", List.of(), messages));
        for (int round = 0; round < 15; round++) {
            List<String> ids = new ArrayList<>();
            for (ClaimedMessage claimed : store.claim(TENANT, 100, Duration.ofMinutes(1))) {
                ids.add(claimed.message().messageId());
            }
            store.acknowledge(TENANT, ids);
        }

        String plan;
        List<Long> sequences = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("load 'auto_explain'");
            statement.execute("set auto_explain.log_min_duration = 0");
            statement.execute("set auto_explain.log_nested_statements = on");
            statement.execute("set auto_explain.log_level = notice");
            try (ResultSet rows = statement.executeQuery("select sequence from sk_outbox_claim('" + TENANT + "', 10, 6e7)")) {
                while (rows.next()) {
                    sequences.add(rows.getLong(1));
                }
            }
            plan = warnings(statement);
        }

        assertThat(sequences).as("the ten oldest unacknowledged messages").containsExactlyInAnyOrder(
                1501L, 1502L, 1503L, 1504L, 1505L, 1506L, 1507L, 1508L, 1509L, 1510L);
        assertThat(plan).contains("Index Scan using sk_outbox_pkey on sk_outbox c").doesNotContain("Bitmap").doesNotContain("Sort");
    }

    private static String warnings(Statement statement) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            text.append(warning.getMessage()).append('\n');
        }
        return text.toString();
    }
}
