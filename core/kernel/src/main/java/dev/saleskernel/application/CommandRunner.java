package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.CommandReceipts;
import dev.saleskernel.internal.persistence.EventCodec;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.Write;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command on one aggregate: authorise, skip if the command id already ran, load,
 * decide, then commit state + command receipt + events atomically; on a version conflict,
 * reload and decide again, up to a bounded number of attempts.
 */
final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    /** What a use case decides, given the current state (empty if the aggregate does not exist) and the time. */
    @FunctionalInterface
    interface Decision<A> {
        Either<Rejected, Change<A>> decide(Optional<A> current, Instant at);
    }

    /**
     * What a use case decides over its main aggregate and one companion record committed with it
     * (e.g. the opportunity a lead conversion creates): the companion's change is written when present.
     */
    @FunctionalInterface
    interface PairedDecision<A, B> {
        Either<Rejected, Paired<A, B>> decide(Optional<A> current, Optional<B> companion, Instant at);
    }

    /** The main aggregate's change and, if the command changes it too, the companion's. */
    record Paired<A, B>(Change<A> main, Optional<Change<B>> companion) {
        static <A, B> Paired<A, B> alone(Change<A> main) {
            return new Paired<>(main, Optional.empty());
        }
    }

    private final RecordStore store;
    private final EventCodec events;
    private final CommandReceipts receipts;
    private final Authorization authorization;
    private final Clock clock;
    private final IdSource ids;
    private final int maxAttempts;

    CommandRunner(RecordStore store, EventCodec events, CommandReceipts receipts, Authorization authorization,
                  Clock clock, IdSource ids, int maxAttempts) {
        this.store = store;
        this.events = events;
        this.receipts = receipts;
        this.authorization = authorization;
        this.clock = clock;
        this.ids = ids;
        this.maxAttempts = maxAttempts;
    }

    <A> Either<Rejected, Executed<A>> run(CommandContext context, String action, Repository<A> repository,
                                          String recordId, Decision<A> decision) {
        return runPaired(context, action, repository, recordId, null, "",
                (current, none, at) -> decision.decide(current, at).map(Paired::alone));
    }

    /**
     * Like {@link #run}, and also loads the companion record {@code companionId} (when
     * {@code companions} is given) and commits its change, if the decision makes one, in the same
     * atomic commit as the main aggregate's: both writes are compare-and-swap, so a conflict on
     * either decides again. The receipt and the replay refer to the main aggregate.
     */
    <A, B> Either<Rejected, Executed<A>> runPaired(CommandContext context, String action, Repository<A> repository,
                                                   String recordId, Repository<B> companions, String companionId,
                                                   PairedDecision<A, B> decision) {
        String subject = repository.recordType() + ":" + recordId;
        Optional<Rejected> denied = CommandRefusals.unlessAuthorised(authorization, context, action,
                repository.recordType(), recordId);
        if (denied.isPresent()) {
            return Either.left(denied.get());
        }
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Optional<CommandReceipts.Receipt> receipt = receipts.find(context.tenant(), context.commandId());
            if (receipt.isPresent()) {
                return replay(context, action, repository, recordId, receipt.get());
            }
            Optional<Loaded<A>> before = repository.load(context.tenant(), recordId);
            Optional<Loaded<B>> companionBefore = companions == null ? Optional.empty()
                    : companions.load(context.tenant(), companionId);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Either<Rejected, Paired<A, B>> decided = decision.decide(before.map(Loaded::state),
                    companionBefore.map(Loaded::state), at);
            if (decided.isLeft()) {
                return Either.left(decided.getLeft());
            }
            Change<A> change = decided.get().main();
            Optional<Change<B>> companion = decided.get().companion();
            if (change.changedNothing() && before.isPresent() && companion.isEmpty()) {
                return Either.right(new Executed<>(before.get().state(), before.get().version(), List.of(), false));
            }
            Write write = repository.writeOf(context.tenant(), before, change.state());
            List<Write> writes = new ArrayList<>(List.of(write,
                    receipts.writeOf(context.tenant(), context.commandId(), action, context.actor(), write.key(), at)));
            List<OutboxMessage> messages = new ArrayList<>(messagesOf(context, write.key(), change.events()));
            if (companion.isPresent()) {
                Write other = companions.writeOf(context.tenant(), companionBefore, companion.get().state());
                writes.add(other);
                messages.addAll(messagesOf(context, other.key(), companion.get().events()));
            }
            CommitOutcome outcome = store.commit(new Commit(context.tenant().value(), context.commandId().value(),
                    writes, messages));
            if (outcome instanceof CommitOutcome.Committed committed) {
                List<DomainEvent> raised = new ArrayList<>(change.events());
                companion.ifPresent(c -> raised.addAll(c.events()));
                return Either.right(new Executed<>(change.state(), committed.newVersions().get(write.key()),
                        raised, false));
            }
            LOG.debug("version conflict on {} (attempt {} of {}), deciding again", write.key(), attempt, maxAttempts);
        }
        return Either.left(CommandRefusals.keptChanging("the record", subject, maxAttempts));
    }

    private <A> Either<Rejected, Executed<A>> replay(CommandContext context, String action, Repository<A> repository,
                                                     String recordId, CommandReceipts.Receipt receipt) {
        Optional<Loaded<A>> now = repository.load(context.tenant(), recordId);
        if (!CommandRefusals.isReplayOf(receipt, action, repository.recordType(), recordId) || now.isEmpty()) {
            return Either.left(CommandRefusals.commandIdReused(context, repository.recordType() + ":" + recordId, receipt));
        }
        return Either.right(new Executed<>(now.get().state(), now.get().version(), List.of(), true));
    }

    private List<OutboxMessage> messagesOf(CommandContext context, RecordKey subject, List<DomainEvent> raised) {
        List<OutboxMessage> messages = new ArrayList<>(raised.size());
        for (DomainEvent event : raised) {
            messages.add(events.toMessage(ids.newId(), context.tenant(), subject.recordType(), subject.recordId(),
                    context.commandId(), event));
        }
        return messages;
    }
}
