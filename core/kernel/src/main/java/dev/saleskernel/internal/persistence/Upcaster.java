package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites a stored document of schema version {@link #fromVersion()} into version
 * {@code fromVersion() + 1}. Upcasters chain: a v1 document read by a v3 codec passes through the
 * v1 and v2 upcasters in order.
 */
public interface Upcaster {
    int fromVersion();

    /** Returns the document at the next version; may modify and return {@code document}. */
    ObjectNode upcast(ObjectNode document);
}
