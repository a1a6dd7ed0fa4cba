package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.spi.StoreUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Applies the module's versioned SQL migrations ({@code db/migration/V<n>__<name>.sql} on the class
 * path) that a database does not have yet, in version order, each in its own transaction, and
 * records them in {@code sk_schema_version}. Idempotent and safe to call from several host
 * instances at once (a transaction-scoped advisory lock serialises them).
 *
 * <p>A host that runs Flyway or Liquibase points it at {@code classpath:db/migration} instead and
 * never calls this class.
 */
public final class SchemaMigrations {

    /** The migrations this version of the adapter needs, oldest first. */
    static final List<String> MIGRATIONS = List.of("V1__sales_kernel_storage.sql", "V2__outbox_claim_walks_primary_key.sql");

    private static final long ADVISORY_LOCK = 0x5a1e5_4e41L;

    private SchemaMigrations() {
    }

    /**
     * Brings the schema reachable through {@code dataSource} up to date.
     *
     * @return the versions applied by this call (empty if the schema was already current)
     * @throws StoreUnavailableException if the database cannot be reached or a migration fails
     */
    public static List<Integer> apply(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        List<Integer> applied = new java.util.ArrayList<>();
        for (String migration : MIGRATIONS) {
            int version = Integer.parseInt(migration.substring(1, migration.indexOf("__")));
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    if (applyOne(connection, version, migration)) {
                        applied.add(version);
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreUnavailableException("could not apply schema migration " + migration, e);
            }
        }
        return List.copyOf(applied);
    }

    private static boolean applyOne(Connection connection, int version, String migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
            statement.execute("create table if not exists sk_schema_version ("
                    + " version integer primary key, script text not null, applied_at timestamptz not null default now())");
        }
        try (PreparedStatement known = connection.prepareStatement("select 1 from sk_schema_version where version = ?")) {
            known.setInt(1, version);
            try (ResultSet rows = known.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(script(migration));
        }
        try (PreparedStatement record = connection.prepareStatement(
                "insert into sk_schema_version (version, script) values (?, ?)")) {
            record.setInt(1, version);
            record.setString(2, migration);
            record.executeUpdate();
        }
        return true;
    }

    private static String script(String migration) {
        String resource = "/db/migration/" + migration;
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
