package dev.saleskernel.risk;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The evidence of a {@link Finding}: an immutable map of a few named figures that keeps the order
 * the rule gave them. Backed by one array of alternating names and values, so a finding costs
 * one small object instead of a hash map and its copy (a portfolio evaluation builds over a
 * million of them). Equal to any {@link Map} with the same entries, like every map.
 *
 * <p>The built-in rules use {@link Lazy} evidence: it keeps the few immutable facts a finding
 * was raised on and renders the text (money, shares, dates) the first time it is read, so an
 * evaluation whose findings are only counted or filtered never formats a million figures.
 */
class Evidence extends AbstractMap<String, String> {
    private static final Evidence EMPTY = new Evidence(new String[0]);
    private final String[] pairs;

    private Evidence(String[] pairs) {
        this.pairs = pairs;
    }

    /** The alternating names and values; callers never change the array. */
    String[] pairs() {
        return pairs;
    }

    /**
     * Evidence rendered on first read from facts the subclass holds. {@link #render()} must be a
     * pure function of immutable fields, return names and values in turn, distinct names, no nulls.
     */
    abstract static class Lazy extends Evidence {
        private volatile String[] rendered;

        Lazy() {
            super(null);
        }

        /** The names and values in turn. */
        abstract String[] render();

        @Override
        final String[] pairs() {
            String[] pairs = rendered;
            if (pairs == null) {
                pairs = render();
                rendered = pairs;
            }
            return pairs;
        }
    }

    /** Evidence from names and values in turn: {@code of("stage", "negotiation", "daysInStage", "40")}. */
    static Evidence of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("evidence comes in name/value pairs");
        }
        String[] pairs = namesAndValues.clone();
        for (int i = 0; i < pairs.length; i += 2) {
            Objects.requireNonNull(pairs[i], "evidence name");
            Objects.requireNonNull(pairs[i + 1], "evidence value");
            for (int j = 0; j < i; j += 2) {
                if (pairs[j].equals(pairs[i])) {
                    throw new IllegalArgumentException("evidence name " + pairs[i] + " given twice");
                }
            }
        }
        return new Evidence(pairs);
    }

    /** The entries of {@code map} in its iteration order; evidence is returned as it is. */
    static Evidence copyOf(Map<String, String> map) {
        if (map instanceof Evidence evidence) {
            return evidence;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] pairs = new String[map.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            pairs[i++] = Objects.requireNonNull(entry.getKey(), "evidence name");
            pairs[i++] = Objects.requireNonNull(entry.getValue(), "evidence value");
        }
        return new Evidence(pairs);
    }

    /** Collects evidence a rule adds conditionally, in order. */
    static final class Builder {
        private String[] pairs = new String[8];
        private int length;

        Builder put(String name, String value) {
            if (length == pairs.length) {
                pairs = Arrays.copyOf(pairs, length * 2);
            }
            pairs[length++] = Objects.requireNonNull(name, "evidence name");
            pairs[length++] = Objects.requireNonNull(value, "evidence value");
            return this;
        }

        boolean isEmpty() {
            return length == 0;
        }

        Evidence build() {
            return of(Arrays.copyOf(pairs, length));
        }
    }

    @Override
    public int size() {
        return pairs().length / 2;
    }

    @Override
    public String get(Object key) {
        String[] pairs = pairs();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(key)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                String[] pairs = pairs();
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < pairs.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= pairs.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> entry = new SimpleImmutableEntry<>(pairs[next], pairs[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return Evidence.this.size();
            }
        };
    }
}
