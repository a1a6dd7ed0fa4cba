package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.EventCodec;
import dev.saleskernel.persistence.spi.ClaimedMessage;
import dev.saleskernel.persistence.spi.OutboxStore;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.CommandId;
import dev.saleskernel.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands committed domain events to the host's publisher (a message broker, a read model, an
 * audit log), at least once and in commit order: claim under a lease, publish, acknowledge.
 */
public final class OutboxRelay {
    private final OutboxStore outbox;
    private final EventCodec events;

    OutboxRelay(OutboxStore outbox, EventCodec events) {
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * Claims up to {@code max} events of a tenant, passes each to {@code publisher} in sequence
     * order and acknowledges those it accepted. If the publisher throws, the events before it are
     * acknowledged, the failing one and the rest stay in the outbox (redelivered once the lease
     * runs out), and the exception propagates.
     *
     * @return how many events were published and acknowledged
     */
    public int relay(TenantId tenant, int max, Duration lease, Consumer<PublishedEvent> publisher) {
        List<ClaimedMessage> claimed = outbox.claim(tenant.value(), max, lease);
        List<String> delivered = new ArrayList<>(claimed.size());
        try {
            for (ClaimedMessage message : claimed) {
                publisher.accept(toEvent(message));
                delivered.add(message.message().messageId());
            }
        } finally {
            if (!delivered.isEmpty()) {
                outbox.acknowledge(tenant.value(), delivered);
            }
        }
        return delivered.size();
    }

    private PublishedEvent toEvent(ClaimedMessage claimed) {
        EventCodec.ReadEnvelope envelope = events.readEnvelope(claimed.message().json());
        return new PublishedEvent(claimed.message().messageId(), claimed.sequence(), claimed.attempt(),
                envelope.eventType(), envelope.subjectType(), envelope.subjectId(), ActorId.of(envelope.actor()),
                Instant.parse(envelope.occurredAt()), CommandId.of(envelope.commandId()), envelope.payloadJson());
    }
}
