package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.CommandReceipts;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.Write;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.time.Instant;
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

    private final CommandPorts ports;

    CommandRunner(CommandPorts ports) {
        this.ports = ports;
    }

    <A> Either<Rejected, Executed<A>> run(CommandContext context, String action, Repository<A> repository,
                                          String recordId, Decision<A> decision) {
        String subject = repository.recordType() + ":" + recordId;
        Optional<Rejected> denied = CommandRefusals.unlessAuthorised(ports.authorization(), context, action,
                repository.recordType(), recordId);
        if (denied.isPresent()) {
            return Either.left(denied.get());
        }
        for (int attempt = 1; attempt <= ports.maxAttempts(); attempt++) {
            Optional<CommandReceipts.Receipt> receipt = ports.receipts().find(context.tenant(), context.commandId());
            if (receipt.isPresent()) {
                return replay(context, action, repository, recordId, receipt.get());
            }
            Optional<Loaded<A>> before = repository.load(context.tenant(), recordId);
            Instant at = ports.now();
            Either<Rejected, Change<A>> decided = decision.decide(before.map(Loaded::state), at);
            if (decided.isLeft()) {
                return Either.left(decided.getLeft());
            }
            Change<A> change = decided.get();
            if (change.changedNothing() && before.isPresent()) {
                return Either.right(new Executed<>(before.get().state(), before.get().version(), List.of(), false));
            }
            Write write = repository.writeOf(context.tenant(), before, change.state());
            List<Write> writes = List.of(write,
                    ports.receipts().writeOf(context.tenant(), context.commandId(), action, context.actor(), write.key(), at));
            CommitOutcome outcome = ports.store().commit(new Commit(context.tenant().value(), context.commandId().value(),
                    writes, ports.messagesOf(context, write.key(), change.events())));
            if (outcome instanceof CommitOutcome.Committed committed) {
                return Either.right(new Executed<>(change.state(), committed.newVersions().get(write.key()),
                        change.events(), false));
            }
            LOG.debug("version conflict on {} (attempt {} of {}), deciding again", write.key(), attempt, ports.maxAttempts());
        }
        return Either.left(CommandRefusals.keptChanging("the record", subject, ports.maxAttempts()));
    }

    private <A> Either<Rejected, Executed<A>> replay(CommandContext context, String action, Repository<A> repository,
                                                     String recordId, CommandReceipts.Receipt receipt) {
        Optional<Loaded<A>> now = repository.load(context.tenant(), recordId);
        if (!CommandRefusals.isReplayOf(receipt, action, repository.recordType(), recordId) || now.isEmpty()) {
            return Either.left(CommandRefusals.commandIdReused(context, repository.recordType() + ":" + recordId, receipt));
        }
        return Either.right(new Executed<>(now.get().state(), now.get().version(), List.of(), true));
    }
}
