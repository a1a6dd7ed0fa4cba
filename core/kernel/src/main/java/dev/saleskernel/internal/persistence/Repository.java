package dev.saleskernel.internal.persistence;

import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.Write;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.persistence.spi.RecordPage;
import dev.saleskernel.persistence.spi.RecordQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A typed repository for one aggregate type over the generic {@link RecordStore}. */
public final class Repository<A> {
    private final RecordStore store;
    private final DocumentCodec<A, ?> codec;

    public Repository(RecordStore store, DocumentCodec<A, ?> codec) {
        this.store = store;
        this.codec = codec;
    }

    public String recordType() {
        return codec.recordType();
    }

    public RecordKey keyOf(TenantId tenant, String recordId) {
        return new RecordKey(tenant.value(), codec.recordType(), recordId);
    }

    public Optional<Loaded<A>> load(TenantId tenant, String recordId) {
        return store.load(keyOf(tenant, recordId))
                .map(record -> new Loaded<>(codec.decode(record), record.version()));
    }

    /** The compare-and-swap write that stores {@code after} over what was loaded (or creates it). */
    public Write writeOf(TenantId tenant, Optional<Loaded<A>> before, A after) {
        RecordKey key = keyOf(tenant, codec.recordId(after));
        return new Write(key, before.map(Loaded::version).orElse(0L), codec.schemaVersion(), codec.encode(after),
                codec.indexes(after));
    }

    /** Every record of this type in the tenant, page by page, in the store's query order. */
    public List<A> all(TenantId tenant) {
        return every(RecordQuery.all(tenant.value(), codec.recordType(), 100));
    }

    /**
     * Every record of this type in the tenant whose declared index field {@code index} equals
     * {@code value} (the store serves it from its index, e.g. a PostgreSQL index), in record-id order.
     */
    public List<A> where(TenantId tenant, String index, IndexValue value) {
        return every(RecordQuery.all(tenant.value(), codec.recordType(), 100).whereEquals(index, value));
    }

    private List<A> every(RecordQuery first) {
        List<A> found = new ArrayList<>();
        RecordQuery query = first;
        while (true) {
            RecordPage page = store.query(query);
            page.records().forEach(record -> found.add(codec.decode(record)));
            if (page.nextCursor().isEmpty()) {
                return found;
            }
            query = query.after(page.nextCursor().get());
        }
    }
}
