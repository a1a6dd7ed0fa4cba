package dev.saleskernel.persistence.spi;

import java.util.Comparator;

/**
 * The identity of one stored record: tenant, record type and record id.
 *
 * <p>The tenant is part of every key: a store MUST NOT return, overwrite or page over a record
 * of another tenant (<b>RS-6</b>). Tenant and record ids are 1–200 characters from
 * {@code [A-Za-z0-9._:@-]}; record types are lower-case words {@code [a-z][a-z0-9.-]*} of at most
 * 100 characters. Because all three are ASCII, ordering by {@link String#compareTo} equals
 * ordering by bytes, which is how a store MUST order record ids in query results (<b>RS-7.3</b>).
 *
 * @param tenantId   the tenant the record belongs to
 * @param recordType the logical type of the record, e.g. {@code "tenant-settings"}
 * @param recordId   the record's id, unique within tenant and type
 */
public record RecordKey(String tenantId, String recordType, String recordId) implements Comparable<RecordKey> {

    private static final Comparator<RecordKey> ORDER = Comparator.comparing(RecordKey::tenantId)
            .thenComparing(RecordKey::recordType)
            .thenComparing(RecordKey::recordId);

    public RecordKey {
        Names.identifier(tenantId, "tenantId");
        Names.type(recordType, "recordType");
        Names.identifier(recordId, "recordId");
    }

    @Override
    public int compareTo(RecordKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return tenantId + "/" + recordType + "/" + recordId;
    }
}
