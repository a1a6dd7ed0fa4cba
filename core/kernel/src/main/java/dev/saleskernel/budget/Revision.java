package dev.saleskernel.budget;

import java.util.Objects;

/** A change of an approved budget that waits for a second person: an adjustment of one line or a transfer between two. */
public sealed interface Revision {
    /** Adds {@code delta} minor units (negative: removes) to one line; the budget total changes by exactly {@code delta}. */
    record Adjustment(String lineId, long delta) implements Revision {
        public Adjustment {
            Objects.requireNonNull(lineId, "lineId");
        }
    }

    /** Moves {@code amount} minor units from one line to another; the budget total does not change. */
    record Transfer(String fromLineId, String toLineId, long amount) implements Revision {
        public Transfer {
            Objects.requireNonNull(fromLineId, "fromLineId");
            Objects.requireNonNull(toLineId, "toLineId");
        }
    }
}
