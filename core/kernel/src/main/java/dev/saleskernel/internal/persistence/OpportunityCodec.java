package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.funnel.ActivityRef;
import dev.saleskernel.funnel.CreditSplit;
import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.funnel.LineItem;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityEvents;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.funnel.StageVisit;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.money.Money;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema version 1 of the {@code opportunity} record, and the payloads of its events. Amounts are
 * decimal strings in the record's one {@code currency}.
 */
public final class OpportunityCodec extends DocumentCodec<Opportunity, OpportunityCodec.OpportunityDocument> {
    public static final String RECORD_TYPE = "opportunity";

    public record LineDocument(@JsonProperty("product") String product, @JsonProperty("quantity") String quantity,
                               @JsonProperty("unitPrice") String unitPrice, @JsonProperty("discount") String discount) {
        static LineDocument of(LineItem l) {
            return new LineDocument(l.product(), l.quantity().toPlainString(), l.unitPrice().amount().toPlainString(),
                    l.discount().toPlainString());
        }

        LineItem toLine(Currency currency) {
            return new LineItem(product, new BigDecimal(quantity), Money.of(new BigDecimal(unitPrice), currency),
                    new BigDecimal(discount));
        }
    }

    public record SplitDocument(@JsonProperty("member") String member, @JsonProperty("percent") String percent) {
        static SplitDocument of(CreditSplit s) {
            return new SplitDocument(s.member().value(), s.percent().toPlainString());
        }

        CreditSplit toSplit() {
            return new CreditSplit(ActorId.of(member), new BigDecimal(percent));
        }
    }

    public record VisitDocument(@JsonProperty("stageId") String stageId, @JsonProperty("enteredAt") String enteredAt,
                                @JsonProperty("enteredBy") String enteredBy, @JsonProperty("leftAt") String leftAt,
                                @JsonProperty("leftBy") String leftBy) {
    }

    public record ActivityDocument(@JsonProperty("activityId") String activityId, @JsonProperty("type") String type,
                                   @JsonProperty("completedAt") String completedAt) {
        static ActivityDocument of(ActivityRef a) {
            return new ActivityDocument(a.activityId(), a.type(), a.completedAt().toString());
        }
    }

    public record OpportunityDocument(@JsonProperty("id") String id, @JsonProperty("tenantId") String tenantId,
                                      @JsonProperty("pipelineId") String pipelineId,
                                      @JsonProperty("pipelineVersion") int pipelineVersion,
                                      @JsonProperty("accountId") String accountId, @JsonProperty("owner") String owner,
                                      @JsonProperty("team") List<SplitDocument> team,
                                      @JsonProperty("currency") String currency,
                                      @JsonProperty("lines") List<LineDocument> lines,
                                      @JsonProperty("amount") String amount,
                                      @JsonProperty("expectedCloseDate") String expectedCloseDate,
                                      @JsonProperty("closeDateSlips") int closeDateSlips,
                                      @JsonProperty("stageId") String stageId, @JsonProperty("status") String status,
                                      @JsonProperty("probability") String probability,
                                      @JsonProperty("forecastCategory") String forecastCategory,
                                      @JsonProperty("nextStep") String nextStep,
                                      @JsonProperty("competitor") String competitor,
                                      @JsonProperty("history") List<VisitDocument> history,
                                      @JsonProperty("activities") List<ActivityDocument> activities,
                                      @JsonProperty("createdAt") String createdAt,
                                      @JsonProperty("closeDate") String closeDate,
                                      @JsonProperty("lossReason") String lossReason,
                                      @JsonProperty("productLine") String productLine,
                                      @JsonProperty("channel") String channel) {
    }

    public OpportunityCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, OpportunityDocument.class, List.of());
    }

    @Override
    public String recordId(Opportunity opportunity) {
        return opportunity.id();
    }

    /** Queries may select opportunities by owner, pipeline, status and stage. */
    @Override
    public Map<String, IndexValue> indexes(Opportunity o) {
        return Map.of("owner", IndexValue.text(o.owner().value()), "pipeline", IndexValue.text(o.pipelineId()),
                "status", IndexValue.text(o.status().name()), "stage", IndexValue.text(o.stageId()));
    }

    @Override
    protected OpportunityDocument toDocument(Opportunity o) {
        return new OpportunityDocument(o.id(), o.tenant().value(), o.pipelineId(), o.pipelineVersion(), o.accountId(),
                o.owner().value(), o.team().stream().map(SplitDocument::of).toList(), o.currency().getCurrencyCode(),
                o.lines().stream().map(LineDocument::of).toList(), o.amount().amount().toPlainString(),
                o.expectedCloseDate().map(LocalDate::toString).orElse(null), o.closeDateSlips(), o.stageId(),
                o.status().name(), o.probability().toPlainString(), o.forecastCategory().name(), o.nextStep(),
                o.competitor(), o.history().stream().map(v -> new VisitDocument(v.stageId(), v.enteredAt().toString(),
                v.enteredBy().value(), v.leftAt().map(Instant::toString).orElse(null),
                v.leftBy().map(ActorId::value).orElse(null))).toList(),
                o.activities().stream().map(ActivityDocument::of).toList(), o.createdAt().toString(),
                o.closeDate().map(LocalDate::toString).orElse(null), o.lossReason(), o.productLine(), o.channel());
    }

    @Override
    protected Opportunity fromDocument(OpportunityDocument d) {
        Currency currency = Currency.getInstance(d.currency());
        return new Opportunity(d.id(), TenantId.of(d.tenantId()), d.pipelineId(), d.pipelineVersion(), d.accountId(),
                ActorId.of(d.owner()), d.team().stream().map(SplitDocument::toSplit).toList(), currency,
                d.lines().stream().map(l -> l.toLine(currency)).toList(), Money.of(new BigDecimal(d.amount()), currency),
                Optional.ofNullable(d.expectedCloseDate()).map(LocalDate::parse), d.closeDateSlips(), d.stageId(),
                StageKind.valueOf(d.status()), new BigDecimal(d.probability()),
                ForecastCategory.valueOf(d.forecastCategory()), d.nextStep(), d.competitor(),
                d.history().stream().map(v -> new StageVisit(v.stageId(), Instant.parse(v.enteredAt()),
                        ActorId.of(v.enteredBy()), Optional.ofNullable(v.leftAt()).map(Instant::parse),
                        Optional.ofNullable(v.leftBy()).map(ActorId::of))).toList(),
                d.activities().stream().map(a -> new ActivityRef(a.activityId(), a.type(), Instant.parse(a.completedAt())))
                        .toList(), Instant.parse(d.createdAt()), Optional.ofNullable(d.closeDate()).map(LocalDate::parse),
                d.lossReason(), d.productLine(), d.channel());
    }

    private static Map<String, Object> money(Money m) {
        return Map.of("amount", m.amount().toPlainString(), "currency", m.currency().getCurrencyCode());
    }

    /** Registers the payloads of the opportunity events (logical names {@code funnel.<event>}). */
    public static EventCodec registerEvents(EventCodec events) {
        record Created(@JsonProperty("pipelineId") String pipelineId, @JsonProperty("pipelineVersion") int version,
                       @JsonProperty("accountId") String accountId, @JsonProperty("owner") String owner,
                       @JsonProperty("amount") Map<String, Object> amount) {
        }
        record Entered(@JsonProperty("stageId") String stageId, @JsonProperty("probability") String probability) {
        }
        record Advanced(@JsonProperty("from") String from, @JsonProperty("to") String to,
                        @JsonProperty("direction") String direction, @JsonProperty("afterActions") List<String> after) {
        }
        record Lines(@JsonProperty("lines") List<LineDocument> lines, @JsonProperty("amount") Map<String, Object> amount) {
        }
        record Owner(@JsonProperty("previousOwner") String previous, @JsonProperty("owner") String owner,
                     @JsonProperty("team") List<SplitDocument> team) {
        }
        record CloseDate(@JsonProperty("previous") String previous, @JsonProperty("expectedCloseDate") String date,
                         @JsonProperty("slipped") boolean slipped) {
        }
        record Probability(@JsonProperty("stageId") String stageId, @JsonProperty("probability") String probability) {
        }
        record NextStep(@JsonProperty("nextStep") String nextStep) {
        }
        record Activity(@JsonProperty("activity") ActivityDocument activity) {
        }
        record Won(@JsonProperty("fromStage") String from, @JsonProperty("closingAmount") Map<String, Object> amount,
                   @JsonProperty("closeDate") String closeDate, @JsonProperty("afterActions") List<String> after) {
        }
        record Lost(@JsonProperty("fromStage") String from, @JsonProperty("reason") String reason,
                    @JsonProperty("competitor") String competitor) {
        }
        record Reopened(@JsonProperty("toStage") String toStage) {
        }
        record Migrated(@JsonProperty("pipelineId") String pipelineId, @JsonProperty("fromVersion") int from,
                        @JsonProperty("toVersion") int to) {
        }
        return events
                .register(OpportunityEvents.OpportunityCreated.class, "funnel.opportunity-created",
                        e -> new Created(e.pipelineId(), e.pipelineVersion(), e.accountId(), e.owner().value(), money(e.amount())))
                .register(OpportunityEvents.StageEntered.class, "funnel.stage-entered",
                        e -> new Entered(e.stageId(), e.probability().toPlainString()))
                .register(OpportunityEvents.StageAdvanced.class, "funnel.stage-advanced",
                        e -> new Advanced(e.fromStage(), e.toStage(), e.direction().name(), e.afterActions()))
                .register(OpportunityEvents.LinesUpdated.class, "funnel.lines-updated",
                        e -> new Lines(e.lines().stream().map(LineDocument::of).toList(), money(e.amount())))
                .register(OpportunityEvents.OwnerChanged.class, "funnel.owner-changed",
                        e -> new Owner(e.previousOwner().value(), e.owner().value(),
                                e.team().stream().map(SplitDocument::of).toList()))
                .register(OpportunityEvents.CloseDateChanged.class, "funnel.close-date-changed",
                        e -> new CloseDate(e.previous() == null ? null : e.previous().toString(),
                                e.expectedCloseDate().toString(), e.slipped()))
                .register(OpportunityEvents.ProbabilityOverridden.class, "funnel.probability-overridden",
                        e -> new Probability(e.stageId(), e.probability().toPlainString()))
                .register(OpportunityEvents.NextStepSet.class, "funnel.next-step-set", e -> new NextStep(e.nextStep()))
                .register(OpportunityEvents.ActivityLinked.class, "funnel.activity-linked",
                        e -> new Activity(ActivityDocument.of(e.activity())))
                .register(OpportunityEvents.OpportunityWon.class, "funnel.opportunity-won",
                        e -> new Won(e.fromStage(), money(e.closingAmount()), e.closeDate().toString(), e.afterActions()))
                .register(OpportunityEvents.OpportunityLost.class, "funnel.opportunity-lost",
                        e -> new Lost(e.fromStage(), e.reason(), e.competitor()))
                .register(OpportunityEvents.OpportunityReopened.class, "funnel.opportunity-reopened",
                        e -> new Reopened(e.toStage()))
                .register(OpportunityEvents.PipelineMigrated.class, "funnel.pipeline-migrated",
                        e -> new Migrated(e.pipelineId(), e.fromVersion(), e.toVersion()));
    }
}
