package dev.saleskernel.compensation;

import java.util.List;

/**
 * A run's participants by id: each id's position in the list given to the calculator, in an
 * open-addressing table (linear probing on the id's hash, positions and hashes in {@code int}
 * arrays). Built once per {@link Roster}; it tells which positions repeat an id listed earlier (the first
 * listing keeps the id) and maps a credit batch's participant ids, whose hashes the batch keeps,
 * to positions without a hash map entry per participant. Immutable once built.
 */
final class ParticipantIndex {
    static final int ABSENT = -1;

    private final String[] ids;
    private final int[] hashes;
    /** Position + 1 in each slot; 0 for an empty slot. */
    private final int[] table;
    private final int mask;
    private final int shift;
    private final boolean[] repeated;

    private ParticipantIndex(List<Participant> participants) {
        int n = participants.size();
        ids = new String[n];
        hashes = new int[n];
        repeated = new boolean[n];
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        table = new int[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (int position = 0; position < n; position++) {
            String id = participants.get(position).id();
            int hash = id.hashCode();
            ids[position] = id;
            hashes[position] = hash;
            int slot = home(hash);
            while (table[slot] != 0 && !same(table[slot] - 1, id, hash)) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == 0) {
                table[slot] = position + 1;
            } else {
                repeated[position] = true;
            }
        }
    }

    static ParticipantIndex of(List<Participant> participants) {
        return new ParticipantIndex(participants);
    }

    /** The id of the participant at {@code position}. */
    String id(int position) {
        return ids[position];
    }

    /** Whether the participant at {@code position} repeats an id listed at an earlier position. */
    boolean repeated(int position) {
        return repeated[position];
    }

    /** The position first listing {@code id}, or {@link #ABSENT}. */
    int positionOf(String id) {
        return positionOf(id, id.hashCode());
    }

    /** As {@link #positionOf(String)}, with the id's {@link String#hashCode()} already known. */
    int positionOf(String id, int hash) {
        int slot = home(hash);
        while (table[slot] != 0) {
            int position = table[slot] - 1;
            if (same(position, id, hash)) {
                return position;
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }

    private boolean same(int position, String id, int hash) {
        return hashes[position] == hash && (ids[position] == id || ids[position].equals(id));
    }

    /** The slot an id's probe starts at: the top bits of its hash times 2^32 ÷ φ (Fibonacci hashing). */
    private int home(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
