package dev.saleskernel.funnel;

import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Test data for the funnel: the seeds pipeline, a rep, an opportunity builder. */
public final class FunnelFixtures {
    public static final TenantId ACME = TenantId.of("acme");
    public static final ActorId REP = ActorId.of("rep-1");
    public static final ActorId MANAGER = ActorId.of("manager-1");
    public static final Currency CNY = Currency.getInstance("CNY");
    public static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");
    public static final PipelineDefinition SEEDS = DefaultPipelines.seeds();

    private FunnelFixtures() {
    }

    public static Money cny(String amount) {
        return Money.of(amount, CNY);
    }

    public static LineItem line(String product, String quantity, String price, String discount) {
        return new LineItem(product, new BigDecimal(quantity), cny(price), new BigDecimal(discount));
    }

    public static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }

    public static Opportunity accepted(Either<Rejected, Change<Opportunity>> result) {
        if (result.isLeft()) {
            throw new AssertionError("refused: " + result.getLeft());
        }
        return result.get().state();
    }

    /** A fresh opportunity in lead identification with one line of 10 × 1,000.00 CNY. */
    public static Opportunity anOpportunity() {
        return accepted(Opportunity.create(ACME, new OpportunityDraft("o-1", "acct-1", REP, List.of(), CNY,
                List.of(line("p-1", "10", "1000.00", "0")), Optional.empty(), "", "", "", ""), SEEDS, false, REP, T0));
    }

    /** An opportunity that meets every entry criterion of the seeds pipeline up to negotiation. */
    public static Opportunity aQualifiedOpportunity() {
        Opportunity o = anOpportunity();
        o = accepted(o.reschedule(LocalDate.parse("2026-06-30"), REP, day(1)));
        o = accepted(o.linkActivity(new ActivityRef("a-1", "visit", day(1)), REP, day(1)));
        return accepted(o.setNextStep("send contract", REP, day(1)));
    }

    public static Opportunity inStage(Opportunity o, String stage, int atDay) {
        return accepted(o.move(SEEDS, stage, MoveInput.confirming("needs-confirmed"), StageRoles.nobody(), REP, day(atDay)));
    }
}
