package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.RecordQuery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A keyset cursor: the position just after the last record of a page, as (range value, record id),
 * with a fingerprint of the query it belongs to. Opaque to callers (Base64 URL-safe text).
 *
 * @param rangeValue the last record's value of the range field, present if and only if the query has a range
 * @param recordId   the last record's id
 */
record PageCursor(Optional<IndexValue> rangeValue, String recordId) {

    private static final String TAG = "pg2";

    String encode(RecordQuery query) {
        String value = rangeValue.map(PageCursor::encodeValue).orElse("N|");
        String plain = TAG + "|" + fingerprint(query) + "|" + value + "|" + recordId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's position, or {@link IllegalArgumentException} if this store did not make it for this query. */
    static PageCursor decode(String cursor, RecordQuery query) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 5);
            if (parts.length != 5 || !parts[0].equals(TAG) || !parts[1].equals(fingerprint(query)) || parts[4].isEmpty()) {
                throw notOurs(cursor, null);
            }
            Optional<IndexValue> value = switch (parts[2]) {
                case "N" -> Optional.empty();
                case "W" -> Optional.of(IndexValue.whole(Long.parseLong(parts[3])));
                case "M" -> Optional.of(IndexValue.moment(Instant.parse(parts[3])));
                default -> throw notOurs(cursor, null);
            };
            if (value.isPresent() != query.range().isPresent()) {
                throw notOurs(cursor, null);
            }
            return new PageCursor(value, parts[4]);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw notOurs(cursor, e);
        }
    }

    private static IllegalArgumentException notOurs(String cursor, Exception cause) {
        return new IllegalArgumentException("cursor was not produced by this store for this query: " + cursor, cause);
    }

    /**
     * A hash of the query's shape (tenant, type, equality conditions, range), written out canonically
     * rather than through {@code toString()}, whose format records leave unspecified: a cursor stays
     * valid across JDKs. Text values carry their length, so no two shapes share a text.
     */
    static String fingerprint(RecordQuery query) {
        StringBuilder shape = new StringBuilder(64).append(query.tenantId()).append('|').append(query.recordType());
        query.equalTo().forEach((name, value) -> shape(shape.append('|').append(name).append('='), value));
        query.range().ifPresent(range -> {
            shape.append("|range ").append(range.index());
            range.fromInclusive().ifPresent(from -> shape(shape.append(" from "), from));
            range.toExclusive().ifPresent(to -> shape(shape.append(" to "), to));
        });
        return Integer.toHexString(shape.toString().hashCode());
    }

    private static void shape(StringBuilder shape, IndexValue value) {
        if (value instanceof IndexValue.Whole whole) {
            shape.append("W:").append(whole.value());
        } else if (value instanceof IndexValue.Moment moment) {
            shape.append("M:").append(moment.value());
        } else {
            String text = ((IndexValue.Text) value).value();
            shape.append('T').append(text.length()).append(':').append(text);
        }
    }

    private static String encodeValue(IndexValue value) {
        if (value instanceof IndexValue.Whole whole) {
            return "W|" + whole.value();
        }
        if (value instanceof IndexValue.Moment moment) {
            return "M|" + moment.value();
        }
        throw new IllegalArgumentException("text values have no order: " + value);
    }
}
