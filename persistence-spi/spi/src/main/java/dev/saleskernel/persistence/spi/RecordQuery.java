package dev.saleskernel.persistence.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A query over one tenant's records of one type: equality on any declared index fields, at most
 * one range, and cursor paging.
 *
 * <p>A store MUST return exactly the records of {@code tenantId} and {@code recordType} whose
 * indexes hold every equality (<b>RS-7.1</b>) and whose range field lies in the range
 * (<b>RS-7.2</b>); a record lacking a named index field does not match. Results MUST be ordered
 * by the range field's value and then by record id when a range is given, and by record id
 * otherwise (<b>RS-7.3</b>). A page holds at most {@code limit} records (<b>RS-7.4</b>).
 *
 * <p>Paging is stable: following the cursors from the first page to the last MUST return every
 * record that matched throughout, exactly once, even while other records are created or
 * updated between pages (<b>RS-7.6</b>).
 *
 * @param tenantId   the tenant searched
 * @param recordType the record type searched
 * @param equalTo    index fields that must equal the given values (possibly none)
 * @param range      an optional range on one index field
 * @param limit      the page size, 1 to {@link #MAX_LIMIT}
 * @param cursor     the {@link RecordPage#nextCursor()} of the previous page, or empty for the first page
 */
public record RecordQuery(String tenantId, String recordType, Map<String, IndexValue> equalTo,
                          Optional<Range> range, int limit, Optional<String> cursor) {

    /** The largest page a store MUST serve. */
    public static final int MAX_LIMIT = 1_000;

    public RecordQuery {
        Names.identifier(tenantId, "tenantId");
        Names.type(recordType, "recordType");
        equalTo = Indexes.copy(equalTo);
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The first page of all records of a type, at most {@code limit} records. */
    public static RecordQuery all(String tenantId, String recordType, int limit) {
        return new RecordQuery(tenantId, recordType, Map.of(), Optional.empty(), limit, Optional.empty());
    }

    /** This query with another equality condition. */
    public RecordQuery whereEquals(String index, IndexValue value) {
        Map<String, IndexValue> more = new java.util.TreeMap<>(equalTo);
        more.put(index, value);
        return new RecordQuery(tenantId, recordType, more, range, limit, cursor);
    }

    /** This query with a range condition (replacing any earlier one). */
    public RecordQuery whereIn(Range newRange) {
        return new RecordQuery(tenantId, recordType, equalTo, Optional.of(newRange), limit, cursor);
    }

    /** The same query positioned after the given page. */
    public RecordQuery after(String nextCursor) {
        return new RecordQuery(tenantId, recordType, equalTo, range, limit, Optional.of(nextCursor));
    }

    /**
     * A half-open range {@code [fromInclusive, toExclusive)} on one index field of kind
     * {@link IndexValue.Whole} or {@link IndexValue.Moment}; either bound may be absent (unbounded).
     * Both bounds MUST be of the same kind.
     */
    public record Range(String index, Optional<IndexValue> fromInclusive, Optional<IndexValue> toExclusive) {
        public Range {
            Names.indexName(index);
            Objects.requireNonNull(fromInclusive, "fromInclusive");
            Objects.requireNonNull(toExclusive, "toExclusive");
            fromInclusive.ifPresent(Range::requireOrdered);
            toExclusive.ifPresent(Range::requireOrdered);
            if (fromInclusive.isPresent() && toExclusive.isPresent()
                    && fromInclusive.get().getClass() != toExclusive.get().getClass()) {
                throw new IllegalArgumentException("range bounds must be of the same kind");
            }
        }

        public static Range between(String index, IndexValue fromInclusive, IndexValue toExclusive) {
            return new Range(index, Optional.of(fromInclusive), Optional.of(toExclusive));
        }

        public static Range atLeast(String index, IndexValue fromInclusive) {
            return new Range(index, Optional.of(fromInclusive), Optional.empty());
        }

        public static Range below(String index, IndexValue toExclusive) {
            return new Range(index, Optional.empty(), Optional.of(toExclusive));
        }

        private static void requireOrdered(IndexValue value) {
            if (value instanceof IndexValue.Text) {
                throw new IllegalArgumentException("text index values support equality only, not ranges");
            }
        }
    }
}
