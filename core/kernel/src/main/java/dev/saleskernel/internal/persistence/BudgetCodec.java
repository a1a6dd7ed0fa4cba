package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.budget.Budget;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.budget.BudgetEvents;
import dev.saleskernel.budget.BudgetFact;
import dev.saleskernel.budget.BudgetLine;
import dev.saleskernel.budget.BudgetUnit;
import dev.saleskernel.budget.ControlPolicy;
import dev.saleskernel.budget.CostCategory;
import dev.saleskernel.budget.Revision;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.PlanStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema version 1 of the {@code budget} record (one document per budget, record id = budget id),
 * and its events. Amounts are minor units of the budget's currency. The line figures (committed,
 * actual) are not stored: they are recomputed from the stored facts on load.
 */
public final class BudgetCodec extends DocumentCodec<Budget, BudgetCodec.BudgetDocument> {

    public static final String RECORD_TYPE = "budget";

    public record UnitDocument(@JsonProperty("id") String id, @JsonProperty("parentId") String parentId,
                               @JsonProperty("name") String name) {
    }

    public record PolicyDocument(@JsonProperty("period") String period, @JsonProperty("accumulated") String accumulated) {
        static PolicyDocument of(ControlPolicy p) {
            return new PolicyDocument(p.period().name(), p.accumulated().name());
        }

        ControlPolicy toPolicy() {
            return ControlPolicy.of(ControlPolicy.Action.valueOf(period), ControlPolicy.Action.valueOf(accumulated));
        }
    }

    public record LineDocument(@JsonProperty("category") String category, @JsonProperty("unitId") String unitId,
                               @JsonProperty("period") PeriodDocument period, @JsonProperty("amount") long amount,
                               @JsonProperty("policy") PolicyDocument policy) {
    }

    public record FactDocument(@JsonProperty("sourceId") String sourceId, @JsonProperty("kind") String kind,
                               @JsonProperty("category") String category, @JsonProperty("unitId") String unitId,
                               @JsonProperty("date") String date, @JsonProperty("amount") long amount,
                               @JsonProperty("commitmentId") String commitmentId,
                               @JsonProperty("description") String description) {
        static FactDocument of(BudgetFact f) {
            return new FactDocument(f.sourceId(), f.kind().name(), f.category().code(), f.unitId(), f.date().toString(),
                    f.amount(), f.commitmentId(), f.description());
        }

        BudgetFact toFact() {
            return new BudgetFact(sourceId, BudgetFact.Kind.valueOf(kind), CostCategory.of(category), unitId,
                    LocalDate.parse(date), amount, commitmentId == null ? "" : commitmentId,
                    description == null ? "" : description);
        }
    }

    /** {@code {"kind": "adjustment", "lineId", "amount"}} (amount = delta) or {@code {"kind": "transfer", "fromLineId", "toLineId", "amount"}}. */
    public record RevisionDocument(@JsonProperty("kind") String kind, @JsonProperty("lineId") String lineId,
                                   @JsonProperty("fromLineId") String fromLineId, @JsonProperty("toLineId") String toLineId,
                                   @JsonProperty("amount") long amount) {
        static RevisionDocument of(Revision revision) {
            if (revision instanceof Revision.Adjustment a) {
                return new RevisionDocument("adjustment", a.lineId(), null, null, a.delta());
            }
            Revision.Transfer t = (Revision.Transfer) revision;
            return new RevisionDocument("transfer", null, t.fromLineId(), t.toLineId(), t.amount());
        }

        Revision toRevision() {
            return switch (kind) {
                case "adjustment" -> new Revision.Adjustment(lineId, amount);
                case "transfer" -> new Revision.Transfer(fromLineId, toLineId, amount);
                default -> throw new IllegalArgumentException("unknown revision kind " + kind);
            };
        }
    }

    public record RevisionRecordDocument(@JsonProperty("id") String id, @JsonProperty("revision") RevisionDocument revision,
                                         @JsonProperty("proposedBy") String proposedBy,
                                         @JsonProperty("proposedAt") String proposedAt, @JsonProperty("reason") String reason,
                                         @JsonProperty("status") String status, @JsonProperty("decidedBy") String decidedBy,
                                         @JsonProperty("decidedAt") String decidedAt, @JsonProperty("decision") String decision) {
    }

    public record BudgetDocument(@JsonProperty("tenantId") String tenantId, @JsonProperty("budgetId") String budgetId,
                                 @JsonProperty("name") String name, @JsonProperty("currency") String currency,
                                 @JsonProperty("period") PeriodDocument period, @JsonProperty("grain") String grain,
                                 @JsonProperty("version") int version, @JsonProperty("status") String status,
                                 @JsonProperty("pending") TargetPlanCodec.PendingDocument pending,
                                 @JsonProperty("units") List<UnitDocument> units,
                                 @JsonProperty("lines") List<LineDocument> lines,
                                 @JsonProperty("revisions") List<RevisionRecordDocument> revisions,
                                 @JsonProperty("changeLog") List<TargetPlanCodec.LogDocument> changeLog,
                                 @JsonProperty("facts") List<FactDocument> facts) {
    }

    public BudgetCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, BudgetDocument.class, List.of());
    }

    @Override
    public String recordId(Budget budget) {
        return budget.budgetId();
    }

    @Override
    protected BudgetDocument toDocument(Budget b) {
        return new BudgetDocument(b.tenantId().value(), b.budgetId(), b.name(), b.currency().getCurrencyCode(),
                PeriodDocument.of(b.period()), b.grain().name(), b.version(), b.status().name(),
                b.pending().map(p -> new TargetPlanCodec.PendingDocument(p.proposal(), p.proposedBy().value(),
                        p.proposedAt().toString(), p.reason())).orElse(null),
                b.units().stream().map(u -> new UnitDocument(u.id(), u.parentId().orElse(null), u.name())).toList(),
                b.lines().stream().map(l -> new LineDocument(l.category().code(), l.unitId(), PeriodDocument.of(l.period()),
                        l.amount(), PolicyDocument.of(l.policy()))).toList(),
                b.revisions().stream().map(r -> new RevisionRecordDocument(r.id(), RevisionDocument.of(r.proposal().proposal()),
                        r.proposal().proposedBy().value(), r.proposal().proposedAt().toString(), r.proposal().reason(),
                        r.status().name(), r.decidedBy().map(ActorId::value).orElse(null),
                        r.decidedAt().map(Instant::toString).orElse(null), r.decision())).toList(),
                b.changeLog().stream().map(TargetPlanCodec.LogDocument::of).toList(),
                b.facts().stream().map(FactDocument::of).toList());
    }

    @Override
    protected Budget fromDocument(BudgetDocument d) {
        return Budget.restore(TenantId.of(d.tenantId()), d.budgetId(), d.name(), Currency.getInstance(d.currency()),
                d.period().toPeriod(), PeriodKind.valueOf(d.grain()), d.version(), PlanStatus.valueOf(d.status()),
                Optional.ofNullable(d.pending()).map(p -> new PendingApproval<>(p.version(), ActorId.of(p.proposedBy()),
                        Instant.parse(p.proposedAt()), p.reason())),
                d.units().stream().map(u -> new BudgetUnit(u.id(), Optional.ofNullable(u.parentId()), u.name())).toList(),
                d.lines().stream().map(l -> {
                    CostCategory category = CostCategory.of(l.category());
                    var period = l.period().toPeriod();
                    return new BudgetLine(BudgetLine.idOf(category, l.unitId(), period), category, l.unitId(), period,
                            l.amount(), l.policy().toPolicy());
                }).toList(),
                list(d.revisions()).stream().map(r -> new Budget.RevisionRecord(r.id(), new PendingApproval<>(
                        r.revision().toRevision(), ActorId.of(r.proposedBy()), Instant.parse(r.proposedAt()), r.reason()),
                        Budget.RevisionStatus.valueOf(r.status()), Optional.ofNullable(r.decidedBy()).map(ActorId::of),
                        Optional.ofNullable(r.decidedAt()).map(Instant::parse), r.decision() == null ? "" : r.decision())).toList(),
                list(d.changeLog()).stream().map(TargetPlanCodec.LogDocument::toEntry).toList(),
                list(d.facts()).stream().map(FactDocument::toFact).toList());
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    /** Registers the payloads of the budget events. */
    public static EventCodec registerEvents(EventCodec events) {
        record Prepared(@JsonProperty("currency") String currency, @JsonProperty("period") String period,
                        @JsonProperty("total") long total, @JsonProperty("categories") Map<String, Long> categories,
                        @JsonProperty("lines") int lines) {
        }
        record LineAmount(@JsonProperty("version") int version, @JsonProperty("lineId") String lineId,
                          @JsonProperty("previous") long previous, @JsonProperty("amount") long amount,
                          @JsonProperty("reason") String reason) {
        }
        record Policy(@JsonProperty("version") int version, @JsonProperty("lineId") String lineId,
                      @JsonProperty("policy") PolicyDocument policy, @JsonProperty("reason") String reason) {
        }
        record VersionEvent(@JsonProperty("version") int version, @JsonProperty("reason") String reason) {
        }
        record Approved(@JsonProperty("version") int version, @JsonProperty("proposedBy") String proposedBy,
                        @JsonProperty("total") long total) {
        }
        record Fact(@JsonProperty("lineId") String lineId, @JsonProperty("fact") FactDocument fact) {
        }
        record Warning(@JsonProperty("sourceId") String sourceId, @JsonProperty("lineId") String lineId,
                       @JsonProperty("scope") String scope, @JsonProperty("budget") long budget,
                       @JsonProperty("committed") long committed, @JsonProperty("actual") long actual,
                       @JsonProperty("requested") long requested, @JsonProperty("excess") long excess) {
        }
        record RevisionEvent(@JsonProperty("revisionId") String revisionId, @JsonProperty("revision") RevisionDocument revision,
                             @JsonProperty("reason") String reason) {
        }
        record RevisionApproved(@JsonProperty("revisionId") String revisionId,
                                @JsonProperty("revision") RevisionDocument revision, @JsonProperty("version") int version,
                                @JsonProperty("proposedBy") String proposedBy) {
        }
        record RevisionRejected(@JsonProperty("revisionId") String revisionId, @JsonProperty("reason") String reason) {
        }
        return events
                .register(BudgetEvents.BudgetPrepared.class, "budget.prepared",
                        e -> new Prepared(e.currency(), e.period(), e.total(), e.categories(), e.lines()))
                .register(BudgetEvents.LineAmountSet.class, "budget.line-amount-set",
                        e -> new LineAmount(e.version(), e.lineId(), e.previous(), e.amount(), e.reason()))
                .register(BudgetEvents.PolicySet.class, "budget.policy-set",
                        e -> new Policy(e.version(), e.lineId(), PolicyDocument.of(e.policy()), e.reason()))
                .register(BudgetEvents.VersionProposed.class, "budget.version-proposed",
                        e -> new VersionEvent(e.version(), e.reason()))
                .register(BudgetEvents.VersionApproved.class, "budget.version-approved",
                        e -> new Approved(e.version(), e.proposedBy().value(), e.total()))
                .register(BudgetEvents.VersionRejected.class, "budget.version-rejected",
                        e -> new VersionEvent(e.version(), e.reason()))
                .register(BudgetEvents.FactRecorded.class, "budget.fact-recorded",
                        e -> new Fact(e.lineId(), FactDocument.of(e.fact())))
                .register(BudgetEvents.LimitWarning.class, "budget.limit-warning",
                        e -> new Warning(e.sourceId(), e.lineId(), e.scope().name(), e.budget(), e.committed(), e.actual(),
                                e.requested(), e.excess()))
                .register(BudgetEvents.RevisionProposed.class, "budget.revision-proposed",
                        e -> new RevisionEvent(e.revisionId(), RevisionDocument.of(e.revision()), e.reason()))
                .register(BudgetEvents.RevisionApproved.class, "budget.revision-approved",
                        e -> new RevisionApproved(e.revisionId(), RevisionDocument.of(e.revision()), e.version(),
                                e.proposedBy().value()))
                .register(BudgetEvents.RevisionRejected.class, "budget.revision-rejected",
                        e -> new RevisionRejected(e.revisionId(), e.reason()));
    }
}
