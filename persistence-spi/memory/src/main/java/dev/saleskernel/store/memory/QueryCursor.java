package dev.saleskernel.store.memory;

import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.RecordQuery;
import dev.saleskernel.persistence.spi.StoredRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * A keyset cursor: the position after the last record of a page, as (range value, record id),
 * plus a fingerprint of the query it belongs to. Because it names a position rather than an
 * offset, records inserted or updated between pages shift nothing.
 */
record QueryCursor(String fingerprint, Position position) {

    /** Where a record sorts in a query's results: by range value (if any), then by record id. */
    record Position(Optional<IndexValue> rangeValue, String recordId) implements Comparable<Position> {
        private static final Comparator<Position> ORDER = Comparator
                .comparing(Position::rangeValue, Comparator.comparing(
                        (Optional<IndexValue> value) -> value.orElse(null),
                        Comparator.nullsFirst(QueryCursor::compareOrdered)))
                .thenComparing(Position::recordId);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    /** A matching record and its position. */
    record Hit(Position position, StoredRecord record) implements Comparable<Hit> {
        @Override
        public int compareTo(Hit other) {
            return position.compareTo(other.position);
        }
    }

    static Optional<Hit> hit(RecordQuery query, StoredRecord candidate) {
        Map<String, IndexValue> indexes = candidate.indexes();
        for (Map.Entry<String, IndexValue> condition : query.equalTo().entrySet()) {
            if (!condition.getValue().equals(indexes.get(condition.getKey()))) {
                return Optional.empty();
            }
        }
        Optional<IndexValue> rangeValue = Optional.empty();
        if (query.range().isPresent()) {
            RecordQuery.Range range = query.range().get();
            IndexValue value = indexes.get(range.index());
            if (!isOrdered(value)
                    || range.fromInclusive().filter(from -> !sameKind(from, value) || compareOrdered(value, from) < 0).isPresent()
                    || range.toExclusive().filter(to -> !sameKind(to, value) || compareOrdered(value, to) >= 0).isPresent()) {
                return Optional.empty();
            }
            rangeValue = Optional.of(value);
        }
        return Optional.of(new Hit(new Position(rangeValue, candidate.key().recordId()), candidate));
    }

    static QueryCursor after(Hit last, RecordQuery query) {
        return new QueryCursor(fingerprint(query), last.position());
    }

    boolean isBefore(Hit hit) {
        return position.compareTo(hit.position()) < 0;
    }

    String encode() {
        String value = position.rangeValue().map(QueryCursor::encodeValue).orElse("N|");
        String plain = "1|" + fingerprint + "|" + value + "|" + position.recordId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static QueryCursor decode(String cursor, RecordQuery query) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 5);
            if (parts.length != 5 || !parts[0].equals("1") || !parts[1].equals(fingerprint(query)) || parts[4].isEmpty()) {
                throw new IllegalArgumentException("cursor was not produced by this store for this query: " + cursor);
            }
            Optional<IndexValue> value = switch (parts[2]) {
                case "N" -> Optional.empty();
                case "W" -> Optional.of(IndexValue.whole(Long.parseLong(parts[3])));
                case "M" -> Optional.of(IndexValue.moment(Instant.parse(parts[3])));
                default -> throw new IllegalArgumentException("unknown cursor value kind in " + cursor);
            };
            if (value.isPresent() != query.range().isPresent()) {
                throw new IllegalArgumentException("cursor was not produced by this store for this query: " + cursor);
            }
            return new QueryCursor(parts[1], new Position(value, parts[4]));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed cursor " + cursor, e);
        }
    }

    private static String fingerprint(RecordQuery query) {
        String shape = query.tenantId() + "|" + query.recordType() + "|" + query.equalTo() + "|" + query.range();
        return Integer.toHexString(shape.hashCode());
    }

    private static String encodeValue(IndexValue value) {
        if (value instanceof IndexValue.Whole whole) {
            return "W|" + whole.value();
        }
        return "M|" + ((IndexValue.Moment) value).value();
    }

    private static boolean isOrdered(IndexValue value) {
        return value instanceof IndexValue.Whole || value instanceof IndexValue.Moment;
    }

    private static boolean sameKind(IndexValue a, IndexValue b) {
        return a.getClass() == b.getClass();
    }

    /** Wholes before moments (a field should hold one kind); within a kind, natural order. */
    private static int compareOrdered(IndexValue a, IndexValue b) {
        if (a instanceof IndexValue.Whole x && b instanceof IndexValue.Whole y) {
            return Long.compare(x.value(), y.value());
        }
        if (a instanceof IndexValue.Moment x && b instanceof IndexValue.Moment y) {
            return x.value().compareTo(y.value());
        }
        return a instanceof IndexValue.Whole ? -1 : 1;
    }
}
