package dev.saleskernel.application;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.CommandId;
import dev.saleskernel.shared.TenantId;
import java.util.Objects;

/**
 * Who runs a command, for which tenant, under which idempotency key. Every command carries one.
 *
 * @param tenant    the tenant whose data the command touches; nothing of another tenant is read or written
 * @param actor     the acting user, checked by the {@link Authorization} port and recorded on every event
 * @param commandId the idempotency key: running the same command id again does nothing and
 *                  returns the state it produced
 */
public record CommandContext(TenantId tenant, ActorId actor, CommandId commandId) {
    public CommandContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(commandId, "commandId");
    }

    public static CommandContext of(String tenant, String actor, String commandId) {
        return new CommandContext(TenantId.of(tenant), ActorId.of(actor), CommandId.of(commandId));
    }
}
