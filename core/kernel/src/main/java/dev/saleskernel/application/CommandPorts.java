package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.CommandReceipts;
import dev.saleskernel.internal.persistence.EventCodec;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.shared.DomainEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What both command runners ({@link CommandRunner}, {@link MultiRecordRunner}) work with: the
 * host's store, authorisation, clock and ids, the kernel's event codec and command receipts, and
 * the attempt limit on version conflicts.
 */
record CommandPorts(RecordStore store, EventCodec events, CommandReceipts receipts, Authorization authorization,
                    Clock clock, IdSource ids, int maxAttempts) {

    /** The command's time: the clock's instant truncated to microseconds. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** One outbox message per event raised on {@code subject}, in order, each with a new id. */
    List<OutboxMessage> messagesOf(CommandContext context, RecordKey subject, List<DomainEvent> raised) {
        List<OutboxMessage> messages = new ArrayList<>(raised.size());
        for (DomainEvent event : raised) {
            messages.add(events.toMessage(ids.newId(), context.tenant(), subject.recordType(), subject.recordId(),
                    context.commandId(), event));
        }
        return messages;
    }
}
