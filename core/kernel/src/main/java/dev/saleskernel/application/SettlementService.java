package dev.saleskernel.application;

import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.settlement.LedgerEntries.Cancellation;
import dev.saleskernel.compensation.settlement.PayeeLedger;
import dev.saleskernel.compensation.settlement.SettlementTerms;
import dev.saleskernel.compensation.settlement.Statement;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.PayeeLedgerCodec;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Use cases of payee ledgers (one stored document per participant, plan and plan year, under
 * {@link PayeeLedger#recordId(String, String, Period)}). Every command is authorised, idempotent by
 * its command id, and either commits the ledger and its events (the audit trail) together or
 * changes nothing. Action names for the {@link Authorization} port are {@code payee-ledger.<command>};
 * segregation of duties (the proposer of a finalisation or adjustment never approves it) is enforced
 * by the ledger on top of whatever the port answers.
 */
public final class SettlementService {
    public static final String OPEN = "payee-ledger.open";
    public static final String SETTLE = "payee-ledger.settle";
    public static final String CLAW_BACK = "payee-ledger.claw-back";
    public static final String RELEASE_HOLDS = "payee-ledger.release-holds";
    public static final String PROPOSE_FINALISATION = "payee-ledger.propose-finalisation";
    public static final String APPROVE_FINALISATION = "payee-ledger.approve-finalisation";
    public static final String REJECT_FINALISATION = "payee-ledger.reject-finalisation";
    public static final String PROPOSE_ADJUSTMENT = "payee-ledger.propose-adjustment";
    public static final String APPROVE_ADJUSTMENT = "payee-ledger.approve-adjustment";
    public static final String REJECT_ADJUSTMENT = "payee-ledger.reject-adjustment";
    public static final String DISPUTE = "payee-ledger.dispute";
    public static final String CLOSE_YEAR = "payee-ledger.close-year";

    private final CommandRunner runner;
    private final Repository<PayeeLedger> ledgers;
    private final SafeJson json;

    SettlementService(CommandRunner runner, Repository<PayeeLedger> ledgers, SafeJson json) {
        this.runner = runner;
        this.ledgers = ledgers;
        this.json = json;
    }

    /** Opens a participant's ledger for a plan year; refused if it exists or a term is out of range. */
    public Either<Rejected, Executed<PayeeLedger>> open(CommandContext context, String participantId, String planId,
                                                        Period planYear, Currency currency, SettlementTerms terms,
                                                        long openingDrawBalanceMinor, String reason) {
        String id = PayeeLedger.recordId(participantId, planId, planYear);
        return runner.run(context, OPEN, ledgers, id, (current, at) -> current.isPresent()
                ? Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "payee-ledger:" + id, "",
                "the ledger exists already")))
                : PayeeLedger.open(participantId, planId, planYear, currency, terms, openingDrawBalanceMinor, reason,
                context.actor(), at));
    }

    /** Settles a period's earnings into the pay period's statement ({@link PayeeLedger#settle}). */
    public Either<Rejected, Executed<PayeeLedger>> settle(CommandContext context, String ledgerId, PeriodEarnings earnings,
                                                          Period payPeriod, String reason) {
        return on(context, SETTLE, ledgerId, (l, at) -> l.settle(earnings, payPeriod, reason, context.actor(), at));
    }

    /** Claws back a cancelled or refunded deal ({@link PayeeLedger#clawBack}); idempotent by the cancellation's source id. */
    public Either<Rejected, Executed<PayeeLedger>> clawBack(CommandContext context, String ledgerId,
                                                            Cancellation cancellation, Period payPeriod, String reason) {
        return on(context, CLAW_BACK, ledgerId, (l, at) -> l.clawBack(cancellation, payPeriod, reason, context.actor(), at));
    }

    /** Releases a deal's holds when its payment arrives; idempotent by the payment's source id. */
    public Either<Rejected, Executed<PayeeLedger>> releaseOnPayment(CommandContext context, String ledgerId, String dealId,
                                                                    String paymentSourceId, Period payPeriod, String reason) {
        return on(context, RELEASE_HOLDS, ledgerId, (l, at) -> l.releaseOnPayment(dealId, paymentSourceId, payPeriod, reason,
                context.actor(), at));
    }

    /** Releases the holds whose clawback window ended on or before {@code asOf}. */
    public Either<Rejected, Executed<PayeeLedger>> releaseMatured(CommandContext context, String ledgerId, LocalDate asOf,
                                                                  Period payPeriod, String reason) {
        return on(context, RELEASE_HOLDS, ledgerId, (l, at) -> l.releaseMatured(asOf, payPeriod, reason, context.actor(), at));
    }

    public Either<Rejected, Executed<PayeeLedger>> proposeFinalisation(CommandContext context, String ledgerId,
                                                                       Period payPeriod, String reason) {
        return on(context, PROPOSE_FINALISATION, ledgerId, (l, at) -> l.proposeFinalisation(payPeriod, reason, context.actor(), at));
    }

    /** Approves a finalisation (draw lines added, statement immutable); refused for its proposer. */
    public Either<Rejected, Executed<PayeeLedger>> approveFinalisation(CommandContext context, String ledgerId,
                                                                       Period payPeriod) {
        return on(context, APPROVE_FINALISATION, ledgerId, (l, at) -> l.approveFinalisation(payPeriod, context.actor(), at));
    }

    public Either<Rejected, Executed<PayeeLedger>> rejectFinalisation(CommandContext context, String ledgerId,
                                                                      Period payPeriod, String reason) {
        return on(context, REJECT_FINALISATION, ledgerId, (l, at) -> l.rejectFinalisation(payPeriod, reason, context.actor(), at));
    }

    public Either<Rejected, Executed<PayeeLedger>> proposeAdjustment(CommandContext context, String ledgerId, Period payPeriod,
                                                                     String componentId, long amountMinor, String reason) {
        return on(context, PROPOSE_ADJUSTMENT, ledgerId, (l, at) -> l.proposeAdjustment(payPeriod, componentId, amountMinor,
                reason, context.actor(), at));
    }

    /** Approves a manual adjustment; refused for its proposer. */
    public Either<Rejected, Executed<PayeeLedger>> approveAdjustment(CommandContext context, String ledgerId,
                                                                     String adjustmentId, Period payPeriod) {
        return on(context, APPROVE_ADJUSTMENT, ledgerId, (l, at) -> l.approveAdjustment(adjustmentId, payPeriod, context.actor(), at));
    }

    public Either<Rejected, Executed<PayeeLedger>> rejectAdjustment(CommandContext context, String ledgerId,
                                                                    String adjustmentId, String reason) {
        return on(context, REJECT_ADJUSTMENT, ledgerId, (l, at) -> l.rejectAdjustment(adjustmentId, reason, context.actor(), at));
    }

    public Either<Rejected, Executed<PayeeLedger>> raiseDispute(CommandContext context, String ledgerId, Period payPeriod,
                                                                int lineNumber, String text) {
        return on(context, DISPUTE, ledgerId, (l, at) -> l.raiseDispute(payPeriod, lineNumber, text, context.actor(), at));
    }

    public Either<Rejected, Executed<PayeeLedger>> resolveDispute(CommandContext context, String ledgerId, String disputeId,
                                                                  String resolution) {
        return on(context, DISPUTE, ledgerId, (l, at) -> l.resolveDispute(disputeId, resolution, context.actor(), at));
    }

    /** Closes the plan year (draw balance forgiven or carried forward as the terms say). */
    public Either<Rejected, Executed<PayeeLedger>> closeYear(CommandContext context, String ledgerId, String reason) {
        return on(context, CLOSE_YEAR, ledgerId, (l, at) -> l.closeYear(reason, context.actor(), at));
    }

    public Optional<PayeeLedger> find(TenantId tenant, String ledgerId) {
        return ledgers.load(tenant, ledgerId).map(Loaded::state);
    }

    /**
     * The statement of a pay period as JSON for the host (payroll, rep portals): ledger, period,
     * status, every line with its explanation, totals per component, the total and the draw
     * balance; amounts as exact decimal strings in major units.
     */
    public Either<Rejected, String> exportStatement(PayeeLedger ledger, Period payPeriod) {
        Optional<Statement> statement = ledger.statement(payPeriod);
        if (statement.isEmpty()) {
            return Either.left(Rejected.of(Rejection.of(dev.saleskernel.compensation.settlement.SettlementRejection.STATEMENT_NOT_FOUND,
                    "payee-ledger:" + ledger.recordId(), "payPeriod", "no statement for " + payPeriod.label())));
        }
        return Either.right(PayeeLedgerCodec.export(json, ledger, statement.get()));
    }

    private Either<Rejected, Executed<PayeeLedger>> on(CommandContext context, String action, String ledgerId,
                                                       BiFunction<PayeeLedger, Instant, Either<Rejected, Change<PayeeLedger>>> command) {
        return runner.run(context, action, ledgers, ledgerId, (current, at) -> current
                .map(ledger -> command.apply(ledger, at))
                .orElseGet(() -> Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "payee-ledger:" + ledgerId, "",
                        "no payee ledger " + ledgerId + " in this tenant")))));
    }
}
