package dev.saleskernel.examples.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * Example wiring for a host that has only a JDBC URL: a HikariCP pool, the schema migrations
 * applied, and a {@link PostgresStore} on the pool. A host with its own {@link DataSource} skips
 * this class and calls {@code SchemaMigrations.apply(dataSource)} and {@code new PostgresStore(dataSource)}.
 * Closing it closes the pool.
 */
public final class PostgresWiring implements AutoCloseable {

    private final HikariDataSource pool;
    private final PostgresStore store;

    private PostgresWiring(HikariDataSource pool) {
        this.pool = pool;
        this.store = new PostgresStore(pool);
    }

    /**
     * Connects to {@code jdbcUrl} (e.g. {@code jdbc:postgresql://localhost:5432/sales}) and applies
     * the schema. {@code user} and {@code password} may be null when the URL carries them.
     */
    public static PostgresWiring connect(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(10);
        config.setPoolName("sales-kernel");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            SchemaMigrations.apply(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresWiring(pool);
    }

    /** The record and outbox store on the pool. */
    public PostgresStore store() {
        return store;
    }

    /** The pool, for the host's other uses. */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
