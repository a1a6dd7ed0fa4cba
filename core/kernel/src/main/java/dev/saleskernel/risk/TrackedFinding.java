package dev.saleskernel.risk;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A finding in the ledger: its id ({@code F-1}, {@code F-2}... per ledger), its latest content,
 * status, when it was first raised and last confirmed or changed, and the last note.
 */
public record TrackedFinding(String findingId, Finding finding, FindingStatus status, LocalDate raisedOn,
                             LocalDate updatedOn, String note) {
    public TrackedFinding {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(raisedOn, "raisedOn");
        Objects.requireNonNull(updatedOn, "updatedOn");
        Objects.requireNonNull(note, "note");
    }

    TrackedFinding with(Finding next, LocalDate on) {
        return new TrackedFinding(findingId, next, status, raisedOn, on, note);
    }

    TrackedFinding moved(FindingStatus next, LocalDate on, String why) {
        return new TrackedFinding(findingId, finding, next, raisedOn, on, why);
    }
}
