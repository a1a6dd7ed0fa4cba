package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.compensation.CompensationPlan;
import dev.saleskernel.compensation.CompensationPlan.Draft;
import dev.saleskernel.compensation.CompensationPlan.Published;
import dev.saleskernel.compensation.PlanEvents;
import dev.saleskernel.internal.json.CompensationPlanReader;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Schema version 1 of the {@code compensation-plan} record, and the payloads of its events. Each
 * version is stored as the plan JSON it was proposed with (the canonical text), read back through
 * {@link CompensationPlanReader} with all its checks.
 */
public final class CompensationPlanCodec extends DocumentCodec<CompensationPlan, CompensationPlanCodec.PlanDocument> {

    public static final String RECORD_TYPE = "compensation-plan";

    public record DraftDocument(@JsonProperty("document") String document,
                                @JsonProperty("proposedBy") String proposedBy,
                                @JsonProperty("proposedAt") String proposedAt,
                                @JsonProperty("reason") String reason) {
    }

    public record PublishedDocument(@JsonProperty("document") String document,
                                    @JsonProperty("proposedBy") String proposedBy,
                                    @JsonProperty("proposedAt") String proposedAt,
                                    @JsonProperty("reason") String reason,
                                    @JsonProperty("publishedBy") String publishedBy,
                                    @JsonProperty("publishedAt") String publishedAt) {
    }

    public record PlanDocument(@JsonProperty("tenantId") String tenantId,
                               @JsonProperty("planId") String planId,
                               @JsonProperty("published") List<PublishedDocument> published,
                               @JsonProperty("draft") DraftDocument draft,
                               @JsonProperty("lastVersion") int lastVersion) {
    }

    private final CompensationPlanReader reader;

    public CompensationPlanCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, PlanDocument.class, List.of());
        this.reader = new CompensationPlanReader(json);
    }

    @Override
    public String recordId(CompensationPlan plan) {
        return plan.planId();
    }

    @Override
    protected PlanDocument toDocument(CompensationPlan plan) {
        List<PublishedDocument> published = plan.published().stream().map(p -> new PublishedDocument(p.version().document(),
                p.proposedBy().value(), p.proposedAt().toString(), p.reason(), p.publishedBy().value(),
                p.publishedAt().toString())).toList();
        DraftDocument draft = plan.draft().map(d -> new DraftDocument(d.proposal().document(), d.proposedBy().value(),
                d.proposedAt().toString(), d.reason())).orElse(null);
        return new PlanDocument(plan.tenantId().value(), plan.planId(), published, draft, plan.lastVersion());
    }

    @Override
    protected CompensationPlan fromDocument(PlanDocument document) {
        List<Published> published = document.published() == null ? List.of() : document.published().stream()
                .map(p -> new Published(draft(p.document()), ActorId.of(p.proposedBy()), Instant.parse(p.proposedAt()), p.reason(),
                        ActorId.of(p.publishedBy()), Instant.parse(p.publishedAt()))).toList();
        Optional<PendingApproval<Draft>> draft = Optional.ofNullable(document.draft()).map(d -> new PendingApproval<>(
                draft(d.document()), ActorId.of(d.proposedBy()), Instant.parse(d.proposedAt()), d.reason()));
        return new CompensationPlan(TenantId.of(document.tenantId()), document.planId(), published, draft, document.lastVersion());
    }

    private Draft draft(String text) {
        return new Draft(reader.read(text).getOrElseThrow(r -> new IllegalStateException("stored plan JSON is refused: " + r)), text);
    }

    /** Registers the payloads of the compensation-plan events. */
    public static EventCodec registerEvents(EventCodec events) {
        record Proposed(@JsonProperty("planId") String planId, @JsonProperty("version") int version,
                        @JsonProperty("reason") String reason) {
        }
        record Published(@JsonProperty("planId") String planId, @JsonProperty("version") int version,
                         @JsonProperty("proposedBy") String proposedBy) {
        }
        record RejectedVersion(@JsonProperty("planId") String planId, @JsonProperty("version") int version,
                               @JsonProperty("reason") String reason) {
        }
        return events
                .register(PlanEvents.PlanVersionProposed.class, "compensation-plan.version-proposed",
                        e -> new Proposed(e.planId(), e.version(), e.reason()))
                .register(PlanEvents.PlanVersionPublished.class, "compensation-plan.version-published",
                        e -> new Published(e.planId(), e.version(), e.proposedBy().value()))
                .register(PlanEvents.PlanVersionRejected.class, "compensation-plan.version-rejected",
                        e -> new RejectedVersion(e.planId(), e.version(), e.reason()));
    }
}
