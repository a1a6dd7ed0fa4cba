package dev.saleskernel.persistence.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An outbox message handed to a consumer under a lease.
 *
 * @param message      the message exactly as committed
 * @param sequence     the message's position in its tenant's outbox; strictly increasing in commit
 *                     order, and in list order within one commit (<b>OB-1.2</b>)
 * @param attempt      1 on the first claim, +1 each time the message is claimed again after a lease ran out
 * @param leasedUntil  until when no other claim returns this message
 */
public record ClaimedMessage(OutboxMessage message, long sequence, int attempt, Instant leasedUntil) {
    public ClaimedMessage {
        Objects.requireNonNull(message, "message");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence is at least 1, got " + sequence);
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is at least 1, got " + attempt);
        }
        leasedUntil = Objects.requireNonNull(leasedUntil, "leasedUntil").truncatedTo(ChronoUnit.MICROS);
    }
}
