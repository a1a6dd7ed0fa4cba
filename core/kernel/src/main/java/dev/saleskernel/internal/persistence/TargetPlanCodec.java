package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.ChangeLogEntry;
import dev.saleskernel.target.Dimension;
import dev.saleskernel.target.Metric;
import dev.saleskernel.target.PlanStatus;
import dev.saleskernel.target.Target;
import dev.saleskernel.target.TargetEvents;
import dev.saleskernel.target.TargetNode;
import dev.saleskernel.target.TargetPlan;
import dev.saleskernel.target.TargetUnit;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Schema version 1 of the {@code target-plan} record (one document per plan, record id = plan id), and its events. */
public final class TargetPlanCodec extends DocumentCodec<TargetPlan, TargetPlanCodec.PlanDocument> {

    public static final String RECORD_TYPE = "target-plan";

    /** {@code {"kind": "money", "currency": "CNY"}} or {@code {"kind": "count"}}. */
    public record UnitDocument(@JsonProperty("kind") String kind, @JsonProperty("currency") String currency) {
        static UnitDocument of(TargetUnit unit) {
            return unit instanceof TargetUnit.MoneyUnit money
                    ? new UnitDocument("money", money.currency().getCurrencyCode()) : new UnitDocument("count", null);
        }

        TargetUnit toUnit() {
            return switch (kind) {
                case "money" -> TargetUnit.money(Currency.getInstance(currency));
                case "count" -> TargetUnit.count();
                default -> throw new IllegalArgumentException("unknown unit kind " + kind);
            };
        }
    }

    public record NodeDocument(@JsonProperty("id") String id, @JsonProperty("parentId") String parentId,
                               @JsonProperty("key") String key, @JsonProperty("label") String label,
                               @JsonProperty("dimension") String dimension, @JsonProperty("period") PeriodDocument period,
                               @JsonProperty("amount") long amount, @JsonProperty("weight") long weight,
                               @JsonProperty("locked") boolean locked, @JsonProperty("commitment") Long commitment,
                               @JsonProperty("children") List<String> children) {
        static NodeDocument of(TargetNode n) {
            return new NodeDocument(n.id(), n.parentId().orElse(null), n.key(), n.label(), n.dimension().name(),
                    PeriodDocument.of(n.period()), n.amount(), n.weight(), n.locked(), n.commitment().orElse(null), n.children());
        }

        TargetNode toNode() {
            return new TargetNode(id, Optional.ofNullable(parentId), key, label, Dimension.valueOf(dimension), period.toPeriod(),
                    amount, weight, locked, Optional.ofNullable(commitment), children == null ? List.of() : children);
        }
    }

    public record LogDocument(@JsonProperty("version") int version, @JsonProperty("action") String action,
                              @JsonProperty("nodeId") String nodeId, @JsonProperty("detail") String detail,
                              @JsonProperty("reason") String reason, @JsonProperty("actor") String actor,
                              @JsonProperty("at") String at) {
        static LogDocument of(ChangeLogEntry e) {
            return new LogDocument(e.version(), e.action(), e.nodeId(), e.detail(), e.reason(), e.actor().value(),
                    e.at().toString());
        }

        ChangeLogEntry toEntry() {
            return new ChangeLogEntry(version, action, nodeId, detail, reason, ActorId.of(actor), Instant.parse(at));
        }
    }

    public record ApprovedDocument(@JsonProperty("version") int version, @JsonProperty("proposedBy") String proposedBy,
                                   @JsonProperty("approvedBy") String approvedBy, @JsonProperty("approvedAt") String approvedAt,
                                   @JsonProperty("amounts") Map<String, Long> amounts) {
    }

    public record PendingDocument(@JsonProperty("version") int version, @JsonProperty("proposedBy") String proposedBy,
                                  @JsonProperty("proposedAt") String proposedAt, @JsonProperty("reason") String reason) {
    }

    public record PlanDocument(@JsonProperty("tenantId") String tenantId, @JsonProperty("planId") String planId,
                               @JsonProperty("name") String name, @JsonProperty("metric") String metric,
                               @JsonProperty("unit") UnitDocument unit, @JsonProperty("version") int version,
                               @JsonProperty("status") String status, @JsonProperty("pending") PendingDocument pending,
                               @JsonProperty("rootId") String rootId, @JsonProperty("nodes") List<NodeDocument> nodes,
                               @JsonProperty("changeLog") List<LogDocument> changeLog,
                               @JsonProperty("approvedVersions") List<ApprovedDocument> approvedVersions) {
    }

    public TargetPlanCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, PlanDocument.class, List.of());
    }

    @Override
    public String recordId(TargetPlan plan) {
        return plan.planId();
    }

    @Override
    protected PlanDocument toDocument(TargetPlan plan) {
        return new PlanDocument(plan.tenantId().value(), plan.planId(), plan.name(), plan.metric().code(),
                UnitDocument.of(plan.unit()), plan.version(), plan.status().name(),
                plan.pending().map(p -> new PendingDocument(p.proposal(), p.proposedBy().value(), p.proposedAt().toString(),
                        p.reason())).orElse(null),
                plan.root().id(), plan.nodes().stream().map(NodeDocument::of).toList(),
                plan.changeLog().stream().map(LogDocument::of).toList(),
                plan.approvedVersions().stream().map(v -> new ApprovedDocument(v.version(), v.proposedBy().value(),
                        v.approvedBy().value(), v.approvedAt().toString(), v.amounts())).toList());
    }

    @Override
    protected TargetPlan fromDocument(PlanDocument d) {
        return TargetPlan.restore(TenantId.of(d.tenantId()), d.planId(), d.name(), new Metric(d.metric()), d.unit().toUnit(),
                d.version(), PlanStatus.valueOf(d.status()),
                Optional.ofNullable(d.pending()).map(p -> new PendingApproval<>(p.version(), ActorId.of(p.proposedBy()),
                        Instant.parse(p.proposedAt()), p.reason())),
                d.rootId(), d.nodes().stream().map(NodeDocument::toNode).toList(),
                list(d.changeLog()).stream().map(LogDocument::toEntry).toList(),
                list(d.approvedVersions()).stream().map(v -> new TargetPlan.ApprovedVersion(v.version(),
                        ActorId.of(v.proposedBy()), ActorId.of(v.approvedBy()), Instant.parse(v.approvedAt()),
                        new LinkedHashMap<>(v.amounts()))).toList());
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    /** Registers the payloads of the target-plan events. */
    public static EventCodec registerEvents(EventCodec events) {
        record Created(@JsonProperty("metric") String metric, @JsonProperty("unit") UnitDocument unit,
                       @JsonProperty("amount") long amount, @JsonProperty("period") PeriodDocument period,
                       @JsonProperty("owner") String owner, @JsonProperty("warnings") List<String> warnings) {
        }
        record Split(@JsonProperty("version") int version, @JsonProperty("nodeId") String nodeId,
                     @JsonProperty("dimension") String dimension, @JsonProperty("strategy") String strategy,
                     @JsonProperty("children") Map<String, Long> children) {
        }
        record AmountsChanged(@JsonProperty("version") int version, @JsonProperty("nodeId") String nodeId,
                              @JsonProperty("previous") long previous, @JsonProperty("amount") long amount,
                              @JsonProperty("locked") boolean locked, @JsonProperty("changed") Map<String, Long> changed,
                              @JsonProperty("reason") String reason) {
        }
        record NodeEvent(@JsonProperty("version") int version, @JsonProperty("nodeId") String nodeId,
                         @JsonProperty("reason") String reason) {
        }
        record Commitment(@JsonProperty("version") int version, @JsonProperty("nodeId") String nodeId,
                          @JsonProperty("amount") long amount) {
        }
        record Reconciled(@JsonProperty("version") int version, @JsonProperty("nodeId") String nodeId,
                          @JsonProperty("policy") String policy, @JsonProperty("changed") Map<String, Long> changed,
                          @JsonProperty("reason") String reason) {
        }
        record VersionEvent(@JsonProperty("version") int version, @JsonProperty("reason") String reason) {
        }
        record Approved(@JsonProperty("version") int version, @JsonProperty("proposedBy") String proposedBy) {
        }
        return events
                .register(TargetEvents.PlanCreated.class, "target-plan.created", e -> {
                    Target t = e.root();
                    return new Created(t.metric().code(), UnitDocument.of(t.unit()), t.amount(), PeriodDocument.of(t.period()),
                            t.owner(), e.warnings());
                })
                .register(TargetEvents.NodeSplit.class, "target-plan.node-split",
                        e -> new Split(e.version(), e.nodeId(), e.dimension().name(), e.strategy(), e.children()))
                .register(TargetEvents.AmountsChanged.class, "target-plan.amounts-changed",
                        e -> new AmountsChanged(e.version(), e.nodeId(), e.previous(), e.amount(), e.locked(), e.changed(), e.reason()))
                .register(TargetEvents.NodeUnlocked.class, "target-plan.node-unlocked",
                        e -> new NodeEvent(e.version(), e.nodeId(), e.reason()))
                .register(TargetEvents.CommitmentSubmitted.class, "target-plan.commitment-submitted",
                        e -> new Commitment(e.version(), e.nodeId(), e.amount()))
                .register(TargetEvents.Reconciled.class, "target-plan.reconciled",
                        e -> new Reconciled(e.version(), e.nodeId(), e.policy(), e.changed(), e.reason()))
                .register(TargetEvents.VersionProposed.class, "target-plan.version-proposed",
                        e -> new VersionEvent(e.version(), e.reason()))
                .register(TargetEvents.VersionApproved.class, "target-plan.version-approved",
                        e -> new Approved(e.version(), e.proposedBy().value()))
                .register(TargetEvents.VersionRejected.class, "target-plan.version-rejected",
                        e -> new VersionEvent(e.version(), e.reason()))
                .register(TargetEvents.VersionOpened.class, "target-plan.version-opened",
                        e -> new VersionEvent(e.version(), e.reason()));
    }
}
