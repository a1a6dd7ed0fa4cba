package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.FindingLedgerCodec;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.risk.FindingLedger;
import dev.saleskernel.risk.PortfolioSnapshot;
import dev.saleskernel.risk.RiskEngine;
import dev.saleskernel.risk.RiskEvaluation;
import dev.saleskernel.risk.RiskRule;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.List;

/**
 * Use cases of a tenant's risk findings: record an evaluation (or evaluate a snapshot and record
 * it) into the tenant's {@link FindingLedger}, acknowledge and resolve findings. Every raised,
 * updated, acknowledged, resolved and expired finding is an event in the outbox, committed with
 * the ledger. Evaluation itself stays a pure function ({@link RiskEngine}) for batch jobs.
 */
public final class RiskService {
    public static final String RECORD = "risk.record-evaluation";
    public static final String ACKNOWLEDGE = "risk.acknowledge-finding";
    public static final String RESOLVE = "risk.resolve-finding";

    private final CommandRunner runner;
    private final Repository<FindingLedger> ledgers;

    RiskService(CommandRunner runner, Repository<FindingLedger> ledgers) {
        this.runner = runner;
        this.ledgers = ledgers;
    }

    /** Applies an evaluation to the ledger (created on first use): raise, update, expire. */
    public Either<Rejected, Executed<FindingLedger>> record(CommandContext context, RiskEvaluation evaluation) {
        return runner.run(context, RECORD, ledgers, FindingLedgerCodec.RECORD_ID, (current, at) -> Either.right(
                current.orElse(FindingLedger.empty()).record(evaluation, context.actor(), at)));
    }

    /** Evaluates the rules over the snapshot on {@code asOf} and records the result. */
    public Either<Rejected, Executed<FindingLedger>> evaluate(CommandContext context, PortfolioSnapshot snapshot,
                                                             List<? extends RiskRule> rules, LocalDate asOf) {
        return record(context, RiskEngine.evaluate(snapshot, rules, asOf));
    }

    public Either<Rejected, Executed<FindingLedger>> acknowledge(CommandContext context, String findingId, String note) {
        return runner.run(context, ACKNOWLEDGE, ledgers, FindingLedgerCodec.RECORD_ID, (current, at) ->
                current.orElse(FindingLedger.empty()).acknowledge(findingId, note, context.actor(), at, AccountService.day(at)));
    }

    public Either<Rejected, Executed<FindingLedger>> resolve(CommandContext context, String findingId, String resolution) {
        return runner.run(context, RESOLVE, ledgers, FindingLedgerCodec.RECORD_ID, (current, at) ->
                current.orElse(FindingLedger.empty()).resolve(findingId, resolution, context.actor(), at, AccountService.day(at)));
    }

    /** The tenant's ledger; empty if nothing was ever recorded. */
    public FindingLedger ledger(TenantId tenant) {
        return ledgers.load(tenant, FindingLedgerCodec.RECORD_ID).map(Loaded::state).orElse(FindingLedger.empty());
    }
}
