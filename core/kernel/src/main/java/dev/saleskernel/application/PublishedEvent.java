package dev.saleskernel.application;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.CommandId;
import java.time.Instant;

/**
 * A domain event as delivered from the outbox: the audit-trail entry of one change.
 *
 * @param messageId   the outbox message id (acknowledged after delivery)
 * @param sequence    its position in the tenant's outbox, in commit order
 * @param attempt     1 on first delivery; more when an earlier delivery was not acknowledged
 * @param eventType   the stable logical type, e.g. {@code tenant-settings.change-approved}
 * @param subjectType the record type of the aggregate that raised it
 * @param subjectId   the record id of that aggregate
 * @param actor       who caused it
 * @param occurredAt  when (microsecond precision)
 * @param commandId   the command that raised it
 * @param payloadJson the event's own fields, as a JSON object
 */
public record PublishedEvent(String messageId, long sequence, int attempt, String eventType, String subjectType,
                             String subjectId, ActorId actor, Instant occurredAt, CommandId commandId,
                             String payloadJson) {
}
