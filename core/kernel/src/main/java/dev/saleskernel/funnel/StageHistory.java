package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An opportunity's stage history as an unmodifiable list over a private array. Appending a visit
 * (closing the current one) copies the array once and wraps it, instead of the three copies of
 * {@code toArray} + {@code List.of} + {@code List.copyOf}. Every mutator throws
 * {@link UnsupportedOperationException} (inherited from {@link AbstractList}).
 */
final class StageHistory extends AbstractList<StageVisit> implements RandomAccess {
    private final StageVisit[] visits;

    private StageHistory(StageVisit[] visits) {
        this.visits = visits;
    }

    /** An immutable copy of {@code history}, or {@code history} itself when it already is one. */
    static List<StageVisit> of(List<StageVisit> history) {
        if (history instanceof StageHistory h) {
            return h;
        }
        StageVisit[] copy = history.toArray(new StageVisit[0]);
        for (StageVisit visit : copy) {
            java.util.Objects.requireNonNull(visit, "history entry");
        }
        return new StageHistory(copy);
    }

    /** The history with its last visit left by {@code actor} at {@code at} and {@code next} appended. */
    static StageHistory leaving(List<StageVisit> history, ActorId actor, Instant at, StageVisit next) {
        StageVisit[] source = history instanceof StageHistory h ? h.visits : history.toArray(new StageVisit[0]);
        StageVisit[] visits = Arrays.copyOf(source, source.length + 1);
        visits[source.length - 1] = visits[source.length - 1].left(actor, at);
        visits[source.length] = next;
        return new StageHistory(visits);
    }

    @Override
    public StageVisit get(int index) {
        return visits[index];
    }

    @Override
    public int size() {
        return visits.length;
    }
}
