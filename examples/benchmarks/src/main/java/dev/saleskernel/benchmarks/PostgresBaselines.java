package dev.saleskernel.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;

/**
 * Hand-written JDBC doing what the adapter's hot paths do, on the adapter's own schema, without the
 * SPI's types: the same statements, in the same transactions, with the same round trips.
 * {@code PostgresBaselinesTest} checks that they leave the same rows, return the same page and make
 * the same calls to the server as the adapter.
 */
final class PostgresBaselines {

    /** The commit id row and the conditional update in one statement, as the SPI's idempotent commit needs (RS-5). */
    private static final String COMMIT_UPDATE = "with commit_id as (insert into sk_commit"
            + " (tenant_id, commit_id, new_versions, committed_at) values (?, ?, cast(? as jsonb), now())"
            + " on conflict do nothing returning 1),"
            + " written as (update sk_record set version = version + 1, schema_version = ?, document = cast(? as jsonb),"
            + " indexes = cast(? as jsonb), written_at = now()"
            + " where tenant_id = ? and record_type = ? and record_id = ? and version = ? and exists (select 1 from commit_id)"
            + " returning 1)"
            + " select (select count(*) from commit_id), (select count(*) from written)";
    private static final String PAGE = "select r.record_id, r.version, r.schema_version, r.document::text, r.written_at,"
            + " r.indexes::text from sk_record r"
            + " join sk_index e on e.tenant_id = r.tenant_id and e.record_type = r.record_type"
            + " and e.record_id = r.record_id and e.name = ? and e.kind = 2 and e.text_value = ?"
            + " where r.tenant_id = ? and r.record_type = ? order by r.record_id limit ?";

    /** What a commit did: written, refused because the version was stale, or not run because its id was taken. */
    enum Outcome { WRITTEN, STALE, ID_TAKEN }

    /** One record of a page, its columns as read. */
    record Row(String recordId, long version, int schemaVersion, String json, Instant writtenAt, String indexes) {
    }

    /** A page and the keyset cursor after its last row (null when no row follows). */
    record Page(List<Row> rows, String nextCursor) {
    }

    private PostgresBaselines() {
    }

    /**
     * Updates one record whose single index field {@code owner} is a text, if it is at {@code expectedVersion},
     * recording {@code commitId} in the same transaction: one statement and {@code COMMIT}.
     */
    static Outcome commit(DataSource dataSource, String tenant, String commitId, String type, String id,
                          long expectedVersion, String json, String owner) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(COMMIT_UPDATE)) {
                update.setString(1, tenant);
                update.setString(2, commitId);
                update.setString(3, "{\"" + type + "/" + id + "\":" + (expectedVersion + 1) + "}");
                update.setInt(4, 1);
                update.setString(5, json);
                update.setString(6, "{\"owner\":{\"text\":\"" + owner + "\"}}");
                update.setString(7, tenant);
                update.setString(8, type);
                update.setString(9, id);
                update.setLong(10, expectedVersion);
                Outcome outcome;
                try (ResultSet counts = update.executeQuery()) {
                    counts.next();
                    outcome = counts.getLong(1) == 0 ? Outcome.ID_TAKEN : counts.getLong(2) == 1 ? Outcome.WRITTEN : Outcome.STALE;
                }
                if (outcome == Outcome.WRITTEN) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * The first page of the records of {@code type} whose text index {@code name} equals {@code value}, in
     * record id order: every column the adapter reads, and the adapter's cursor after the last row.
     */
    static Page page(DataSource dataSource, String tenant, String type, String name, String value, int pageSize)
            throws SQLException {
        List<Row> rows = new ArrayList<>(pageSize + 1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(PAGE)) {
            select.setString(1, name);
            select.setString(2, value);
            select.setString(3, tenant);
            select.setString(4, type);
            select.setInt(5, pageSize + 1);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getLong(2), result.getInt(3), result.getString(4),
                            result.getObject(5, OffsetDateTime.class).toInstant(), result.getString(6)));
                }
            }
        }
        if (rows.size() <= pageSize) {
            return new Page(rows, null);
        }
        rows.remove(pageSize);
        String shape = tenant + "|" + type + "|" + name + "=T" + value.length() + ":" + value;
        String cursor = "pg2|" + Integer.toHexString(shape.hashCode()) + "|N||" + rows.get(pageSize - 1).recordId();
        return new Page(rows, Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8)));
    }
}
