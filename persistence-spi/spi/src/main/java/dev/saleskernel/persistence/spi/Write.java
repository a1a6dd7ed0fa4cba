package dev.saleskernel.persistence.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One compare-and-swap write inside a {@link Commit}.
 *
 * <p>{@code expectedVersion} 0 means the record MUST NOT exist yet: the write creates it at
 * version 1 (<b>RS-2.1</b>), and if the key exists the whole commit is a {@link CommitOutcome.Conflict}
 * (<b>RS-2.2</b>). Any other value means the record MUST exist at exactly that version: the
 * write replaces it at {@code expectedVersion + 1} (<b>RS-3.1</b>); otherwise the whole commit is a
 * conflict and nothing is written (<b>RS-3.2</b>, <b>RS-3.3</b>).
 *
 * @param key             the record to write
 * @param expectedVersion the version the writer read, 0 for "must not exist"
 * @param schemaVersion   the schema version of {@code json}, at least 1
 * @param json            the whole new document, a JSON object; at most {@link #MAX_JSON_LENGTH} characters
 * @param indexes         the index fields of the new version (replacing the old ones entirely)
 */
public record Write(RecordKey key, long expectedVersion, int schemaVersion, String json,
                    Map<String, IndexValue> indexes) {

    /** The largest document a store MUST accept: 4 MiB of characters (<b>RS-8.3</b>). */
    public static final int MAX_JSON_LENGTH = 4 * 1024 * 1024;

    public Write {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion is 0 (must not exist) or a stored version, got " + expectedVersion);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion is at least 1, got " + schemaVersion);
        }
        if (json.length() > MAX_JSON_LENGTH) {
            throw new IllegalArgumentException("json longer than " + MAX_JSON_LENGTH + " characters");
        }
        if (!json.stripLeading().startsWith("{")) {
            throw new IllegalArgumentException("json must be a JSON object");
        }
        indexes = Indexes.copy(indexes);
    }

    /** A write that creates {@code key}; the record must not exist. */
    public static Write create(RecordKey key, int schemaVersion, String json, Map<String, IndexValue> indexes) {
        return new Write(key, 0, schemaVersion, json, indexes);
    }

    /** A write that replaces {@code key} if it is still at {@code expectedVersion}. */
    public static Write update(RecordKey key, long expectedVersion, int schemaVersion, String json,
                               Map<String, IndexValue> indexes) {
        if (expectedVersion < 1) {
            throw new IllegalArgumentException("an update expects a stored version (at least 1), got " + expectedVersion);
        }
        return new Write(key, expectedVersion, schemaVersion, json, indexes);
    }
}
