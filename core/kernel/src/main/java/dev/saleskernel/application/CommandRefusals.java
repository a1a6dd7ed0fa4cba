package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.CommandReceipts;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import java.util.Map;
import java.util.Optional;

/**
 * The refusals every command runner gives in the same words: not authorised, a command id reused
 * for another command, and a record that kept changing past the attempt limit. One place, so the
 * single-record and multi-record runners cannot drift apart.
 */
final class CommandRefusals {
    private CommandRefusals() {
    }

    /** {@code shared/NOT_AUTHORISED} when the port denies {@code action} on the subject, else empty. */
    static Optional<Rejected> unlessAuthorised(Authorization authorization, CommandContext context, String action,
                                               String subjectType, String subjectId) {
        AccessDecision access = authorization.decide(new AccessRequest(context.tenant(), context.actor(), action,
                subjectType, subjectId));
        if (access instanceof AccessDecision.Denied denied) {
            return Optional.of(Rejected.of(new Rejection(SharedRejection.NOT_AUTHORISED,
                    "not authorised to " + action + ": " + denied.reason(), subjectType + ":" + subjectId, "",
                    Map.of("actor", context.actor().value(), "action", action))));
        }
        return Optional.empty();
    }

    /** Whether a stored receipt is this very command (same action and subject): then it is a replay. */
    static boolean isReplayOf(CommandReceipts.Receipt receipt, String action, String subjectType, String subjectId) {
        return receipt.action().equals(action) && receipt.subjectType().equals(subjectType)
                && receipt.subjectId().equals(subjectId);
    }

    /** {@code shared/COMMAND_ID_REUSED}: the command id was already used for another command. */
    static Rejected commandIdReused(CommandContext context, String subject, CommandReceipts.Receipt receipt) {
        return Rejected.of(new Rejection(SharedRejection.COMMAND_ID_REUSED,
                "command id " + context.commandId() + " was already used for another command; use a new id per command",
                subject, "commandId",
                Map.of("usedFor", receipt.action() + " on " + receipt.subjectType() + ":" + receipt.subjectId())));
    }

    /** {@code shared/CONCURRENT_MODIFICATION}: {@code what} kept changing for {@code attempts} attempts. */
    static Rejected keptChanging(String what, String subject, int attempts) {
        return Rejected.of(new Rejection(SharedRejection.CONCURRENT_MODIFICATION,
                what + " kept changing under the command; nothing was changed, try again", subject, "",
                Map.of("attempts", String.valueOf(attempts))));
    }
}
