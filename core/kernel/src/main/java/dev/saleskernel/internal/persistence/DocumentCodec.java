package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps one aggregate type to a JSON document through a hand-written DTO (never a reflective dump
 * of the aggregate, never default typing). Declares the record type, the current schema version
 * and the upcasters from every earlier version. Unknown members are ignored; a newer schema
 * version is refused with {@link UnsupportedSchemaVersionException}.
 *
 * @param <A> the aggregate
 * @param <D> its persistence DTO
 */
public abstract class DocumentCodec<A, D> {
    private final String recordType;
    private final int schemaVersion;
    private final Class<D> documentType;
    private final Map<Integer, Upcaster> upcasters = new TreeMap<>();
    protected final SafeJson json;

    protected DocumentCodec(SafeJson json, String recordType, int schemaVersion, Class<D> documentType,
                            List<Upcaster> upcasters) {
        this.json = json;
        this.recordType = recordType;
        this.schemaVersion = schemaVersion;
        this.documentType = documentType;
        for (Upcaster upcaster : upcasters) {
            if (upcaster.fromVersion() < 1 || upcaster.fromVersion() >= schemaVersion
                    || this.upcasters.put(upcaster.fromVersion(), upcaster) != null) {
                throw new IllegalArgumentException(recordType + ": upcaster from version " + upcaster.fromVersion()
                        + " is out of range or duplicated");
            }
        }
        for (int version = 1; version < schemaVersion; version++) {
            if (!this.upcasters.containsKey(version)) {
                throw new IllegalArgumentException(recordType + ": no upcaster from version " + version);
            }
        }
    }

    public final String recordType() {
        return recordType;
    }

    public final int schemaVersion() {
        return schemaVersion;
    }

    /** The record id the aggregate is stored under. */
    public abstract String recordId(A aggregate);

    /** The index fields queries may use; none by default. */
    public Map<String, IndexValue> indexes(A aggregate) {
        return Map.of();
    }

    protected abstract D toDocument(A aggregate);

    protected abstract A fromDocument(D document);

    /** The aggregate as a JSON document of the current schema version. */
    public final String encode(A aggregate) {
        return json.write(toDocument(aggregate));
    }

    /** Reads a stored record, upcasting older schema versions. */
    public final A decode(StoredRecord record) {
        return decode(record.schemaVersion(), record.json());
    }

    /** Reads a document of the given schema version, upcasting it to the current one. */
    public final A decode(int storedVersion, String document) {
        if (storedVersion > schemaVersion) {
            throw new UnsupportedSchemaVersionException(recordType, storedVersion, schemaVersion);
        }
        JsonNode tree = json.parse(recordType, document)
                .getOrElseThrow(rejected -> new CorruptRecordException(recordType + ": " + rejected));
        if (!(tree instanceof ObjectNode object)) {
            throw new CorruptRecordException(recordType + ": the stored document is not a JSON object");
        }
        ObjectNode current = object;
        for (int version = storedVersion; version < schemaVersion; version++) {
            current = upcasters.get(version).upcast(current);
        }
        D dto = json.read(recordType, current, documentType)
                .getOrElseThrow(rejected -> new CorruptRecordException(recordType + ": " + rejected));
        try {
            return fromDocument(dto);
        } catch (RuntimeException e) {
            throw new CorruptRecordException(recordType + ": the stored document breaks a rule of the model: " + e.getMessage());
        }
    }
}
