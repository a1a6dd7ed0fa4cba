package dev.saleskernel.persistence.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * One record as the store holds it.
 *
 * <p>A store MUST return the version, schema version and index values exactly as the last
 * successful {@link Write} left them (<b>RS-1.2</b>), and a JSON document semantically equal
 * to the one written: same members and values, in any member order and with any white space
 * (<b>RS-8.1</b>, <b>RS-8.2</b>). {@code writtenAt} is the store's time of the commit, with at
 * least millisecond and at most microsecond precision (<b>RS-9.1</b>).
 *
 * @param key           the record's identity
 * @param version       1 after creation, +1 on every successful write
 * @param schemaVersion the version of the JSON document's schema, chosen by the writer
 * @param json          the document, a JSON object
 * @param indexes       the declared index fields, by name
 * @param writtenAt     when the commit that wrote this version happened, by the store's clock
 */
public record StoredRecord(RecordKey key, long version, int schemaVersion, String json,
                           Map<String, IndexValue> indexes, Instant writtenAt) {
    public StoredRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (version < 1) {
            throw new IllegalArgumentException("a stored record's version is at least 1, got " + version);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion is at least 1, got " + schemaVersion);
        }
        indexes = Indexes.copy(indexes);
        writtenAt = writtenAt.truncatedTo(ChronoUnit.MICROS);
    }
}
