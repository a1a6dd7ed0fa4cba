package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.OutboxStore;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.StoreUnavailableException;
import dev.saleskernel.persistence.spi.StoredRecord;
import dev.saleskernel.persistence.spi.Write;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * {@link RecordStore} and {@link OutboxStore} on PostgreSQL through plain JDBC, on a {@link DataSource}
 * the host gives (pooled, e.g. HikariCP). The schema is the migrations {@code db/migration/V1__sales_kernel_storage.sql}
 * and {@code V2__outbox_claim_walks_primary_key.sql}; apply them with {@link SchemaMigrations#apply(DataSource)}
 * or the host's Flyway/Liquibase.
 *
 * <ul>
 *   <li>Documents are {@code jsonb} (compared semantically, RS-8.1) beside a version column; each
 *       commit runs in one READ COMMITTED transaction in which every write is a conditional
 *       {@code insert ... on conflict do nothing} (expected version 0) or {@code update ... where
 *       version = ?}; the row counts name every stale key before anything is decided, and a conflict
 *       rolls the transaction back (RS-3, RS-4).</li>
 *   <li>Commit ids live in {@code sk_commit}, inserted in the same transaction, so a conflicting or
 *       failed commit never consumes its id; a replay returns the stored versions (RS-5).</li>
 *   <li>Index fields are rows of {@code sk_index} with one typed column per kind; queries join them
 *       and page with keyset cursors (RS-7).</li>
 *   <li>The outbox is claimed with {@code for update skip locked} and a lease by the database clock,
 *       so several host instances can drain one outbox (OB-2), through the schema's function
 *       {@code sk_outbox_claim}, whose plan walks the outbox's primary key whatever its statistics say.</li>
 *   <li>Times ({@code writtenAt}, leases) come from the database clock ({@code now()}, microseconds).</li>
 *   <li>Any {@link SQLException} (lost connection, failed statement) surfaces as
 *       {@link StoreUnavailableException} with the cause, after a rollback (RS-4.4).</li>
 * </ul>
 *
 * <p>Limits of PostgreSQL types: documents and text index values cannot contain the character
 * U+0000, JSON numbers must fit {@code numeric}, and {@code Moment} values must lie between
 * 4713 BC and 294276 AD; anything else fails as {@link StoreUnavailableException}.
 */
public final class PostgresStore implements RecordStore, OutboxStore {

    /** A test seam: runs inside a commit's transaction right after its first write statement. */
    @FunctionalInterface
    interface AfterFirstWrite {
        void run(Connection connection) throws SQLException;
    }

    private static final int WHOLE = 0;
    private static final int MOMENT = 1;
    private static final int TEXT = 2;
    private static final int MAX_CLAIM = 1_000;
    /** How many distinct {@code indexes} texts one page read remembers (see {@link #readRecords}). */
    private static final int SHARED_INDEXES = 8;
    private static final Comparator<Write> BY_KEY = Comparator.comparing(Write::key);

    private static final String RECORD_COLUMNS = "r.record_id, r.version, r.schema_version, r.document::text, r.written_at,"
            + " r.indexes::text";
    private static final String LOAD = "select " + RECORD_COLUMNS + " from sk_record r"
            + " where r.tenant_id = ? and r.record_type = ? and r.record_id = ?";
    private static final String CREATE = "insert into sk_record"
            + " (tenant_id, record_type, record_id, version, schema_version, document, indexes, written_at)"
            + " select ?, ?, ?, 1, ?, cast(? as jsonb), cast(? as jsonb), now() GUARD on conflict do nothing";
    private static final String UPDATE = "update sk_record set version = version + 1, schema_version = ?,"
            + " document = cast(? as jsonb), indexes = cast(? as jsonb), written_at = now()"
            + " where tenant_id = ? and record_type = ? and record_id = ? and version = ? GUARD";
    /**
     * The first write of a commit also inserts the commit id, in the same statement (one round trip):
     * the write only happens if the id was free, and the counts tell a replay from a stale key.
     */
    private static final String WITH_COMMIT_ID = "with commit_id as (insert into sk_commit"
            + " (tenant_id, commit_id, new_versions, committed_at) values (?, ?, cast(? as jsonb), now())"
            + " on conflict do nothing returning 1), written as (WRITE returning 1)"
            + " select (select count(*) from commit_id), (select count(*) from written)";
    private static final String CREATE_FIRST = WITH_COMMIT_ID.replace("WRITE",
            CREATE.replace(" GUARD", " where exists (select 1 from commit_id)"));
    private static final String UPDATE_FIRST = WITH_COMMIT_ID.replace("WRITE",
            UPDATE.replace(" GUARD", " and exists (select 1 from commit_id)"));
    private static final String CREATE_NEXT = CREATE.replace(" GUARD", "");
    private static final String UPDATE_NEXT = UPDATE.replace(" GUARD", "");
    private static final String PREVIOUS_COMMIT = "select e.key, e.value from sk_commit c"
            + " left join lateral jsonb_each_text(c.new_versions) e on true where c.tenant_id = ? and c.commit_id = ?";
    private static final String INSERT_COMMIT = "insert into sk_commit (tenant_id, commit_id, new_versions, committed_at)"
            + " values (?, ?, cast(? as jsonb), now()) on conflict do nothing";
    private static final String NEXT_SEQUENCES = "insert into sk_outbox_sequence as s (tenant_id, last_sequence) values (?, ?)"
            + " on conflict (tenant_id) do update set last_sequence = s.last_sequence + excluded.last_sequence"
            + " returning last_sequence";
    private static final String INSERT_MESSAGE = "insert into sk_outbox (tenant_id, sequence, message_id, event_type,"
            + " subject_type, subject_id, document, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)";
    /** The claim statement lives in the schema (V2): its plan is pinned to a walk of the outbox's primary key. */
    private static final String CLAIM = "select sequence, message_id, event_type, subject_type, subject_id, document,"
            + " occurred_at, attempt, leased_until from sk_outbox_claim(?, ?, ?)";
    private static final String ACKNOWLEDGE = "delete from sk_outbox where tenant_id = ? and message_id = any (?)";

    /** The most query statement texts a store keeps (see {@link #statement}); more shapes are built each time. */
    private static final int MAX_STATEMENTS = 256;

    private final DataSource dataSource;
    private final AfterFirstWrite afterFirstWrite;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    /**
     * A store on the host's data source. The schema must already be applied
     * ({@link SchemaMigrations#apply(DataSource)}).
     */
    public PostgresStore(DataSource dataSource) {
        this(dataSource, connection -> {
        });
    }

    PostgresStore(DataSource dataSource, AfterFirstWrite afterFirstWrite) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.afterFirstWrite = Objects.requireNonNull(afterFirstWrite, "afterFirstWrite");
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    // ---- load ---------------------------------------------------------------------------------

    @Override
    public Optional<StoredRecord> load(RecordKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LOAD)) {
            bind(statement, key.tenantId(), key.recordType(), key.recordId());
            try (ResultSet rows = statement.executeQuery()) {
                return readRecords(rows, key.tenantId(), key.recordType(), 1).stream().findFirst();
            }
        } catch (SQLException e) {
            throw unavailable("load of " + key, e);
        }
    }

    // ---- commit -------------------------------------------------------------------------------

    @Override
    public CommitOutcome commit(Commit commit) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Attempt attempt = attempt(connection, commit);
                if (attempt.keep()) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return attempt.outcome();
            } catch (SQLException | RuntimeException e) {
                rollbackAfter(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw unavailable("commit " + commit.commitId() + " of tenant " + commit.tenantId(), e);
        }
    }

    /** What one transaction decided: the outcome, and whether to commit it (a conflict or replay rolls back). */
    private record Attempt(CommitOutcome outcome, boolean keep) {
    }

    private Attempt attempt(Connection connection, Commit commit) throws SQLException {
        List<Write> writes = commit.writes();
        if (writes.size() > 1) {
            writes = new ArrayList<>(writes);
            writes.sort(BY_KEY); // one lock order for every commit: no deadlocks between commits
        }
        String versions = versionsJson(writes);
        if (writes.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_COMMIT)) {
                bind(insert, commit.tenantId(), commit.commitId(), versions);
                if (insert.executeUpdate() == 0) {
                    return replay(connection, commit);
                }
            }
        }
        Set<RecordKey> stale = null; // made on the first stale key: most commits have none
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            RecordKey key = write.key();
            boolean create = write.expectedVersion() == 0;
            String sql = i == 0 ? (create ? CREATE_FIRST : UPDATE_FIRST) : (create ? CREATE_NEXT : UPDATE_NEXT);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int parameter = 1;
                if (i == 0) {
                    statement.setString(parameter++, commit.tenantId());
                    statement.setString(parameter++, commit.commitId());
                    statement.setString(parameter++, versions);
                }
                bindWrite(statement, parameter, write, create);
                boolean written;
                if (i == 0) {
                    try (ResultSet counts = statement.executeQuery()) {
                        counts.next();
                        if (counts.getLong(1) == 0) {
                            return replay(connection, commit);
                        }
                        written = counts.getLong(2) == 1;
                    }
                    afterFirstWrite.run(connection);
                } else {
                    written = statement.executeUpdate() == 1;
                }
                if (!written) {
                    if (stale == null) {
                        stale = new TreeSet<>();
                    }
                    stale.add(key);
                }
            }
        }
        if (stale != null) {
            return new Attempt(new CommitOutcome.Conflict(stale), false);
        }
        appendToOutbox(connection, commit);
        return new Attempt(new CommitOutcome.Committed(newVersions(writes)), true);
    }

    /** Binds a write's values from parameter {@code first} on, in the order of {@link #CREATE} or {@link #UPDATE}. */
    private static void bindWrite(PreparedStatement statement, int first, Write write, boolean create) throws SQLException {
        RecordKey key = write.key();
        int parameter = first;
        if (create) {
            statement.setString(parameter++, key.tenantId());
            statement.setString(parameter++, key.recordType());
            statement.setString(parameter++, key.recordId());
        }
        statement.setInt(parameter++, write.schemaVersion());
        statement.setString(parameter++, write.json());
        statement.setString(parameter++, IndexesColumn.write(write.indexes()));
        if (!create) {
            statement.setString(parameter++, key.tenantId());
            statement.setString(parameter++, key.recordType());
            statement.setString(parameter++, key.recordId());
            statement.setLong(parameter, write.expectedVersion());
        }
    }

    private static Map<RecordKey, Long> newVersions(List<Write> writes) {
        if (writes.size() == 1) {
            return Map.of(writes.get(0).key(), writes.get(0).expectedVersion() + 1);
        }
        Map<RecordKey, Long> versions = new HashMap<>();
        writes.forEach(write -> versions.put(write.key(), write.expectedVersion() + 1));
        return versions;
    }

    /** The commit id is taken (a replay, or a concurrent commit with this id won): roll back, report its outcome. */
    private static Attempt replay(Connection connection, Commit commit) throws SQLException {
        connection.rollback();
        return new Attempt(previousOutcome(connection, commit).orElseThrow(
                () -> new SQLException("commit id " + commit.commitId() + " is taken but its outcome is missing")), false);
    }

    /** {@code {"type/id": version, ...}}, the versions the writes (in key order) will leave. */
    private static String versionsJson(List<Write> writes) {
        StringBuilder json = new StringBuilder(32 * writes.size() + 2).append('{');
        for (Write write : writes) {
            RecordKey key = write.key();
            json.append(json.length() > 1 ? "," : "").append('"').append(key.recordType()).append('/')
                    .append(key.recordId()).append("\":").append(write.expectedVersion() + 1);
        }
        return json.append('}').toString();
    }

    private static Optional<CommitOutcome.Committed> previousOutcome(Connection connection, Commit commit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(PREVIOUS_COMMIT)) {
            bind(select, commit.tenantId(), commit.commitId());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Map<RecordKey, Long> versions = new HashMap<>();
                do {
                    String typeAndId = rows.getString(1);
                    if (typeAndId != null) {
                        int slash = typeAndId.indexOf('/');
                        versions.put(new RecordKey(commit.tenantId(), typeAndId.substring(0, slash), typeAndId.substring(slash + 1)),
                                Long.parseLong(rows.getString(2)));
                    }
                } while (rows.next());
                return Optional.of(new CommitOutcome.Committed(versions));
            }
        }
    }

    private static void appendToOutbox(Connection connection, Commit commit) throws SQLException {
        List<OutboxMessage> messages = commit.outbox();
        if (messages.isEmpty()) {
            return;
        }
        long last;
        try (PreparedStatement next = connection.prepareStatement(NEXT_SEQUENCES)) {
            bind(next, commit.tenantId(), (long) messages.size());
            try (ResultSet rows = next.executeQuery()) {
                rows.next();
                last = rows.getLong(1);
            }
        }
        long sequence = last - messages.size();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_MESSAGE)) {
            for (OutboxMessage message : messages) {
                bind(insert, commit.tenantId(), ++sequence, message.messageId(), message.eventType(), message.subjectType(),
                        message.subjectId(), message.json(), message.occurredAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // ---- query --------------------------------------------------------------------------------

    @Override
    public RecordPage query(RecordQuery query) {
        Optional<PageCursor> after = query.cursor().map(cursor -> PageCursor.decode(cursor, query));
        List<Object> parameters = parameters(query, after);
        String text = statement(query, after.isPresent());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(text)) {
            bind(statement, parameters.toArray());
            List<StoredRecord> records;
            try (ResultSet rows = statement.executeQuery()) {
                records = readRecords(rows, query.tenantId(), query.recordType(), query.limit() + 1);
            }
            if (records.size() <= query.limit()) {
                return new RecordPage(records, Optional.empty());
            }
            List<StoredRecord> page = records.subList(0, query.limit());
            StoredRecord last = page.get(page.size() - 1);
            Optional<IndexValue> rangeValue = query.range().map(range -> last.indexes().get(range.index()));
            return new RecordPage(page, Optional.of(new PageCursor(rangeValue, last.key().recordId()).encode(query)));
        } catch (SQLException e) {
            throw unavailable("query of " + query.recordType() + " in tenant " + query.tenantId(), e);
        }
    }

    /**
     * The query's statement. Its text depends only on the query's shape (the names and kinds of its
     * conditions, which bounds its range has, whether it continues after a cursor), so it is built once
     * per shape and the same string is handed to the driver every time, as a hand-written constant would be.
     */
    private String statement(RecordQuery query, boolean continued) {
        StringBuilder shape = new StringBuilder(32);
        query.equalTo().forEach((name, value) -> shape.append(name).append(' ').append(kind(value)).append(','));
        query.range().ifPresent(range -> shape.append("range ").append(range.index()).append(' ')
                .append(range.fromInclusive().or(range::toExclusive).map(PostgresStore::kind).orElse(-1))
                .append(range.fromInclusive().isPresent() ? " from" : "").append(range.toExclusive().isPresent() ? " to" : ""));
        shape.append(continued ? " after" : "");
        String key = shape.toString();
        String text = statements.get(key);
        if (text == null) {
            text = sql(query, continued);
            if (statements.size() < MAX_STATEMENTS) {
                statements.putIfAbsent(key, text);
            }
        }
        return text;
    }

    /** The text of the query's statement; its parameters are {@link #parameters}, in the same order. */
    private static String sql(RecordQuery query, boolean continued) {
        StringBuilder sql = new StringBuilder("select ").append(RECORD_COLUMNS).append(" from sk_record r");
        int alias = 0;
        for (Map.Entry<String, IndexValue> condition : query.equalTo().entrySet()) {
            String e = "e" + alias++;
            int kind = kind(condition.getValue());
            sql.append(joinIndex(e)).append(" and ").append(e).append(".kind = ").append(kind)
                    .append(" and ").append(e).append('.').append(column(kind)).append(" = ?");
        }
        String order = "r.record_id";
        int keyset = 1;
        if (query.range().isPresent()) {
            RecordQuery.Range range = query.range().get();
            sql.append(joinIndex("rv"));
            Optional<IndexValue> bound = range.fromInclusive().or(range::toExclusive);
            if (bound.isPresent()) {
                int kind = kind(bound.get());
                String column = "rv." + column(kind);
                sql.append(" and rv.kind = ").append(kind);
                range.fromInclusive().ifPresent(from -> sql.append(" and ").append(column).append(" >= ?"));
                range.toExclusive().ifPresent(to -> sql.append(" and ").append(column).append(" < ?"));
                order = column + ", r.record_id";
                keyset = 2;
            } else {
                // No bound: whole numbers first, then moments, as the reference store orders them.
                sql.append(" and rv.kind in (0, 1)");
                order = "rv.kind, coalesce(rv.whole_value, 0), coalesce(rv.moment_value, '-infinity'), r.record_id";
                keyset = 4;
            }
        }
        sql.append(" where r.tenant_id = ? and r.record_type = ?");
        if (continued) {
            sql.append(" and (").append(order).append(") > (").append("?, ".repeat(keyset - 1)).append("?)");
        }
        return sql.append(" order by ").append(order).append(" limit ?").toString();
    }

    /** The values of the query's parameters, in the order of {@link #sql}. */
    private static List<Object> parameters(RecordQuery query, Optional<PageCursor> after) {
        List<Object> parameters = new ArrayList<>(2 * query.equalTo().size() + 10);
        query.equalTo().forEach((name, value) -> {
            parameters.add(name);
            parameters.add(plain(value));
        });
        Optional<IndexValue> bound = Optional.empty();
        if (query.range().isPresent()) {
            RecordQuery.Range range = query.range().get();
            parameters.add(range.index());
            range.fromInclusive().ifPresent(from -> parameters.add(plain(from)));
            range.toExclusive().ifPresent(to -> parameters.add(plain(to)));
            bound = range.fromInclusive().or(range::toExclusive);
        }
        parameters.add(query.tenantId());
        parameters.add(query.recordType());
        if (after.isPresent()) {
            if (query.range().isPresent()) {
                IndexValue value = after.get().rangeValue().orElseThrow();
                if (bound.isPresent()) {
                    if (kind(value) != kind(bound.get())) {
                        throw new IllegalArgumentException("cursor was not produced by this store for this query");
                    }
                    parameters.add(plain(value));
                } else {
                    parameters.add(kind(value));
                    parameters.add(value instanceof IndexValue.Whole whole ? whole.value() : 0L);
                    parameters.add(value instanceof IndexValue.Moment moment ? moment.value() : Instant.EPOCH);
                }
            }
            parameters.add(after.get().recordId());
        }
        parameters.add(query.limit() + 1);
        return parameters;
    }

    private static String joinIndex(String alias) {
        return " join sk_index " + alias + " on " + alias + ".tenant_id = r.tenant_id and " + alias
                + ".record_type = r.record_type and " + alias + ".record_id = r.record_id and " + alias + ".name = ?";
    }

    // ---- outbox -------------------------------------------------------------------------------

    @Override
    public List<ClaimedMessage> claim(String tenantId, int max, Duration lease) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(lease, "lease");
        if (max < 1 || max > MAX_CLAIM) {
            throw new IllegalArgumentException("max must be 1.." + MAX_CLAIM + ", got " + max);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
        double leaseMicros = lease.getSeconds() * 1e6 + lease.getNano() / 1_000;
        List<ClaimedMessage> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setString(1, tenantId);
            statement.setInt(2, max);
            statement.setDouble(3, leaseMicros);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    OutboxMessage message = new OutboxMessage(rows.getString(2), tenantId, rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), instant(rows, 7));
                    claimed.add(new ClaimedMessage(message, rows.getLong(1), rows.getInt(8), instant(rows, 9)));
                }
            }
        } catch (SQLException e) {
            throw unavailable("claim in tenant " + tenantId, e);
        }
        claimed.sort(Comparator.comparingLong(ClaimedMessage::sequence));
        return claimed;
    }

    @Override
    public void acknowledge(String tenantId, Collection<String> messageIds) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (messageIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ACKNOWLEDGE)) {
            bind(statement, tenantId, connection.createArrayOf("text", messageIds.toArray()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("acknowledge in tenant " + tenantId, e);
        }
    }

    // ---- rows and parameters -----------------------------------------------------------------

    /**
     * The records of the rows, in row order. The rows of one page often carry the very same index fields
     * (they matched the same conditions), so each distinct text of the {@code indexes} column is parsed
     * once per call (for the first {@link #SHARED_INDEXES} distinct texts) and the first record's
     * immutable, checked map of it is shared by the records that follow, which the SPI takes as it is.
     */
    private static List<StoredRecord> readRecords(ResultSet rows, String tenantId, String recordType, int expected)
            throws SQLException {
        List<StoredRecord> records = new ArrayList<>(expected);
        String[] texts = new String[SHARED_INDEXES];
        List<Map<String, IndexValue>> maps = new ArrayList<>(SHARED_INDEXES);
        while (rows.next()) {
            String text = rows.getString(6);
            Map<String, IndexValue> indexes = null;
            for (int i = 0; i < maps.size(); i++) {
                if (texts[i].equals(text)) { // String.equals is an intrinsic: cheaper than hashing the text
                    indexes = maps.get(i);
                    break;
                }
            }
            StoredRecord record = new StoredRecord(new RecordKey(tenantId, recordType, rows.getString(1)), rows.getLong(2),
                    rows.getInt(3), rows.getString(4), indexes != null ? indexes : IndexesColumn.read(text), instant(rows, 5));
            if (indexes == null && maps.size() < SHARED_INDEXES) {
                texts[maps.size()] = text;
                maps.add(record.indexes());
            }
            records.add(record);
        }
        return records;
    }

    private static int kind(IndexValue value) {
        if (value instanceof IndexValue.Whole) {
            return WHOLE;
        }
        return value instanceof IndexValue.Moment ? MOMENT : TEXT;
    }

    private static String column(int kind) {
        return switch (kind) {
            case WHOLE -> "whole_value";
            case MOMENT -> "moment_value";
            default -> "text_value";
        };
    }

    private static Object plain(IndexValue value) {
        if (value instanceof IndexValue.Whole whole) {
            return whole.value();
        }
        if (value instanceof IndexValue.Moment moment) {
            return moment.value();
        }
        return ((IndexValue.Text) value).value();
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value == null) {
                statement.setNull(i + 1, java.sql.Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static void rollbackAfter(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static StoreUnavailableException unavailable(String what, SQLException cause) {
        return new StoreUnavailableException(what + " failed: " + cause.getMessage(), cause);
    }
}
