package dev.saleskernel.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Hand-written JDBC doing what the adapter's hot paths do, on the adapter's own schema, without the
 * SPI: the same conditional update in its own transaction, and the same one-page equality query.
 * {@code PostgresBaselinesTest} checks that they leave and return what the adapter does.
 */
final class PostgresBaselines {

    private static final String UPDATE = "update sk_record set version = version + 1, schema_version = ?,"
            + " document = cast(? as jsonb), written_at = now()"
            + " where tenant_id = ? and record_type = ? and record_id = ? and version = ?";
    private static final String PAGE = "select r.record_id, r.version, r.document::text from sk_record r"
            + " join sk_index e on e.tenant_id = r.tenant_id and e.record_type = r.record_type"
            + " and e.record_id = r.record_id and e.name = ? and e.kind = 2 and e.text_value = ?"
            + " where r.tenant_id = ? and r.record_type = ? order by r.record_id limit ?";

    private PostgresBaselines() {
    }

    /** The bare compare-and-swap: {@code update ... where version = ?} and commit; true if it applied. */
    static boolean conditionalUpdate(DataSource dataSource, String tenant, String type, String id, long expectedVersion,
                                     String json) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                update.setInt(1, 1);
                update.setString(2, json);
                update.setString(3, tenant);
                update.setString(4, type);
                update.setString(5, id);
                update.setLong(6, expectedVersion);
                boolean applied = update.executeUpdate() == 1;
                if (applied) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return applied;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** One page of the records whose text index {@code name} equals {@code value}: id, version, document. */
    static List<String[]> page(DataSource dataSource, String tenant, String type, String name, String value, int limit)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(PAGE)) {
            select.setString(1, name);
            select.setString(2, value);
            select.setString(3, tenant);
            select.setString(4, type);
            select.setInt(5, limit);
            List<String[]> rows = new ArrayList<>(limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new String[] {result.getString(1), Long.toString(result.getLong(2)), result.getString(3)});
                }
            }
            return rows;
        }
    }
}
