package dev.saleskernel.persistence.spi;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The index fields of a {@link Write}, {@link StoredRecord} or {@link RecordQuery}: checked once and
 * held as an immutable map in name order.
 *
 * <p>Every write, every record a store reads and every query carries one, so the map is two small
 * sorted arrays (at most {@link #MAX_INDEXES} names) rather than a {@code TreeMap} behind an
 * unmodifiable view, and a map this class made is passed on as it is: it is immutable and already
 * checked, so building a record from another record's index fields copies nothing.
 */
final class Indexes {
    static final int MAX_INDEXES = 16;

    private static final Fields EMPTY = new Fields(new String[0], new IndexValue[0]);

    private Indexes() {
    }

    static Map<String, IndexValue> copy(Map<String, IndexValue> indexes) {
        if (indexes == null) {
            throw new NullPointerException("indexes must not be null");
        }
        if (indexes instanceof Fields) {
            return indexes; // made here: immutable and checked
        }
        int size = indexes.size();
        if (size > MAX_INDEXES) {
            throw new IllegalArgumentException("at most " + MAX_INDEXES + " index fields per record, got " + size);
        }
        if (size == 0) {
            return EMPTY;
        }
        String[] names = new String[size];
        IndexValue[] values = new IndexValue[size];
        int count = 0;
        for (Map.Entry<String, IndexValue> field : indexes.entrySet()) {
            String name = field.getKey();
            IndexValue value = field.getValue();
            if (value == null) {
                throw new NullPointerException("index '" + name + "' has a null value");
            }
            Names.indexName(name);
            if (count == size) {
                throw new IllegalArgumentException("the index fields changed while being copied");
            }
            // insertion sort: at most 16 names, usually one to three
            int at = count++;
            while (at > 0 && names[at - 1].compareTo(name) > 0) {
                names[at] = names[at - 1];
                values[at] = values[at - 1];
                at--;
            }
            if (at > 0 && names[at - 1].equals(name)) {
                throw new IllegalArgumentException("index '" + name + "' appears twice");
            }
            names[at] = name;
            values[at] = value;
        }
        if (count != size) {
            throw new IllegalArgumentException("the index fields changed while being copied");
        }
        return new Fields(names, values);
    }

    /** An immutable map over names in ascending order and their values. */
    private static final class Fields extends AbstractMap<String, IndexValue> {
        private final String[] names;
        private final IndexValue[] values;
        private Set<Map.Entry<String, IndexValue>> entries;

        Fields(String[] names, IndexValue[] values) {
            this.names = names;
            this.values = values;
        }

        private int indexOf(Object key) {
            if (!(key instanceof String name)) {
                return -1;
            }
            int low = 0;
            int high = names.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = names[middle].compareTo(name);
                if (order < 0) {
                    low = middle + 1;
                } else if (order > 0) {
                    high = middle - 1;
                } else {
                    return middle;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        public boolean isEmpty() {
            return names.length == 0;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public IndexValue get(Object key) {
            int at = indexOf(key);
            return at < 0 ? null : values[at];
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super IndexValue> action) {
            for (int i = 0; i < names.length; i++) {
                action.accept(names[i], values[i]);
            }
        }

        // Every change is refused, even one that would change nothing, as by an unmodifiable view.

        @Override
        public IndexValue put(String key, IndexValue value) {
            throw unmodifiable();
        }

        @Override
        public IndexValue remove(Object key) {
            throw unmodifiable();
        }

        @Override
        public void putAll(Map<? extends String, ? extends IndexValue> map) {
            throw unmodifiable();
        }

        @Override
        public void clear() {
            throw unmodifiable();
        }

        @Override
        public IndexValue putIfAbsent(String key, IndexValue value) {
            throw unmodifiable();
        }

        @Override
        public boolean remove(Object key, Object value) {
            throw unmodifiable();
        }

        @Override
        public boolean replace(String key, IndexValue oldValue, IndexValue newValue) {
            throw unmodifiable();
        }

        @Override
        public IndexValue replace(String key, IndexValue value) {
            throw unmodifiable();
        }

        @Override
        public void replaceAll(BiFunction<? super String, ? super IndexValue, ? extends IndexValue> function) {
            throw unmodifiable();
        }

        @Override
        public IndexValue computeIfAbsent(String key, Function<? super String, ? extends IndexValue> function) {
            throw unmodifiable();
        }

        @Override
        public IndexValue computeIfPresent(String key,
                                           BiFunction<? super String, ? super IndexValue, ? extends IndexValue> function) {
            throw unmodifiable();
        }

        @Override
        public IndexValue compute(String key, BiFunction<? super String, ? super IndexValue, ? extends IndexValue> function) {
            throw unmodifiable();
        }

        @Override
        public IndexValue merge(String key, IndexValue value,
                                BiFunction<? super IndexValue, ? super IndexValue, ? extends IndexValue> function) {
            throw unmodifiable();
        }

        private static UnsupportedOperationException unmodifiable() {
            return new UnsupportedOperationException("index fields cannot be changed");
        }

        @Override
        public Set<Map.Entry<String, IndexValue>> entrySet() {
            Set<Map.Entry<String, IndexValue>> set = entries;
            if (set == null) {
                set = new AbstractSet<>() {
                    @Override
                    public Iterator<Map.Entry<String, IndexValue>> iterator() {
                        return new Iterator<>() {
                            private int next;

                            @Override
                            public boolean hasNext() {
                                return next < names.length;
                            }

                            @Override
                            public Map.Entry<String, IndexValue> next() {
                                if (next >= names.length) {
                                    throw new NoSuchElementException();
                                }
                                int at = next++;
                                return new AbstractMap.SimpleImmutableEntry<>(names[at], values[at]);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return names.length;
                    }
                };
                entries = set;
            }
            return set;
        }
    }
}
