package dev.saleskernel.target;

import dev.saleskernel.shared.ActorId;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a plan's change log: who did what, when and why, in which version.
 *
 * @param version the plan version the change was made in
 * @param action  a stable action name, e.g. {@code override}, {@code split}, {@code reconcile:scale}
 * @param nodeId  the node acted on; empty for plan-wide actions
 * @param detail  the figures, for people (e.g. {@code 300000.00 CNY -> 320000.00 CNY})
 * @param reason  the actor's reason
 */
public record ChangeLogEntry(int version, String action, String nodeId, String detail, String reason, ActorId actor,
                             Instant at) {
    public ChangeLogEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
