package dev.saleskernel.persistence.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a {@link RecordQuery}'s results.
 *
 * <p>{@code nextCursor} is present if and only if more matching records may follow; it is opaque
 * to the caller and only meaningful for the same query (<b>RS-7.4</b>).
 *
 * @param records    the records of this page, in query order
 * @param nextCursor where the next page starts, empty on the last page
 */
public record RecordPage(List<StoredRecord> records, Optional<String> nextCursor) {
    public RecordPage {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
