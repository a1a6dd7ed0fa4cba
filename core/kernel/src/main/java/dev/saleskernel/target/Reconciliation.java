package dev.saleskernel.target;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a node's children are reconciled with their bottom-up figures (rolled-up commitments).
 */
public sealed interface Reconciliation {
    /** Keep the top-down figures; only the decision is recorded. */
    record KeepTopDown() implements Reconciliation {
    }

    /** Children take their bottom-up figures; the node and its ancestors change by the difference. */
    record AcceptBottomUp() implements Reconciliation {
    }

    /** Children share the node's top-down amount in proportion to their bottom-up figures (exact; the node is unchanged). */
    record ScaleToTopDown() implements Reconciliation {
    }

    /**
     * The node becomes {@code w × bottomUp + (1 − w) × topDown} (HALF_EVEN to the unit), shared by the children in
     * proportion to their own blends; ancestors change by the difference.
     */
    record Blend(BigDecimal bottomUpWeight) implements Reconciliation {
        public Blend {
            Objects.requireNonNull(bottomUpWeight, "bottomUpWeight");
        }
    }

    /** The stable name used in the change log and in documents. */
    default String name() {
        if (this instanceof KeepTopDown) {
            return "keep-top-down";
        }
        if (this instanceof AcceptBottomUp) {
            return "accept-bottom-up";
        }
        if (this instanceof ScaleToTopDown) {
            return "scale";
        }
        return "blend";
    }
}
