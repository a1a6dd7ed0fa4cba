package dev.saleskernel.application;

import java.util.UUID;

/** Where new ids come from (outbox message ids, generated aggregate ids). */
@FunctionalInterface
public interface IdSource {

    /** A new id, unique within the tenant, 1–200 characters from {@code [A-Za-z0-9._:@-]}. */
    String newId();

    /** Random UUIDs. */
    static IdSource randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
