package dev.saleskernel.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.saleskernel.examples.postgres.PostgresStore;
import dev.saleskernel.examples.postgres.SchemaMigrations;
import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.Write;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PostgreSQL adapter on a real server (embedded PostgreSQL started by the benchmark): single-record
 * commits and one-page queries through {@link PostgresStore} beside hand-written JDBC doing the same
 * statements ({@link PostgresBaselines}), and outbox claim + acknowledge rounds of 10 messages with 1 and
 * 4 consumers. Run the adapter/hand-written pairs through {@link PostgresComparison}, which interleaves
 * them fork by fork, pins each commit and page fork and its server to one CPU, and reports the ratio
 * per fork. A commit or page fork run by hand should be pinned the same way ({@code taskset -c 0 java -jar
 * benchmarks.jar ...}): left to the scheduler, the benchmark thread and its server backend land on one
 * CPU or on two, and on two every commit costs about twice the CPU (system time, both sides), whichever
 * side is measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostgresBenchmark {

    static final String TENANT = "bench";
    static final String DEAL = "deal";
    static final String COUNTER = "counter";
    static final int PAGE_RECORDS = 500;
    static final int PAGE_SIZE = 50;
    static final int CLAIM_BATCH = 10;

    /** One server, pool, store and data set per trial. */
    @State(Scope.Benchmark)
    public static class Database {
        /** "on": every commit waits for its WAL flush (durable default); "off": the round trips and CPU alone. */
        @Param({"on"})
        public String synchronousCommit = "on";

        /**
         * Where the server keeps its data: "tmpfs" (a fresh directory in /dev/shm, so that the shared disk
         * does not dominate the comparison) or "disk" (the embedded server's default temporary directory).
         * Both variants of a comparison always run on the same kind of server.
         */
        @Param({"tmpfs"})
        public String storage = "tmpfs";

        EmbeddedPostgres server;
        HikariDataSource pool;
        PostgresStore store;
        final AtomicInteger nextWriter = new AtomicInteger();
        final AtomicLong nextCommit = new AtomicLong();

        @Setup(Level.Trial)
        public void start() throws IOException {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", synchronousCommit);
            if (storage.equals("tmpfs")) {
                builder.setDataDirectory(Files.createTempDirectory(Path.of("/dev/shm"), "sales-kernel-bench-pg"))
                        .setCleanDataDirectory(true);
            } else if (!storage.equals("disk")) {
                throw new IllegalArgumentException("storage is tmpfs or disk, got " + storage);
            }
            server = builder.start();
            HikariConfig config = new HikariConfig();
            config.setDataSource(server.getPostgresDatabase());
            config.setMaximumPoolSize(8);
            pool = new HikariDataSource(config);
            SchemaMigrations.apply(pool);
            store = new PostgresStore(pool);
            fill(store);
            try (java.sql.Connection connection = pool.getConnection();
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("analyze"); // planner statistics, as autovacuum would keep them on a live database
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            pool.close();
            server.close();
        }
    }

    /** Each writer thread updates its own two records (one through the adapter, one by hand), index field owner. */
    @State(Scope.Thread)
    public static class Writer {
        String owner;
        RecordKey viaAdapter;
        RecordKey viaJdbc;
        long adapterVersion = 1;
        long jdbcVersion = 1;

        @Setup(Level.Trial)
        public void create(Database database) {
            int writer = database.nextWriter.getAndIncrement();
            owner = "w" + writer;
            viaAdapter = new RecordKey(TENANT, COUNTER, "adapter-" + writer);
            viaJdbc = new RecordKey(TENANT, COUNTER, "jdbc-" + writer);
            Map<String, IndexValue> indexes = Map.of("owner", IndexValue.text(owner));
            database.store.commit(new Commit(TENANT, "create-" + writer, List.of(
                    Write.create(viaAdapter, 1, "{\"count\":1}", indexes),
                    Write.create(viaJdbc, 1, "{\"count\":1}", indexes)), List.of()));
        }
    }

    static void fill(PostgresStore store) {
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < PAGE_RECORDS; i++) {
            writes.add(Write.create(new RecordKey(TENANT, DEAL, String.format("d%04d", i)), 1,
                    "{\"name\":\"deal " + i + "\",\"amount\":\"" + (1000 + i) + ".00\",\"stage\":" + (i % 5) + "}",
                    Map.of("owner", IndexValue.text(i % 2 == 0 ? "ann" : "bob"), "stage", IndexValue.whole(i % 5))));
        }
        store.commit(new Commit(TENANT, "fill", writes, List.of()));
    }

    static RecordQuery annsPage() {
        return RecordQuery.all(TENANT, DEAL, PAGE_SIZE).whereEquals("owner", IndexValue.text("ann"));
    }

    /** The adapter: a one-write {@code Commit} (conditional update, commit id row, index trigger, COMMIT). */
    @Benchmark
    public CommitOutcome adapterCommit(Database database, Writer writer) {
        CommitOutcome outcome = database.store.commit(new Commit(TENANT, "a" + database.nextCommit.incrementAndGet(),
                List.of(Write.update(writer.viaAdapter, writer.adapterVersion, 1, "{\"count\":" + writer.adapterVersion + "}",
                        Map.of("owner", IndexValue.text(writer.owner)))), List.of()));
        if (!(outcome instanceof CommitOutcome.Committed)) {
            throw new IllegalStateException("the benchmark's own record conflicted: " + outcome);
        }
        writer.adapterVersion++;
        return outcome;
    }

    /** Hand-written JDBC: the same statement (commit id row + conditional update) and COMMIT. */
    @Benchmark
    public PostgresBaselines.Outcome jdbcCommit(Database database, Writer writer) throws SQLException {
        PostgresBaselines.Outcome outcome = PostgresBaselines.commit(database.pool, TENANT,
                "j" + database.nextCommit.incrementAndGet(), COUNTER, writer.viaJdbc.recordId(), writer.jdbcVersion,
                "{\"count\":" + writer.jdbcVersion + "}", writer.owner);
        if (outcome != PostgresBaselines.Outcome.WRITTEN) {
            throw new IllegalStateException("the benchmark's own record was not written: " + outcome);
        }
        writer.jdbcVersion++;
        return outcome;
    }

    @Benchmark
    public RecordPage adapterQueryPage(Database database) {
        return database.store.query(annsPage());
    }

    @Benchmark
    public PostgresBaselines.Page jdbcQueryPage(Database database) throws SQLException {
        return PostgresBaselines.page(database.pool, TENANT, DEAL, "owner", "ann", PAGE_SIZE);
    }

    @Benchmark
    @Threads(1)
    public int outboxClaimAcknowledge1Consumer(Database database) {
        return claimAndAcknowledge(database);
    }

    @Benchmark
    @Threads(4)
    public int outboxClaimAcknowledge4Consumers(Database database) {
        return claimAndAcknowledge(database);
    }

    /** One consumer round: claim up to 10 messages, acknowledge them; refills the outbox when it runs dry. */
    static int claimAndAcknowledge(Database database) {
        List<ClaimedMessage> claimed = database.store.claim(TENANT, CLAIM_BATCH, Duration.ofMinutes(1));
        if (claimed.isEmpty()) {
            List<OutboxMessage> messages = new ArrayList<>();
            long batch = database.nextCommit.incrementAndGet();
            for (int i = 0; i < 1_000; i++) {
                messages.add(new OutboxMessage("m" + batch + "-" + i, TENANT, "deal.changed", DEAL, "d0001",
                        "{\"n\":" + i + "}", Instant.parse("2026-05-01T10:00:00Z")));
            }
            database.store.commit(new Commit(TENANT, "refill-" + batch, List.of(), messages));
            return 0;
        }
        List<String> ids = new ArrayList<>(claimed.size());
        for (ClaimedMessage message : claimed) {
            ids.add(message.message().messageId());
        }
        database.store.acknowledge(TENANT, ids);
        return ids.size();
    }
}
