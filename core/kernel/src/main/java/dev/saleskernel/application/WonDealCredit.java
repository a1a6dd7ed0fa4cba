package dev.saleskernel.application;

import dev.saleskernel.customer.Account;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Optional;

/**
 * The credit check of a won deal: the win and the account's credit exposure (document id
 * {@code deal:<opportunity id>}, the deal's amount) are decided together and committed in ONE
 * commit, so a win the account's credit policy refuses changes nothing, and an accepted win is
 * never stored without its exposure.
 *
 * <p>Applies when the deal's account is kept in the kernel ({@link AccountService}); a deal whose
 * account is not stored here is won without a credit check. The amount must be in the account's
 * currency (no conversion here; otherwise {@code customer/CURRENCY_MISMATCH}). Under
 * REQUIRE_APPROVAL, record the approved exposure first with
 * {@link AccountService#recordOrder} (same document id and amount, {@code approvedBy}); the win
 * then finds it recorded and passes.
 */
final class WonDealCredit {
    /** The win decision of the opportunity service. */
    @FunctionalInterface
    interface WinStep {
        Either<Rejected, Change<Opportunity>> decide(Opportunity opportunity, PipelineDefinition pipeline, Instant at);
    }

    private final MultiRecordRunner runner;
    private final Repository<Opportunity> opportunities;
    private final Repository<Account> accounts;
    private final PipelineService pipelines;

    WonDealCredit(MultiRecordRunner runner, Repository<Opportunity> opportunities, Repository<Account> accounts,
                  PipelineService pipelines) {
        this.runner = runner;
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.pipelines = pipelines;
    }

    /** The document id a won deal's exposure is recorded under. */
    static String documentOf(String opportunityId) {
        return "deal:" + opportunityId;
    }

    Either<Rejected, Executed<Opportunity>> win(CommandContext context, String action, String id, WinStep step) {
        if (!Ids.isValid(id)) {
            return Either.left(AccountService.badId(opportunities.recordType(), id));
        }
        return runner.runOn(context, action, opportunities, id,
                (session, at) -> {
                    Optional<Opportunity> found = session.load(opportunities, id);
                    if (found.isEmpty()) {
                        return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "opportunity:" + id, "",
                                "no such opportunity in this tenant")));
                    }
                    Opportunity o = found.get();
                    Optional<PipelineDefinition> pipeline = pipelines.find(context.tenant(), o.pipelineId(), o.pipelineVersion());
                    if (pipeline.isEmpty()) {
                        return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "pipeline:" + o.pipelineId(),
                                "pipelineId", "no such pipeline version " + o.pipelineVersion() + " in this tenant")));
                    }
                    Either<Rejected, Change<Opportunity>> won = step.decide(o, pipeline.get(), at);
                    if (won.isLeft()) {
                        return Either.left(won.getLeft());
                    }
                    Opportunity after = won.get().state();
                    Optional<Account> account = Ids.isValid(after.accountId())
                            ? session.load(accounts, after.accountId()) : Optional.empty();
                    Either<Rejected, Change<Account>> credit = account.isEmpty() ? Either.right(null)
                            : account.get().recordOrder(documentOf(id), after.amount(), Optional.empty(), context.actor(), at);
                    if (credit.isLeft()) {
                        return Either.left(credit.getLeft());
                    }
                    session.stage(opportunities, id, won.get());
                    if (account.isPresent()) {
                        session.stage(accounts, after.accountId(), credit.get());
                    }
                    return Either.right(null);
                });
    }
}
