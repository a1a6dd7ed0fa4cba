package dev.saleskernel.persistence.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The value of one declared index field of a record, used by {@link RecordQuery}.
 *
 * <p>Three kinds exist. {@link Text} supports equality only. {@link Whole} (a {@code long}) and
 * {@link Moment} (an {@link Instant} at microsecond precision) support equality and one range
 * per query. A store MUST compare values only with values of the same kind; a {@code Text "5"}
 * never equals a {@code Whole 5} (<b>RS-7.5</b>).
 */
public sealed interface IndexValue {

    /** A text value of at most 500 characters; equality only, compared exactly (case-sensitive). */
    record Text(String value) implements IndexValue {
        public static final int MAX_LENGTH = 500;

        public Text {
            Objects.requireNonNull(value, "value");
            if (value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("index text longer than " + MAX_LENGTH + " characters");
            }
        }
    }

    /** A whole number; ordered numerically. */
    record Whole(long value) implements IndexValue {
    }

    /**
     * An instant, truncated to microseconds on construction so that every store can keep it
     * exactly (<b>RS-9.2</b>); ordered chronologically.
     */
    record Moment(Instant value) implements IndexValue {
        public Moment {
            value = Objects.requireNonNull(value, "value").truncatedTo(ChronoUnit.MICROS);
        }
    }

    static IndexValue text(String value) {
        return new Text(value);
    }

    static IndexValue whole(long value) {
        return new Whole(value);
    }

    static IndexValue moment(Instant value) {
        return new Moment(value);
    }
}
