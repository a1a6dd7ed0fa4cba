package dev.saleskernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.examples.postgres.PostgresStore;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.StoredRecord;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL benchmark compares like with like only if the hand-written JDBC does what the adapter does. */
class PostgresBaselinesTest {

    private static PostgresBenchmark.Database database;
    private final PostgresBenchmark benchmark = new PostgresBenchmark();

    @BeforeAll
    static void start() throws IOException {
        database = new PostgresBenchmark.Database();
        database.storage = "disk";
        database.start();
    }

    @AfterAll
    static void stop() throws IOException {
        database.stop();
    }

    @Test
    void the_hand_written_commit_leaves_the_same_record_index_rows_and_commit_id_rows_as_the_adapter() throws SQLException {
        PostgresBenchmark.Writer writer = new PostgresBenchmark.Writer();
        writer.create(database);
        long before = database.nextCommit.get();
        for (int i = 0; i < 3; i++) {
            assertThat(benchmark.adapterCommit(database, writer)).isInstanceOf(CommitOutcome.Committed.class);
            assertThat(benchmark.jdbcCommit(database, writer)).isEqualTo(PostgresBaselines.Outcome.WRITTEN);
        }

        StoredRecord viaAdapter = database.store.load(writer.viaAdapter).orElseThrow();
        StoredRecord viaJdbc = database.store.load(writer.viaJdbc).orElseThrow();
        assertThat(viaJdbc.version()).isEqualTo(viaAdapter.version()).isEqualTo(4);
        assertThat(viaJdbc.schemaVersion()).isEqualTo(viaAdapter.schemaVersion());
        assertThat(viaJdbc.json()).isEqualTo(viaAdapter.json());
        assertThat(viaJdbc.indexes()).isEqualTo(viaAdapter.indexes()).isEqualTo(Map.of("owner", IndexValue.text(writer.owner)));
        assertThat(indexRows(writer.viaJdbc.recordId())).isEqualTo(indexRows(writer.viaAdapter.recordId())).hasSize(1);
        for (long commit = before + 1; commit <= before + 6; commit += 2) {
            assertThat(newVersions("j" + (commit + 1)).replace(writer.viaJdbc.recordId(), "?"))
                    .isEqualTo(newVersions("a" + commit).replace(writer.viaAdapter.recordId(), "?"))
                    .contains("\"counter/?\": " + (2 + (commit - before - 1) / 2));
        }
    }

    @Test
    void a_stale_version_or_a_taken_commit_id_writes_nothing_by_hand_either() throws SQLException {
        PostgresBenchmark.Writer writer = new PostgresBenchmark.Writer();
        writer.create(database);
        String id = writer.viaJdbc.recordId();
        assertThat(PostgresBaselines.commit(database.pool, PostgresBenchmark.TENANT, "stale-" + id, PostgresBenchmark.COUNTER,
                id, 7, "{\"count\":7}", writer.owner)).isEqualTo(PostgresBaselines.Outcome.STALE);
        assertThat(newVersions("stale-" + id)).as("a refused commit leaves its id free").isEmpty();
        assertThat(benchmark.jdbcCommit(database, writer)).isEqualTo(PostgresBaselines.Outcome.WRITTEN);
        String taken = "j" + database.nextCommit.get();
        assertThat(PostgresBaselines.commit(database.pool, PostgresBenchmark.TENANT, taken, PostgresBenchmark.COUNTER,
                id, 2, "{\"count\":9}", writer.owner)).isEqualTo(PostgresBaselines.Outcome.ID_TAKEN);
        assertThat(database.store.load(writer.viaJdbc).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void the_hand_written_page_returns_the_adapters_records_columns_and_cursor() throws SQLException {
        RecordPage page = benchmark.adapterQueryPage(database);
        PostgresBaselines.Page rows = benchmark.jdbcQueryPage(database);

        assertThat(page.records()).hasSize(PostgresBenchmark.PAGE_SIZE);
        assertThat(rows.rows()).hasSize(PostgresBenchmark.PAGE_SIZE);
        for (int i = 0; i < page.records().size(); i++) {
            StoredRecord record = page.records().get(i);
            PostgresBaselines.Row row = rows.rows().get(i);
            assertThat(row).isEqualTo(new PostgresBaselines.Row(record.key().recordId(), record.version(), record.schemaVersion(),
                    record.json(), record.writtenAt(), row.indexes()));
            int number = Integer.parseInt(row.recordId().substring(1));
            assertThat(record.indexes()).isEqualTo(Map.of("owner", IndexValue.text("ann"), "stage", IndexValue.whole(number % 5)));
            assertThat(row.indexes()).isEqualTo("{\"owner\": {\"text\": \"ann\"}, \"stage\": {\"whole\": " + number % 5 + "}}");
        }
        assertThat(rows.nextCursor()).isEqualTo(page.nextCursor().orElseThrow());
        RecordPage second = database.store.query(PostgresBenchmark.annsPage().after(rows.nextCursor()));
        assertThat(second.records().get(0).key().recordId()).as("the hand-written cursor pages on in the adapter")
                .isEqualTo(String.format("d%04d", 2 * PostgresBenchmark.PAGE_SIZE));
    }

    @Test
    void the_hand_written_code_makes_the_same_calls_to_the_server_as_the_adapter() throws SQLException {
        PostgresBenchmark.Writer writer = new PostgresBenchmark.Writer();
        writer.create(database);
        List<String> adapterCalls = new ArrayList<>();
        List<String> jdbcCalls = new ArrayList<>();
        PostgresStore counted = new PostgresStore(recording(database.pool, adapterCalls));

        counted.commit(new dev.saleskernel.persistence.spi.Commit(PostgresBenchmark.TENANT, "calls-" + writer.owner,
                List.of(dev.saleskernel.persistence.spi.Write.update(writer.viaAdapter, 1, 1, "{\"count\":1}",
                        Map.of("owner", IndexValue.text(writer.owner)))), List.of()));
        PostgresBaselines.commit(recording(database.pool, jdbcCalls), PostgresBenchmark.TENANT, "calls-j-" + writer.owner,
                PostgresBenchmark.COUNTER, writer.viaJdbc.recordId(), 1, "{\"count\":1}", writer.owner);
        assertThat(jdbcCalls).isEqualTo(adapterCalls)
                .containsExactly("getConnection", "setAutoCommit", "prepareStatement", "executeQuery", "commit", "setAutoCommit");

        adapterCalls.clear();
        jdbcCalls.clear();
        counted.query(PostgresBenchmark.annsPage());
        PostgresBaselines.page(recording(database.pool, jdbcCalls), PostgresBenchmark.TENANT, PostgresBenchmark.DEAL, "owner",
                "ann", PostgresBenchmark.PAGE_SIZE);
        assertThat(jdbcCalls).isEqualTo(adapterCalls).containsExactly("getConnection", "prepareStatement", "executeQuery");
    }

    private static List<String> indexRows(String recordId) throws SQLException {
        return strings("select name || ' ' || kind || ' ' || coalesce(text_value, '') from sk_index"
                + " where tenant_id = ? and record_type = ? and record_id = ? order by name", PostgresBenchmark.COUNTER, recordId);
    }

    private static String newVersions(String commitId) throws SQLException {
        return String.join("", strings("select new_versions::text from sk_commit where tenant_id = ? and commit_id = ?", commitId));
    }

    private static List<String> strings(String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.pool.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, PostgresBenchmark.TENANT);
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 2, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** The data source, recording every call that may reach the server: connections, statements, transactions. */
    private static DataSource recording(DataSource target, List<String> calls) {
        Set<String> recorded = Set.of("getConnection", "setAutoCommit", "prepareStatement", "createStatement", "prepareCall",
                "execute", "executeQuery", "executeUpdate", "executeBatch", "commit", "rollback");
        return (DataSource) wrap(target, DataSource.class, calls, recorded);
    }

    private static Object wrap(Object target, Class<?> type, List<String> calls, Set<String> recorded) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (recorded.contains(method.getName())) {
                calls.add(method.getName());
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection) {
                return wrap(connection, Connection.class, calls, recorded);
            }
            if (result instanceof PreparedStatement statement) {
                return wrap(statement, PreparedStatement.class, calls, recorded);
            }
            return result;
        };
        return Proxy.newProxyInstance(PostgresBaselinesTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
