package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.CommandReceipts;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.persistence.spi.Commit;
import dev.saleskernel.persistence.spi.CommitOutcome;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.OutboxMessage;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.Write;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one command that changes several records (e.g. a handover: every account and open deal of
 * a rep) as ONE {@link Commit}: every write with its compare-and-swap version, one command
 * receipt and every event, or nothing. Authorised once, idempotent by command id (a replay
 * changes nothing and reports {@link Outcome#replayed()}), and on a version conflict on any
 * record the whole decision is taken again from fresh loads, up to the attempt limit.
 *
 * <p>The decision loads what it needs through a {@link Session} (which remembers each record's
 * version) and {@linkplain Session#stage stages} the changed states; at most
 * {@link Commit#MAX_WRITES} − 1 records per command.
 */
final class MultiRecordRunner {
    private final CommandPorts ports;

    MultiRecordRunner(CommandPorts ports) {
        this.ports = ports;
    }

    /** What a multi-record command decides; it stages its changes on the session. */
    @FunctionalInterface
    interface Decision {
        Either<Rejected, Void> decide(Session session, Instant at);
    }

    /**
     * What was committed: every changed record's subject and every event, in staging order, and
     * each changed record's committed state and new version (both empty for a replay).
     */
    record Outcome(List<String> changedSubjects, List<DomainEvent> events, boolean replayed,
                   Map<RecordKey, Object> committedStates, Map<RecordKey, Long> newVersions) {
        Outcome {
            changedSubjects = List.copyOf(changedSubjects);
            events = List.copyOf(events);
            committedStates = Map.copyOf(committedStates);
            newVersions = Map.copyOf(newVersions);
        }
    }

    /** Loads (remembering versions) and stages changes for one attempt. */
    static final class Session {
        private final CommandContext context;
        private final Map<RecordKey, Long> versions = new HashMap<>();
        private final Map<RecordKey, Staged<?>> staged = new LinkedHashMap<>();

        private Session(CommandContext context) {
            this.context = context;
        }

        <A> Optional<A> load(Repository<A> repository, String recordId) {
            Optional<Loaded<A>> loaded = repository.load(context.tenant(), recordId);
            versions.put(repository.keyOf(context.tenant(), recordId), loaded.map(Loaded::version).orElse(0L));
            return loaded.map(Loaded::state);
        }

        /** Every record whose index field equals the value, each loaded with its version. */
        <A> List<A> where(Repository<A> repository, String index, IndexValue value, java.util.function.Function<A, String> idOf) {
            List<A> found = new ArrayList<>();
            for (A candidate : repository.where(context.tenant(), index, value)) {
                load(repository, idOf.apply(candidate)).ifPresent(found::add);
            }
            return found;
        }

        /** Stages a changed state (nothing is written when the change changed nothing). */
        <A> void stage(Repository<A> repository, String recordId, Change<A> change) {
            if (change.changedNothing()) {
                return;
            }
            RecordKey key = repository.keyOf(context.tenant(), recordId);
            if (staged.containsKey(key)) {
                throw new IllegalStateException(key + " staged twice in one command");
            }
            staged.put(key, new Staged<>(repository, change));
        }
    }

    private record Staged<A>(Repository<A> repository, Change<A> change) {
        Write writeOf(CommandContext context, long version) {
            return repository.writeOf(context.tenant(), version == 0 ? Optional.empty()
                    : Optional.of(new Loaded<>(change.state(), version)), change.state());
        }
    }

    Either<Rejected, Outcome> run(CommandContext context, String action, String subjectType, String subjectId,
                                  Decision decision) {
        String subject = subjectType + ":" + subjectId;
        Optional<Rejected> denied = CommandRefusals.unlessAuthorised(ports.authorization(), context, action, subjectType,
                subjectId);
        if (denied.isPresent()) {
            return Either.left(denied.get());
        }
        RecordKey subjectKey = new RecordKey(context.tenant().value(), subjectType, subjectId);
        for (int attempt = 1; attempt <= ports.maxAttempts(); attempt++) {
            Optional<CommandReceipts.Receipt> receipt = ports.receipts().find(context.tenant(), context.commandId());
            if (receipt.isPresent()) {
                if (CommandRefusals.isReplayOf(receipt.get(), action, subjectType, subjectId)) {
                    return Either.right(new Outcome(List.of(), List.of(), true, Map.of(), Map.of()));
                }
                return Either.left(CommandRefusals.commandIdReused(context, subject, receipt.get()));
            }
            Session session = new Session(context);
            Instant at = ports.now();
            Either<Rejected, Void> decided = decision.decide(session, at);
            if (decided.isLeft()) {
                return Either.left(decided.getLeft());
            }
            if (session.staged.size() >= Commit.MAX_WRITES) {
                return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_ALLOWED, subject, "",
                        "one command changes at most " + (Commit.MAX_WRITES - 1) + " records; split it")
                        .withEvidence("records", session.staged.size())));
            }
            List<Write> writes = new ArrayList<>();
            List<OutboxMessage> messages = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            List<DomainEvent> raised = new ArrayList<>();
            Map<RecordKey, Object> states = new HashMap<>();
            session.staged.forEach((key, staged) -> {
                writes.add(staged.writeOf(context, session.versions.getOrDefault(key, 0L)));
                changed.add(key.recordType() + ":" + key.recordId());
                states.put(key, staged.change().state());
                raised.addAll(staged.change().events());
                messages.addAll(ports.messagesOf(context, key, staged.change().events()));
            });
            writes.add(ports.receipts().writeOf(context.tenant(), context.commandId(), action, context.actor(), subjectKey, at));
            CommitOutcome outcome = ports.store().commit(new Commit(context.tenant().value(), context.commandId().value(), writes, messages));
            if (outcome instanceof CommitOutcome.Committed committed) {
                Map<RecordKey, Long> versions = new HashMap<>(committed.newVersions());
                versions.keySet().retainAll(states.keySet());
                return Either.right(new Outcome(changed, raised, false, states, versions));
            }
        }
        return Either.left(CommandRefusals.keptChanging("the records", subject, ports.maxAttempts()));
    }

    /**
     * {@link #run} for a command about one record of {@code repository} (which it may stage with
     * others): reports that record as committed — the state staged and its new version — or, when
     * the command left it unchanged or was a replay, as stored now. The decision refuses when the
     * record does not exist, so that it exists whenever the command is accepted.
     */
    <A> Either<Rejected, Executed<A>> runOn(CommandContext context, String action, Repository<A> repository,
                                            String recordId, Decision decision) {
        return run(context, action, repository.recordType(), recordId, decision).map(done -> {
            RecordKey key = repository.keyOf(context.tenant(), recordId);
            Object committed = done.committedStates().get(key);
            if (committed != null) {
                @SuppressWarnings("unchecked") // staged through the same repository, so of its type
                A state = (A) committed;
                return new Executed<>(state, done.newVersions().get(key), done.events(), false);
            }
            Loaded<A> now = repository.load(context.tenant(), recordId).orElseThrow();
            return new Executed<>(now.state(), now.version(), done.events(), done.replayed());
        });
    }
}
