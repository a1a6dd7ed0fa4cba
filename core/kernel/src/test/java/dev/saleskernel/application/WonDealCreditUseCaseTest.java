package dev.saleskernel.application;

import static dev.saleskernel.funnel.FunnelFixtures.CNY;
import static dev.saleskernel.funnel.FunnelFixtures.REP;
import static dev.saleskernel.funnel.FunnelFixtures.cny;
import static dev.saleskernel.funnel.FunnelFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.customer.AccountValues.AccountDraft;
import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.funnel.ActivityRef;
import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.funnel.MoveInput;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A won deal is credit-checked against its account and committed with its exposure, or not at all. */
class WonDealCreditUseCaseTest {
    static final Instant NOW = Instant.parse("2026-04-06T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    static final LocalDate TODAY = LocalDate.parse("2026-04-06");
    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(Authorization.allowEverything()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    int commands;

    CommandContext as(String actor) {
        return CommandContext.of("acme", actor, "cmd-" + (++commands));
    }

    void dealOn(String accountId, CreditPolicy policy, String limit) {
        kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()).get();
        kernel.accounts().create(as("admin"), new AccountDraft(accountId, new AccountProfile("Acme", "retail", "east",
                AccountSize.SMALL, "DIRECT", "", "", ""), "rep-1", cny(limit), policy, 30)).get();
        kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", accountId, REP, CNY,
                List.of(line("p", "2", "500.00", "0")))).get();
        toNegotiation();
    }

    void toNegotiation() {
        kernel.opportunities().reschedule(as("rep-1"), "o-1", LocalDate.parse("2026-06-30")).get();
        kernel.opportunities().linkActivity(as("rep-1"), "o-1", new ActivityRef("v-1", "visit", NOW)).get();
        kernel.opportunities().setNextStep(as("rep-1"), "o-1", "sign").get();
        kernel.opportunities().move(as("rep-1"), "o-1", "negotiation", MoveInput.NONE).get();
    }

    List<String> drain() {
        List<String> types = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), e -> types.add(e.eventType()));
        return types;
    }

    @Test
    void a_win_within_the_limit_commits_the_won_deal_and_its_exposure_together() {
        dealOn("acct-1", CreditPolicy.REFUSE, "1000.00");
        drain();

        var won = kernel.opportunities().win(as("rep-1"), "o-1", cny("1000.00"), TODAY, MoveInput.NONE).get();

        assertThat(won.state().status()).isEqualTo(StageKind.WON);
        assertThat(kernel.accounts().find(ACME, "acct-1").get().credit().openDocuments()).containsOnlyKeys("deal:o-1");
        assertThat(drain()).containsExactly("funnel.opportunity-won", "customer.credit-exposure-recorded");
    }

    @Test
    void a_win_over_the_limit_under_refuse_is_refused_and_neither_record_changes() {
        dealOn("acct-1", CreditPolicy.REFUSE, "999.99");
        drain();

        var refused = kernel.opportunities().win(as("rep-1"), "o-1", cny("1000.00"), TODAY, MoveInput.NONE);

        assertThat(refused.getLeft().codes()).containsExactly("customer/CREDIT_LIMIT_EXCEEDED");
        assertThat(kernel.opportunities().find(ACME, "o-1").get().status()).isEqualTo(StageKind.OPEN);
        assertThat(kernel.accounts().find(ACME, "acct-1").get().credit().openDocuments()).isEmpty();
        assertThat(drain()).isEmpty();
    }

    @Test
    void under_require_approval_an_exposure_approved_beforehand_lets_the_win_through() {
        dealOn("acct-1", CreditPolicy.REQUIRE_APPROVAL, "500.00");
        assertThat(kernel.opportunities().win(as("rep-1"), "o-1", cny("1000.00"), TODAY, MoveInput.NONE).getLeft().codes())
                .containsExactly("customer/CREDIT_APPROVAL_REQUIRED");
        kernel.accounts().recordOrder(as("rep-1"), "acct-1", "deal:o-1", cny("1000.00"), Optional.of(ActorId.of("cfo"))).get();

        assertThat(kernel.opportunities().win(as("rep-1"), "o-1", cny("1000.00"), TODAY, MoveInput.NONE).isRight()).isTrue();
    }

    @Test
    void the_same_win_command_twice_is_a_replay_that_changes_nothing() {
        dealOn("acct-1", CreditPolicy.WARN, "10.00");
        CommandContext win = as("rep-1");
        kernel.opportunities().win(win, "o-1", cny("1000.00"), TODAY, MoveInput.NONE).get();
        drain();

        var again = kernel.opportunities().win(win, "o-1", cny("1000.00"), TODAY, MoveInput.NONE).get();

        assertThat(again.replayed()).isTrue();
        assertThat(drain()).isEmpty();
    }

    @Test
    void a_deal_whose_account_is_not_kept_here_is_won_without_a_credit_check() {
        kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()).get();
        kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", "elsewhere", REP, CNY,
                List.of(line("p", "2", "500.00", "0")))).get();
        toNegotiation();

        assertThat(kernel.opportunities().win(as("rep-1"), "o-1", cny("1000.00"), TODAY, MoveInput.NONE).isRight()).isTrue();
    }
}
