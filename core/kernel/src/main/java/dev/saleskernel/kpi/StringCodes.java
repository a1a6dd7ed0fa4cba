package dev.saleskernel.kpi;

import java.util.ArrayList;
import java.util.List;

/**
 * A dictionary of strings to dense codes 0, 1, 2... in first-seen order: an open-addressing table
 * of codes keyed by the strings' (cached) hash codes, without boxing. Not thread-safe.
 */
final class StringCodes {
    private final List<String> values = new ArrayList<>();
    private int[] slots = new int[16];

    /** The values, code by code (a live view for the owner; copy before handing out). */
    List<String> values() {
        return values;
    }

    int size() {
        return values.size();
    }

    /** Makes room for {@code more} new values without rehashing. */
    void reserve(int more) {
        long needed = 2L * (values.size() + more);
        if (needed > slots.length && needed <= 1 << 30) {
            rehash(Integer.highestOneBit((int) needed - 1) << 1);
        }
    }

    /** The code of {@code value}, added with the next code if new. */
    int codeOf(String value) {
        int mask = slots.length - 1;
        int slot = spread(value.hashCode()) & mask;
        for (int at = slots[slot]; at != 0; at = slots[slot]) {
            if (values.get(at - 1).equals(value)) {
                return at - 1;
            }
            slot = (slot + 1) & mask;
        }
        int code = values.size();
        values.add(value);
        slots[slot] = code + 1;
        if (2L * values.size() > slots.length) {
            rehash(slots.length * 2);
        }
        return code;
    }

    private void rehash(int capacity) {
        int[] next = new int[capacity];
        int mask = capacity - 1;
        for (int code = 0; code < values.size(); code++) {
            int slot = spread(values.get(code).hashCode()) & mask;
            while (next[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            next[slot] = code + 1;
        }
        slots = next;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
