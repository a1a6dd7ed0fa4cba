package dev.saleskernel.application;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import java.util.Objects;

/**
 * The question put to the host's {@link Authorization} port before a use case loads anything.
 *
 * @param tenant      the tenant
 * @param actor       who asks
 * @param action      the action's stable name, e.g. {@code tenant-settings.approve-change}
 * @param subjectType the record type of the subject, e.g. {@code tenant-settings}
 * @param subjectId   the record id of the subject
 */
public record AccessRequest(TenantId tenant, ActorId actor, String action, String subjectType, String subjectId) {
    public AccessRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
