package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.settlement.LedgerEntries;
import dev.saleskernel.compensation.settlement.LineKind;
import dev.saleskernel.compensation.settlement.PayeeLedger;
import dev.saleskernel.compensation.settlement.SettlementEvents;
import dev.saleskernel.compensation.settlement.SettlementTerms;
import dev.saleskernel.compensation.settlement.Statement;
import dev.saleskernel.compensation.settlement.StatementLine;
import dev.saleskernel.compensation.settlement.StatementStatus;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.PendingApproval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Schema version 1 of the {@code payee-ledger} record, the payloads of its events, and the statement export. */
public final class PayeeLedgerCodec extends DocumentCodec<PayeeLedger, PayeeLedgerCodec.LedgerDocument> {

    public static final String RECORD_TYPE = "payee-ledger";

    public record InputDocument(@JsonProperty("name") String name, @JsonProperty("value") String value) {
    }

    public record ExplanationDocument(@JsonProperty("rule") String rule, @JsonProperty("formula") String formula,
                                      @JsonProperty("inputs") List<InputDocument> inputs) {
        static ExplanationDocument of(Explanation explanation) {
            return new ExplanationDocument(explanation.rule(), explanation.formula(), explanation.inputs().stream()
                    .map(i -> new InputDocument(i.name(), i.value())).toList());
        }

        Explanation toExplanation() {
            return new Explanation(rule, formula, inputs.stream().map(i -> new Explanation.Input(i.name(), i.value())).toList());
        }
    }

    public record LineDocument(@JsonProperty("number") int number, @JsonProperty("kind") String kind,
                               @JsonProperty("componentId") String componentId, @JsonProperty("planVersion") int planVersion,
                               @JsonProperty("forPeriod") String forPeriod, @JsonProperty("dealId") String dealId,
                               @JsonProperty("amountMinor") long amountMinor,
                               @JsonProperty("explanation") ExplanationDocument explanation) {
        static LineDocument of(StatementLine line) {
            return new LineDocument(line.number(), line.kind().name(), line.componentId(), line.planVersion(),
                    line.forPeriod(), line.dealId(), line.amountMinor(), ExplanationDocument.of(line.explanation()));
        }

        static List<LineDocument> of(List<StatementLine> lines) {
            return lines.stream().map(LineDocument::of).toList();
        }

        StatementLine toLine() {
            return new StatementLine(number, LineKind.valueOf(kind), componentId, planVersion, forPeriod, dealId, amountMinor,
                    explanation.toExplanation());
        }
    }

    public record ApprovalDocument(@JsonProperty("proposedBy") String proposedBy, @JsonProperty("proposedAt") String proposedAt,
                                   @JsonProperty("reason") String reason) {
        static ApprovalDocument of(PendingApproval<?> approval) {
            return new ApprovalDocument(approval.proposedBy().value(), approval.proposedAt().toString(), approval.reason());
        }
    }

    public record StatementDocument(@JsonProperty("period") PeriodDocument period, @JsonProperty("status") String status,
                                    @JsonProperty("lines") List<LineDocument> lines,
                                    @JsonProperty("finalisationProposal") String finalisationProposal,
                                    @JsonProperty("finalisation") ApprovalDocument finalisation,
                                    @JsonProperty("finalisedBy") String finalisedBy,
                                    @JsonProperty("finalisedAt") String finalisedAt) {
        static StatementDocument of(Statement statement) {
            return new StatementDocument(PeriodDocument.of(statement.period()), statement.status().name(),
                    LineDocument.of(statement.lines()), statement.finalisation().map(PendingApproval::proposal).orElse(null),
                    statement.finalisation().map(ApprovalDocument::of).orElse(null),
                    statement.finalisedBy().map(ActorId::value).orElse(null),
                    statement.finalisedAt().map(Instant::toString).orElse(null));
        }

        Statement toStatement() {
            return new Statement(period.toPeriod(), StatementStatus.valueOf(status),
                    lines.stream().map(LineDocument::toLine).toList(),
                    Optional.ofNullable(finalisation).map(a -> new PendingApproval<>(finalisationProposal,
                            ActorId.of(a.proposedBy()), Instant.parse(a.proposedAt()), a.reason())),
                    Optional.ofNullable(finalisedBy).map(ActorId::of), Optional.ofNullable(finalisedAt).map(Instant::parse));
        }
    }

    public record TermsDocument(@JsonProperty("advanceRate") String advanceRate,
                                @JsonProperty("annualComponents") List<String> annualComponents,
                                @JsonProperty("drawKind") String drawKind, @JsonProperty("drawAmount") String drawAmount,
                                @JsonProperty("drawYearEnd") String drawYearEnd,
                                @JsonProperty("holdShare") String holdShare, @JsonProperty("holdUntil") String holdUntil,
                                @JsonProperty("clawbackWindowDays") int clawbackWindowDays,
                                @JsonProperty("clawbackMode") String clawbackMode,
                                @JsonProperty("clawbackReducesAttainment") boolean clawbackReducesAttainment) {
        static TermsDocument of(SettlementTerms terms) {
            return new TermsDocument(terms.advances().map(a -> a.rate().toPlainString()).orElse(null),
                    List.copyOf(terms.annualComponents()),
                    terms.draw().map(d -> d.kind().name()).orElse(null),
                    terms.draw().map(d -> d.amount().toPlainString()).orElse(null),
                    terms.draw().map(d -> d.yearEnd().name()).orElse(null),
                    terms.hold().map(h -> h.share().toPlainString()).orElse(null),
                    terms.hold().map(h -> h.until().name()).orElse(null),
                    terms.clawback().windowDays(), terms.clawback().mode().name(), terms.clawback().reducesAttainment());
        }

        SettlementTerms toTerms() {
            return new SettlementTerms(Optional.ofNullable(advanceRate).map(r -> new SettlementTerms.Advances(new BigDecimal(r))),
                    Set.copyOf(annualComponents),
                    Optional.ofNullable(drawKind).map(k -> new SettlementTerms.Draw(SettlementTerms.DrawKind.valueOf(k),
                            new BigDecimal(drawAmount), SettlementTerms.YearEndPolicy.valueOf(drawYearEnd))),
                    Optional.ofNullable(holdShare).map(s -> new SettlementTerms.Hold(new BigDecimal(s),
                            SettlementTerms.HoldCondition.valueOf(holdUntil))),
                    new SettlementTerms.Clawback(clawbackWindowDays, SettlementTerms.ClawbackMode.valueOf(clawbackMode),
                            clawbackReducesAttainment));
        }
    }

    public record DealSettlementDocument(@JsonProperty("dealId") String dealId, @JsonProperty("componentId") String componentId,
                                         @JsonProperty("forPeriod") String forPeriod, @JsonProperty("payPeriod") String payPeriod,
                                         @JsonProperty("amountMinor") long amountMinor, @JsonProperty("rate") String rate,
                                         @JsonProperty("creditedOn") String creditedOn) {
    }

    public record HoldDocument(@JsonProperty("holdId") String holdId, @JsonProperty("dealId") String dealId,
                               @JsonProperty("componentId") String componentId, @JsonProperty("amountMinor") long amountMinor,
                               @JsonProperty("creditedOn") String creditedOn, @JsonProperty("until") String until,
                               @JsonProperty("heldIn") String heldIn, @JsonProperty("releasedIn") String releasedIn) {
    }

    public record ClawbackDocument(@JsonProperty("sourceId") String sourceId, @JsonProperty("dealId") String dealId,
                                   @JsonProperty("componentId") String componentId,
                                   @JsonProperty("amountMinor") long amountMinor, @JsonProperty("payPeriod") String payPeriod) {
    }

    public record AdjustmentDocument(@JsonProperty("adjustmentId") String adjustmentId,
                                     @JsonProperty("payPeriod") String payPeriod,
                                     @JsonProperty("componentId") String componentId,
                                     @JsonProperty("amountMinor") long amountMinor,
                                     @JsonProperty("approval") ApprovalDocument approval) {
    }

    public record DisputeDocument(@JsonProperty("disputeId") String disputeId, @JsonProperty("payPeriod") String payPeriod,
                                  @JsonProperty("lineNumber") int lineNumber, @JsonProperty("text") String text,
                                  @JsonProperty("raisedBy") String raisedBy, @JsonProperty("raisedAt") String raisedAt,
                                  @JsonProperty("resolution") String resolution, @JsonProperty("resolvedBy") String resolvedBy,
                                  @JsonProperty("resolvedAt") String resolvedAt) {
        static DisputeDocument of(LedgerEntries.Dispute d) {
            return new DisputeDocument(d.disputeId(), d.payPeriod(), d.lineNumber(), d.text(), d.raisedBy().value(),
                    d.raisedAt().toString(), d.resolution().orElse(null), d.resolvedBy().map(ActorId::value).orElse(null),
                    d.resolvedAt().map(Instant::toString).orElse(null));
        }

        LedgerEntries.Dispute toDispute() {
            return new LedgerEntries.Dispute(disputeId, payPeriod, lineNumber, text, ActorId.of(raisedBy), Instant.parse(raisedAt),
                    Optional.ofNullable(resolution), Optional.ofNullable(resolvedBy).map(ActorId::of),
                    Optional.ofNullable(resolvedAt).map(Instant::parse));
        }
    }

    public record LedgerDocument(@JsonProperty("participantId") String participantId, @JsonProperty("planId") String planId,
                                 @JsonProperty("planYear") PeriodDocument planYear, @JsonProperty("currency") String currency,
                                 @JsonProperty("terms") TermsDocument terms, @JsonProperty("planVersion") int planVersion,
                                 @JsonProperty("drawBalanceMinor") long drawBalanceMinor,
                                 @JsonProperty("forgivenMinor") long forgivenMinor,
                                 @JsonProperty("yearClosed") boolean yearClosed,
                                 @JsonProperty("statements") List<StatementDocument> statements,
                                 @JsonProperty("dealSettlements") List<DealSettlementDocument> dealSettlements,
                                 @JsonProperty("holds") List<HoldDocument> holds,
                                 @JsonProperty("clawbacks") List<ClawbackDocument> clawbacks,
                                 @JsonProperty("pendingAdjustments") List<AdjustmentDocument> pendingAdjustments,
                                 @JsonProperty("disputes") List<DisputeDocument> disputes,
                                 @JsonProperty("processedSources") List<String> processedSources,
                                 @JsonProperty("sequence") long sequence) {
    }

    public PayeeLedgerCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, LedgerDocument.class, List.of());
    }

    @Override
    public String recordId(PayeeLedger ledger) {
        return ledger.recordId();
    }

    @Override
    protected LedgerDocument toDocument(PayeeLedger l) {
        return new LedgerDocument(l.participantId(), l.planId(), PeriodDocument.of(l.planYear()), l.currency().getCurrencyCode(),
                TermsDocument.of(l.terms()), l.planVersion(), l.drawBalanceMinor(), l.forgivenMinor(), l.yearClosed(),
                l.statements().stream().map(StatementDocument::of).toList(),
                l.dealSettlements().stream().map(d -> new DealSettlementDocument(d.dealId(), d.componentId(), d.forPeriod(),
                        d.payPeriod(), d.amountMinor(), d.rate().map(BigDecimal::toPlainString).orElse(null),
                        d.creditedOn().toString())).toList(),
                l.holds().stream().map(h -> new HoldDocument(h.holdId(), h.dealId(), h.componentId(), h.amountMinor(),
                        h.creditedOn().toString(), h.until().name(), h.heldIn(), h.releasedIn().orElse(null))).toList(),
                l.clawbacks().stream().map(c -> new ClawbackDocument(c.sourceId(), c.dealId(), c.componentId(), c.amountMinor(),
                        c.payPeriod())).toList(),
                l.pendingAdjustments().stream().map(p -> new AdjustmentDocument(p.adjustmentId(), p.approval().proposal().payPeriod(),
                        p.approval().proposal().componentId(), p.approval().proposal().amountMinor(),
                        ApprovalDocument.of(p.approval()))).toList(),
                l.disputes().stream().map(DisputeDocument::of).toList(), List.copyOf(l.processedSources()), l.sequence());
    }

    @Override
    protected PayeeLedger fromDocument(LedgerDocument d) {
        return new PayeeLedger(d.participantId(), d.planId(), d.planYear().toPeriod(), Currency.getInstance(d.currency()),
                d.terms().toTerms(), d.planVersion(), d.drawBalanceMinor(), d.forgivenMinor(), d.yearClosed(),
                d.statements().stream().map(StatementDocument::toStatement).toList(),
                d.dealSettlements().stream().map(s -> new LedgerEntries.DealSettlement(s.dealId(), s.componentId(), s.forPeriod(),
                        s.payPeriod(), s.amountMinor(), Optional.ofNullable(s.rate()).map(BigDecimal::new),
                        LocalDate.parse(s.creditedOn()))).toList(),
                d.holds().stream().map(h -> new LedgerEntries.HeldAmount(h.holdId(), h.dealId(), h.componentId(), h.amountMinor(),
                        LocalDate.parse(h.creditedOn()), SettlementTerms.HoldCondition.valueOf(h.until()), h.heldIn(),
                        Optional.ofNullable(h.releasedIn()))).toList(),
                d.clawbacks().stream().map(c -> new LedgerEntries.DealClawback(c.sourceId(), c.dealId(), c.componentId(),
                        c.amountMinor(), c.payPeriod())).toList(),
                d.pendingAdjustments().stream().map(a -> new LedgerEntries.PendingAdjustment(a.adjustmentId(),
                        new PendingApproval<>(new LedgerEntries.ManualAdjustment(a.payPeriod(), a.componentId(), a.amountMinor()),
                                ActorId.of(a.approval().proposedBy()), Instant.parse(a.approval().proposedAt()),
                                a.approval().reason()))).toList(),
                d.disputes().stream().map(DisputeDocument::toDispute).toList(), Set.copyOf(d.processedSources()), d.sequence());
    }

    /** A statement as exported to hosts: the ledger it belongs to, its status, lines and totals per component. */
    public record StatementExportDocument(@JsonProperty("participantId") String participantId,
                                          @JsonProperty("planId") String planId,
                                          @JsonProperty("planYear") String planYear,
                                          @JsonProperty("currency") String currency,
                                          @JsonProperty("period") String period,
                                          @JsonProperty("start") String start,
                                          @JsonProperty("endExclusive") String endExclusive,
                                          @JsonProperty("status") String status,
                                          @JsonProperty("finalisedBy") String finalisedBy,
                                          @JsonProperty("finalisedAt") String finalisedAt,
                                          @JsonProperty("lines") List<ExportLine> lines,
                                          @JsonProperty("totalsByComponent") java.util.Map<String, String> totalsByComponent,
                                          @JsonProperty("total") String total,
                                          @JsonProperty("drawBalance") String drawBalance) {
    }

    /** One exported line: amounts as exact decimal strings in major units. */
    public record ExportLine(@JsonProperty("number") int number, @JsonProperty("kind") String kind,
                             @JsonProperty("componentId") String componentId, @JsonProperty("planVersion") int planVersion,
                             @JsonProperty("forPeriod") String forPeriod, @JsonProperty("dealId") String dealId,
                             @JsonProperty("amount") String amount,
                             @JsonProperty("explanation") ExplanationDocument explanation) {
    }

    /** The statement as pretty-printed JSON (amounts as decimal strings at the currency's minor-unit scale). */
    public static String export(SafeJson json, PayeeLedger ledger, Statement statement) {
        int digits = ledger.currency().getDefaultFractionDigits();
        java.util.function.LongFunction<String> money = minor -> BigDecimal.valueOf(minor, digits).toPlainString();
        java.util.Map<String, String> totals = new java.util.LinkedHashMap<>();
        statement.totalsByComponent().forEach((component, total) -> totals.put(component, money.apply(total)));
        StatementExportDocument document = new StatementExportDocument(ledger.participantId(), ledger.planId(),
                ledger.planYear().label(), ledger.currency().getCurrencyCode(), statement.period().label(),
                statement.period().start().toString(), statement.period().endExclusive().toString(), statement.status().name(),
                statement.finalisedBy().map(ActorId::value).orElse(null), statement.finalisedAt().map(Instant::toString).orElse(null),
                statement.lines().stream().map(l -> new ExportLine(l.number(), l.kind().name(), l.componentId(), l.planVersion(),
                        l.forPeriod(), l.dealId(), money.apply(l.amountMinor()), ExplanationDocument.of(l.explanation()))).toList(),
                totals, money.apply(statement.totalMinor()), money.apply(ledger.drawBalanceMinor()));
        try {
            return json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the statement export", e);
        }
    }

    /** Registers the payloads of the payee-ledger events. */
    public static EventCodec registerEvents(EventCodec events) {
        record Opened(@JsonProperty("participantId") String participantId, @JsonProperty("planId") String planId,
                      @JsonProperty("planYear") String planYear, @JsonProperty("currency") String currency,
                      @JsonProperty("terms") TermsDocument terms, @JsonProperty("openingDrawBalanceMinor") long opening,
                      @JsonProperty("reason") String reason) {
        }
        record Lines(@JsonProperty("participantId") String participantId, @JsonProperty("planYear") String planYear,
                     @JsonProperty("forPeriod") String forPeriod, @JsonProperty("payPeriod") String payPeriod,
                     @JsonProperty("subject") String subject, @JsonProperty("amountMinor") Long amountMinor,
                     @JsonProperty("flag") Boolean flag, @JsonProperty("lines") List<LineDocument> lines,
                     @JsonProperty("reason") String reason) {
        }
        record Step(@JsonProperty("participantId") String participantId, @JsonProperty("planYear") String planYear,
                    @JsonProperty("subject") String subject, @JsonProperty("amountMinor") Long amountMinor,
                    @JsonProperty("proposedBy") String proposedBy, @JsonProperty("text") String text) {
        }
        return events
                .register(SettlementEvents.LedgerOpened.class, "payee-ledger.opened", e -> new Opened(e.participantId(),
                        e.planId(), e.planYear(), e.currency(), TermsDocument.of(e.terms()), e.openingDrawBalanceMinor(), e.reason()))
                .register(SettlementEvents.EarningsSettled.class, "payee-ledger.earnings-settled", e -> new Lines(
                        e.participantId(), e.planYear(), e.forPeriod(), e.payPeriod(), "plan version " + e.planVersion(), null,
                        null, LineDocument.of(e.lines()), e.reason()))
                .register(SettlementEvents.HoldsReleased.class, "payee-ledger.holds-released", e -> new Lines(
                        e.participantId(), e.planYear(), null, e.payPeriod(), String.join(",", e.holdIds()), null, null,
                        LineDocument.of(e.lines()), e.reason()))
                .register(SettlementEvents.DealClawedBack.class, "payee-ledger.deal-clawed-back", e -> new Lines(
                        e.participantId(), e.planYear(), e.sourceId(), e.payPeriod(), e.dealId(), e.clawedBackMinor(),
                        e.reducesAttainment(), LineDocument.of(e.lines()), e.reason()))
                .register(SettlementEvents.FinalisationProposed.class, "payee-ledger.finalisation-proposed", e -> new Step(
                        e.participantId(), e.planYear(), e.payPeriod(), e.totalBeforeDrawMinor(), null, e.reason()))
                .register(SettlementEvents.StatementFinalised.class, "payee-ledger.statement-finalised", e -> new Lines(
                        e.participantId(), e.planYear(), "proposed by " + e.proposedBy().value(), e.payPeriod(),
                        "draw balance " + e.drawBalanceMinor(), e.totalMinor(), null, LineDocument.of(e.drawLines()), null))
                .register(SettlementEvents.FinalisationRejected.class, "payee-ledger.finalisation-rejected", e -> new Step(
                        e.participantId(), e.planYear(), e.payPeriod(), null, null, e.reason()))
                .register(SettlementEvents.AdjustmentProposed.class, "payee-ledger.adjustment-proposed", e -> new Step(
                        e.participantId(), e.planYear(), e.adjustmentId() + " " + e.adjustment().payPeriod() + " "
                        + e.adjustment().componentId(), e.adjustment().amountMinor(), null, e.reason()))
                .register(SettlementEvents.AdjustmentApproved.class, "payee-ledger.adjustment-approved", e -> new Lines(
                        e.participantId(), e.planYear(), null, e.line().forPeriod(), e.adjustmentId(), e.line().amountMinor(),
                        null, List.of(LineDocument.of(e.line())), "proposed by " + e.proposedBy().value()))
                .register(SettlementEvents.AdjustmentRejected.class, "payee-ledger.adjustment-rejected", e -> new Step(
                        e.participantId(), e.planYear(), e.adjustmentId(), null, null, e.reason()))
                .register(SettlementEvents.DisputeRaised.class, "payee-ledger.dispute-raised", e -> new Step(
                        e.participantId(), e.planYear(), e.dispute().disputeId() + " " + e.dispute().payPeriod() + " line "
                        + e.dispute().lineNumber(), null, null, e.dispute().text()))
                .register(SettlementEvents.DisputeResolved.class, "payee-ledger.dispute-resolved", e -> new Step(
                        e.participantId(), e.planYear(), e.disputeId(), null, null, e.resolution()))
                .register(SettlementEvents.PlanYearClosed.class, "payee-ledger.plan-year-closed", e -> new Step(
                        e.participantId(), e.planYear(), "forgiven " + e.forgivenMinor() + ", carried forward "
                        + e.carriedForwardMinor(), e.drawBalanceBeforeMinor(), null, e.reason()));
    }
}
