package dev.saleskernel.persistence.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A domain event to publish, written in the same {@link Commit} as the state that raised it.
 *
 * <p>A store MUST make a message claimable if and only if its commit succeeded (<b>RS-4.3</b>),
 * and MUST keep every field exactly, {@code occurredAt} to the microsecond (<b>RS-9.2</b>).
 *
 * @param messageId   unique within the tenant; the id an {@link OutboxStore} consumer acknowledges
 * @param tenantId    the tenant; MUST equal the tenant of the commit that carries it
 * @param eventType   the event's logical type, e.g. {@code "tenant-settings.configured"}
 * @param subjectType the record type of the aggregate that raised it
 * @param subjectId   the record id of the aggregate that raised it
 * @param json        the event document, a JSON object
 * @param occurredAt  when the event happened (truncated to microseconds)
 */
public record OutboxMessage(String messageId, String tenantId, String eventType, String subjectType,
                            String subjectId, String json, Instant occurredAt) {
    public OutboxMessage {
        Names.identifier(messageId, "messageId");
        Names.identifier(tenantId, "tenantId");
        Names.type(eventType, "eventType");
        Names.type(subjectType, "subjectType");
        Names.identifier(subjectId, "subjectId");
        Objects.requireNonNull(json, "json");
        if (json.length() > Write.MAX_JSON_LENGTH) {
            throw new IllegalArgumentException("json longer than " + Write.MAX_JSON_LENGTH + " characters");
        }
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
    }
}
