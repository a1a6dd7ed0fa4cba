package dev.saleskernel.persistence.tck;

import dev.saleskernel.persistence.spi.OutboxStore;
import dev.saleskernel.persistence.spi.RecordStore;

import java.util.Objects;

/**
 * The stores a contract run tests: the record store and the outbox store filled by its commits.
 * Both may be the same object.
 *
 * @param records the record store under test
 * @param outbox  the outbox store that sees the messages committed through {@code records}
 */
public record StoresUnderTest(RecordStore records, OutboxStore outbox) {
    public StoresUnderTest {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(outbox, "outbox");
    }

    /** One object that is both the record store and the outbox store. */
    public static <S extends RecordStore & OutboxStore> StoresUnderTest of(S store) {
        return new StoresUnderTest(store, store);
    }
}
