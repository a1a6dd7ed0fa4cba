package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.risk.Finding;
import dev.saleskernel.risk.FindingEvents;
import dev.saleskernel.risk.FindingLedger;
import dev.saleskernel.risk.FindingStatus;
import dev.saleskernel.risk.RiskScope;
import dev.saleskernel.risk.Severity;
import dev.saleskernel.risk.TrackedFinding;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema version 1 of the {@code finding-ledger} record (one per tenant, id {@link #RECORD_ID}),
 * and the payloads of the finding events. Evidence keeps the rule's order and exact text.
 */
public final class FindingLedgerCodec extends DocumentCodec<FindingLedger, FindingLedgerCodec.LedgerDocument> {

    public static final String RECORD_TYPE = "finding-ledger";
    /** Each tenant has one ledger, under this id. */
    public static final String RECORD_ID = "findings";

    public record FindingDocument(@JsonProperty("findingId") String findingId, @JsonProperty("ruleId") String ruleId,
                                  @JsonProperty("ruleVersion") int ruleVersion, @JsonProperty("scope") String scope,
                                  @JsonProperty("subject") String subject, @JsonProperty("impact") int impact,
                                  @JsonProperty("likelihood") int likelihood,
                                  @JsonProperty("evidence") LinkedHashMap<String, String> evidence,
                                  @JsonProperty("suggestedResponse") String suggestedResponse,
                                  @JsonProperty("asOf") String asOf, @JsonProperty("status") String status,
                                  @JsonProperty("raisedOn") String raisedOn, @JsonProperty("updatedOn") String updatedOn,
                                  @JsonProperty("note") String note) {
        static FindingDocument of(TrackedFinding t) {
            Finding f = t.finding();
            return new FindingDocument(t.findingId(), f.ruleId(), f.ruleVersion(), f.scope().name(), f.subject(),
                    f.severity().impact(), f.severity().likelihood(), new LinkedHashMap<>(f.evidence()),
                    f.suggestedResponse(), f.asOf().toString(), t.status().name(), t.raisedOn().toString(),
                    t.updatedOn().toString(), t.note());
        }

        TrackedFinding toTracked() {
            return new TrackedFinding(findingId, new Finding(ruleId, ruleVersion, RiskScope.valueOf(scope), subject,
                    new Severity(impact, likelihood), evidence, suggestedResponse, LocalDate.parse(asOf)),
                    FindingStatus.valueOf(status), LocalDate.parse(raisedOn), LocalDate.parse(updatedOn), note);
        }
    }

    public record LedgerDocument(@JsonProperty("open") List<FindingDocument> open,
                                 @JsonProperty("closed") List<FindingDocument> closed,
                                 @JsonProperty("sequence") long sequence) {
    }

    public FindingLedgerCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, LedgerDocument.class, List.of());
    }

    @Override
    public String recordId(FindingLedger ledger) {
        return RECORD_ID;
    }

    @Override
    protected LedgerDocument toDocument(FindingLedger ledger) {
        return new LedgerDocument(ledger.open().values().stream().map(FindingDocument::of).toList(),
                ledger.closed().stream().map(FindingDocument::of).toList(), ledger.sequence());
    }

    @Override
    protected FindingLedger fromDocument(LedgerDocument d) {
        Map<String, TrackedFinding> open = new LinkedHashMap<>();
        d.open().forEach(f -> {
            TrackedFinding tracked = f.toTracked();
            open.put(tracked.finding().key(), tracked);
        });
        return new FindingLedger(open, d.closed().stream().map(FindingDocument::toTracked).toList(), d.sequence());
    }

    /** Registers the payloads of the finding events ({@code risk.finding-<event>}); each carries the whole finding. */
    public static EventCodec registerEvents(EventCodec events) {
        return events
                .register(FindingEvents.FindingRaised.class, "risk.finding-raised", e -> FindingDocument.of(e.finding()))
                .register(FindingEvents.FindingUpdated.class, "risk.finding-updated", e -> FindingDocument.of(e.finding()))
                .register(FindingEvents.FindingAcknowledged.class, "risk.finding-acknowledged",
                        e -> FindingDocument.of(e.finding()))
                .register(FindingEvents.FindingResolved.class, "risk.finding-resolved", e -> FindingDocument.of(e.finding()))
                .register(FindingEvents.FindingExpired.class, "risk.finding-expired", e -> FindingDocument.of(e.finding()));
    }
}
