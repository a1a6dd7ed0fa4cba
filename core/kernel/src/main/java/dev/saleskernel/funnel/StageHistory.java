package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An opportunity's stage history as an unmodifiable list: the visits before the last one in an
 * append-only array shared between the successive versions of the opportunity, plus the last visit.
 *
 * <p>Appending (closing the last visit and entering a new one) does not copy the array: the closed
 * visit goes into the first free slot, claimed with a compare-and-set so that two versions branching
 * from the same state never overwrite each other's slot. A version only ever reads the slots below
 * its own {@code size - 1}; a slot once written never changes. When the slot is already taken by an
 * <em>equal</em> closed visit (the same move made twice from the same state) that visit is shared;
 * when it is taken by a different one, or the array is full, the prefix is copied into a new array
 * (twice the size). Every mutator throws {@link UnsupportedOperationException} (inherited from
 * {@link AbstractList}).
 */
final class StageHistory extends AbstractList<StageVisit> implements RandomAccess {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(StageVisit[].class);
    private static final StageVisit[] NONE = new StageVisit[0];

    /** Visits {@code 0 .. closed - 1}; slots from {@code closed} on may belong to later versions. */
    private final StageVisit[] prefix;
    private final int closed;
    /** The last visit, or null when the history is empty. */
    private final StageVisit last;

    private StageHistory(StageVisit[] prefix, int closed, StageVisit last) {
        this.prefix = prefix;
        this.closed = closed;
        this.last = last;
    }

    /** An immutable copy of {@code history}, or {@code history} itself when it already is one. */
    static List<StageVisit> of(List<StageVisit> history) {
        return history instanceof StageHistory h ? h : copyOf(history);
    }

    private static StageHistory copyOf(List<StageVisit> history) {
        StageVisit[] copy = history.toArray(new StageVisit[0]);
        for (StageVisit visit : copy) {
            Objects.requireNonNull(visit, "history entry");
        }
        if (copy.length == 0) {
            return new StageHistory(NONE, 0, null);
        }
        StageVisit[] prefix = new StageVisit[Math.max(copy.length + 3, 8)];
        System.arraycopy(copy, 0, prefix, 0, copy.length - 1);
        return new StageHistory(prefix, copy.length - 1, copy[copy.length - 1]);
    }

    /** The history with its last visit left by {@code actor} at {@code at} and {@code next} appended. */
    static StageHistory leaving(List<StageVisit> history, ActorId actor, Instant at, StageVisit next) {
        StageHistory h = history instanceof StageHistory s ? s : copyOf(history);
        StageVisit[] prefix = h.prefix;
        int n = h.closed;
        if (n < prefix.length) {
            StageVisit taken = (StageVisit) SLOT.getAcquire(prefix, n);
            if (taken == null) {
                StageVisit left = h.last.left(actor, at);
                taken = (StageVisit) SLOT.compareAndExchangeRelease(prefix, n, (StageVisit) null, left);
                if (taken == null) {
                    return new StageHistory(prefix, n + 1, next);
                }
            }
            if (taken.isLeaving(h.last, actor, at)) {
                return new StageHistory(prefix, n + 1, next);
            }
        }
        StageVisit[] grown = new StageVisit[Math.max(2 * n + 2, 8)];
        System.arraycopy(prefix, 0, grown, 0, n);
        grown[n] = h.last.left(actor, at);
        return new StageHistory(grown, n + 1, next);
    }

    @Override
    public StageVisit get(int index) {
        if (index == closed && last != null) {
            return last;
        }
        Objects.checkIndex(index, closed);
        return prefix[index];
    }

    @Override
    public int size() {
        return last == null ? 0 : closed + 1;
    }
}
