package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.shared.CommandId;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns domain events into outbox messages: a stable logical event type per event class and a
 * JSON envelope that records tenant, subject, actor, time and command, so the outbox is a
 * complete audit trail. Event classes are registered explicitly; an unregistered event is a
 * programming error.
 */
public final class EventCodec {

    /** The envelope every outbox message carries. */
    public record Envelope(@JsonProperty("eventType") String eventType,
                           @JsonProperty("tenantId") String tenantId,
                           @JsonProperty("subjectType") String subjectType,
                           @JsonProperty("subjectId") String subjectId,
                           @JsonProperty("actor") String actor,
                           @JsonProperty("occurredAt") String occurredAt,
                           @JsonProperty("commandId") String commandId,
                           @JsonProperty("payload") JsonNode payload) {
    }

    private record Registration<E>(String eventType, Function<E, Object> toPayload) {
    }

    private final SafeJson json;
    private final Map<Class<?>, Registration<?>> registrations = new HashMap<>();

    public EventCodec(SafeJson json) {
        this.json = json;
    }

    /** Registers an event class under its logical type with the function building its payload DTO. */
    public <E extends DomainEvent> EventCodec register(Class<E> eventClass, String eventType, Function<E, Object> toPayload) {
        if (registrations.putIfAbsent(eventClass, new Registration<>(eventType, toPayload)) != null) {
            throw new IllegalArgumentException(eventClass.getName() + " is registered twice");
        }
        return this;
    }

    public String eventTypeOf(DomainEvent event) {
        return registration(event).eventType();
    }

    /** The outbox message for one event raised by the subject while executing a command. */
    public OutboxMessage toMessage(String messageId, TenantId tenant, String subjectType, String subjectId,
                                   CommandId commandId, DomainEvent event) {
        Registration<DomainEvent> registration = registration(event);
        Instant at = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Envelope envelope = new Envelope(registration.eventType(), tenant.value(), subjectType, subjectId,
                event.actor().value(), at.toString(), commandId.value(),
                json.mapper().valueToTree(registration.toPayload().apply(event)));
        return new OutboxMessage(messageId, tenant.value(), registration.eventType(), subjectType, subjectId,
                json.write(envelope), at);
    }

    /** An envelope read back, with the payload as JSON text. */
    public record ReadEnvelope(String eventType, String subjectType, String subjectId, String actor, String occurredAt,
                               String commandId, String payloadJson) {
    }

    /** Reads an envelope back, e.g. for an audit-trail reader. */
    public ReadEnvelope readEnvelope(String messageJson) {
        Envelope envelope = json.parse("outbox-message", messageJson)
                .flatMap(node -> json.read("outbox-message", node, Envelope.class))
                .getOrElseThrow(rejected -> new CorruptRecordException("outbox message: " + rejected));
        return new ReadEnvelope(envelope.eventType(), envelope.subjectType(), envelope.subjectId(), envelope.actor(),
                envelope.occurredAt(), envelope.commandId(), json.write(envelope.payload()));
    }

    @SuppressWarnings("unchecked")
    private Registration<DomainEvent> registration(DomainEvent event) {
        Registration<?> registration = registrations.get(event.getClass());
        if (registration == null) {
            throw new IllegalStateException("no event type registered for " + event.getClass().getName());
        }
        return (Registration<DomainEvent>) registration;
    }
}
