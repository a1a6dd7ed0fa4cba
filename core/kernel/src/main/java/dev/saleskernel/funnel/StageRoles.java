package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;

/**
 * The role port a host answers: does this actor hold this role in this tenant? Consulted for
 * every move, win and reopen whose rule names a role. A rule without a role needs no answer.
 */
@FunctionalInterface
public interface StageRoles {
    boolean holds(TenantId tenant, ActorId actor, String role);

    /** Nobody holds any role: only moves without a required role are possible. */
    static StageRoles nobody() {
        return (tenant, actor, role) -> false;
    }

    /** Everybody holds every role; for single-user tools and tests. */
    static StageRoles everybody() {
        return (tenant, actor, role) -> true;
    }
}
