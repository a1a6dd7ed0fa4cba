package dev.saleskernel.kpi;

import java.util.ArrayList;
import java.util.List;

/**
 * A dictionary of strings to dense codes 0, 1, 2... in first-seen order: an open-addressing table
 * of (code, hash) pairs keyed by the strings' (cached) hash codes, without boxing; a string is
 * compared only when its hash matches. Not thread-safe.
 */
final class StringCodes {
    private final ArrayList<String> values = new ArrayList<>();
    /* Pairs: slots[2s] = code + 1 (0 empty), slots[2s + 1] = the value's hash. */
    private int[] slots = new int[32];

    /** The values, code by code (a live view for the owner; copy before handing out). */
    List<String> values() {
        return values;
    }

    int size() {
        return values.size();
    }

    /** Makes room for {@code more} new values without rehashing. */
    void reserve(int more) {
        values.ensureCapacity(values.size() + more);
        long needed = 2L * (values.size() + more);
        if (2 * needed > slots.length && needed <= 1 << 29) {
            rehash(Integer.highestOneBit((int) needed - 1) << 1);
        }
    }

    /** The code of {@code value}, added with the next code if new. */
    int codeOf(String value) {
        int hash = value.hashCode();
        int mask = slots.length / 2 - 1;
        int slot = spread(hash) & mask;
        for (int at = slots[2 * slot]; at != 0; at = slots[2 * slot]) {
            if (slots[2 * slot + 1] == hash && values.get(at - 1).equals(value)) {
                return at - 1;
            }
            slot = (slot + 1) & mask;
        }
        int code = values.size();
        values.add(value);
        slots[2 * slot] = code + 1;
        slots[2 * slot + 1] = hash;
        if (4L * values.size() > slots.length) {
            rehash(slots.length);
        }
        return code;
    }

    /* Rehashes into a table of `capacity` pairs. */
    private void rehash(int capacity) {
        int[] next = new int[2 * capacity];
        int mask = capacity - 1;
        for (int code = 0; code < values.size(); code++) {
            int hash = values.get(code).hashCode();
            int slot = spread(hash) & mask;
            while (next[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            next[2 * slot] = code + 1;
            next[2 * slot + 1] = hash;
        }
        slots = next;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
