package dev.saleskernel.funnel;

import java.util.Objects;

/**
 * Whether and how a lost deal may be reopened. Won deals are never reopened (their amount is frozen).
 *
 * @param allowed      whether lost deals may be reopened at all
 * @param withinDays   how many days after losing a reopen is still allowed; 0 = no limit
 * @param toStage      the open stage a reopened deal enters; empty = the stage it was lost from
 * @param requiredRole role the reopener must hold; empty for anybody
 */
public record ReopenPolicy(boolean allowed, int withinDays, String toStage, String requiredRole) {
    public static final ReopenPolicy NEVER = new ReopenPolicy(false, 0, "", "");

    public ReopenPolicy {
        Objects.requireNonNull(toStage, "toStage");
        Objects.requireNonNull(requiredRole, "requiredRole");
    }
}
