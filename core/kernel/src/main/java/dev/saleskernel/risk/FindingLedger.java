package dev.saleskernel.risk;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The findings of one tenant: at most one open finding per rule and subject.
 *
 * <p>{@link #record} takes an evaluation: a finding whose rule and subject already have an open
 * finding updates it (an event only when its content changed), any other is raised as new; an open
 * finding of a rule that ran but did not find it again has expired (its condition no longer
 * holds). People {@linkplain #acknowledge acknowledge} and {@linkplain #resolve resolve} findings.
 * Resolved and expired findings are kept as history; if the condition returns, a new finding is
 * raised.
 *
 * @param open     open and acknowledged findings by {@link Finding#key()}
 * @param closed   resolved and expired findings, oldest first
 * @param sequence the number of the last finding id handed out
 */
public record FindingLedger(Map<String, TrackedFinding> open, List<TrackedFinding> closed, long sequence) {

    public FindingLedger {
        open = Collections.unmodifiableMap(new LinkedHashMap<>(open));
        closed = List.copyOf(closed);
    }

    /** A ledger with no findings. */
    public static FindingLedger empty() {
        return new FindingLedger(Map.of(), List.of(), 0);
    }

    /** Applies an evaluation: raises new findings, updates open ones, expires the ones not found again. */
    public Change<FindingLedger> record(RiskEvaluation evaluation, ActorId actor, Instant at) {
        Map<String, TrackedFinding> nextOpen = new LinkedHashMap<>(open);
        List<TrackedFinding> nextClosed = new ArrayList<>(closed);
        List<DomainEvent> events = new ArrayList<>();
        long next = sequence;
        Set<String> found = new HashSet<>();
        for (Finding finding : evaluation.findings()) {
            String key = finding.key();
            if (!found.add(key)) {
                continue;
            }
            TrackedFinding existing = nextOpen.get(key);
            if (existing == null) {
                next++;
                TrackedFinding raised = new TrackedFinding("F-" + next, finding, FindingStatus.OPEN, evaluation.asOf(),
                        evaluation.asOf(), "");
                nextOpen.put(key, raised);
                events.add(new FindingEvents.FindingRaised(raised, actor, at));
            } else if (!existing.finding().sameAs(finding)) {
                TrackedFinding updated = existing.with(finding, evaluation.asOf());
                nextOpen.put(key, updated);
                events.add(new FindingEvents.FindingUpdated(updated, actor, at));
            }
        }
        for (TrackedFinding tracked : open.values()) {
            String key = tracked.finding().key();
            if (!found.contains(key) && evaluation.rulesRun().contains(tracked.finding().ruleId())) {
                TrackedFinding expired = tracked.moved(FindingStatus.EXPIRED, evaluation.asOf(), "the condition no longer holds");
                nextOpen.remove(key);
                nextClosed.add(expired);
                events.add(new FindingEvents.FindingExpired(expired, actor, at));
            }
        }
        return new Change<>(new FindingLedger(nextOpen, nextClosed, next), events);
    }

    /** Someone takes note of an open finding; it stays open until resolved or expired. */
    public Either<Rejected, Change<FindingLedger>> acknowledge(String findingId, String note, ActorId actor, Instant at,
                                                               java.time.LocalDate on) {
        return openFinding(findingId).flatMap(tracked -> Checks.start()
                .require(tracked.status() == FindingStatus.OPEN, () -> Rejection.of(RiskRejection.ALREADY_ACKNOWLEDGED,
                        subject(findingId), "status", "the finding was acknowledged already"))
                .thenRight(() -> {
                    TrackedFinding acknowledged = tracked.moved(FindingStatus.ACKNOWLEDGED, on, note);
                    Map<String, TrackedFinding> nextOpen = new LinkedHashMap<>(open);
                    nextOpen.put(tracked.finding().key(), acknowledged);
                    return Change.of(new FindingLedger(nextOpen, closed, sequence),
                            new FindingEvents.FindingAcknowledged(acknowledged, actor, at));
                }));
    }

    /** Someone resolves an open or acknowledged finding, saying how. */
    public Either<Rejected, Change<FindingLedger>> resolve(String findingId, String resolution, ActorId actor, Instant at,
                                                           java.time.LocalDate on) {
        return openFinding(findingId).flatMap(tracked -> Checks.start()
                .require(!resolution.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(findingId), "resolution",
                        "resolving a finding needs a word on how"))
                .thenRight(() -> {
                    TrackedFinding resolved = tracked.moved(FindingStatus.RESOLVED, on, resolution);
                    Map<String, TrackedFinding> nextOpen = new LinkedHashMap<>(open);
                    nextOpen.remove(tracked.finding().key());
                    List<TrackedFinding> nextClosed = new ArrayList<>(closed);
                    nextClosed.add(resolved);
                    return Change.of(new FindingLedger(nextOpen, nextClosed, sequence),
                            new FindingEvents.FindingResolved(resolved, actor, at));
                }));
    }

    /** The finding with this id, open or closed. */
    public Optional<TrackedFinding> find(String findingId) {
        return open.values().stream().filter(t -> t.findingId().equals(findingId)).findFirst()
                .or(() -> closed.stream().filter(t -> t.findingId().equals(findingId)).findFirst());
    }

    /** The open and acknowledged findings, highest severity first, then by finding id order. */
    public List<TrackedFinding> openBySeverity() {
        List<TrackedFinding> list = new ArrayList<>(open.values());
        list.sort(java.util.Comparator.comparingInt((TrackedFinding t) -> -t.finding().severity().score())
                .thenComparingLong(t -> Long.parseLong(t.findingId().substring(2))));
        return list;
    }

    private Either<Rejected, TrackedFinding> openFinding(String findingId) {
        Optional<TrackedFinding> found = find(findingId);
        if (found.isEmpty()) {
            return Either.left(Rejected.of(Rejection.of(RiskRejection.FINDING_NOT_FOUND, subject(findingId), "findingId",
                    "no such finding")));
        }
        if (!found.get().status().isOpen()) {
            return Either.left(Rejected.of(Rejection.of(RiskRejection.FINDING_CLOSED, subject(findingId), "status",
                    "the finding is " + found.get().status().name().toLowerCase(java.util.Locale.ROOT))));
        }
        return Either.right(found.get());
    }

    private static String subject(String findingId) {
        return "finding:" + findingId;
    }
}
