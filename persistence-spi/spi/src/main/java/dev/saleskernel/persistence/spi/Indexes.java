package dev.saleskernel.persistence.spi;

import java.util.Map;
import java.util.TreeMap;

final class Indexes {
    static final int MAX_INDEXES = 16;

    private Indexes() {
    }

    static Map<String, IndexValue> copy(Map<String, IndexValue> indexes) {
        if (indexes == null) {
            throw new NullPointerException("indexes must not be null");
        }
        if (indexes.size() > MAX_INDEXES) {
            throw new IllegalArgumentException("at most " + MAX_INDEXES + " index fields per record, got " + indexes.size());
        }
        TreeMap<String, IndexValue> sorted = new TreeMap<>();
        indexes.forEach((name, value) -> {
            if (value == null) {
                throw new NullPointerException("index '" + name + "' has a null value");
            }
            sorted.put(Names.indexName(name), value);
        });
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
