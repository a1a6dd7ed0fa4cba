package dev.saleskernel.application;

import static dev.saleskernel.funnel.FunnelFixtures.CNY;
import static dev.saleskernel.funnel.FunnelFixtures.REP;
import static dev.saleskernel.funnel.FunnelFixtures.cny;
import static dev.saleskernel.funnel.FunnelFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.ActivityRef;
import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.funnel.FunnelRejection;
import dev.saleskernel.funnel.MoveInput;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.funnel.StageKind;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpportunityUseCaseTest {
    static final Instant NOW = Instant.parse("2026-04-06T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final AtomicInteger approvalsAsked = new AtomicInteger();
    final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(Authorization.allowEverything()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .discountApprovals((tenant, actor, id, max, threshold) -> {
                approvalsAsked.incrementAndGet();
                return actor.value().equals("manager-1") ? DiscountApprovals.Decision.APPROVED
                        : DiscountApprovals.Decision.NEEDS_APPROVAL;
            }).build();
    int commands;

    CommandContext as(String actor) {
        return CommandContext.of("acme", actor, "cmd-" + (++commands));
    }

    <T> T ok(Either<Rejected, Executed<T>> result) {
        assertThat(result.isRight()).as("%s", result).isTrue();
        return result.get().state();
    }

    List<String> drain() {
        List<String> types = new ArrayList<>();
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), e -> types.add(e.eventType()));
        return types;
    }

    @Test
    void a_deal_moves_through_the_stored_seeds_pipeline_and_every_event_reaches_the_outbox() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        ok(kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", "acct-1", REP, CNY,
                List.of(line("p", "2", "500.00", "0")))));
        ok(kernel.opportunities().reschedule(as("rep-1"), "o-1", LocalDate.parse("2026-06-30")));
        ok(kernel.opportunities().linkActivity(as("rep-1"), "o-1", new ActivityRef("v-1", "visit", NOW)));
        ok(kernel.opportunities().setNextStep(as("rep-1"), "o-1", "sign"));
        ok(kernel.opportunities().move(as("rep-1"), "o-1", "negotiation", MoveInput.NONE));
        Opportunity won = ok(kernel.opportunities().win(as("rep-1"), "o-1", cny("1000.00"), LocalDate.parse("2026-04-06"),
                MoveInput.NONE));

        assertThat(won.status()).isEqualTo(StageKind.WON);
        assertThat(kernel.opportunities().find(ACME, "o-1")).contains(won);
        assertThat(drain()).containsExactly("funnel.pipeline-defined", "funnel.opportunity-created", "funnel.stage-entered",
                "funnel.close-date-changed", "funnel.activity-linked", "funnel.next-step-set", "funnel.stage-advanced",
                "funnel.opportunity-won");
    }

    @Test
    void a_refused_move_through_the_service_stores_nothing_and_sends_no_event() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        ok(kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", "a", REP, CNY, List.of())));
        drain();

        Either<Rejected, Executed<Opportunity>> refused = kernel.opportunities().move(as("rep-1"), "o-1", "proposal",
                MoveInput.NONE);

        assertThat(refused.getLeft().codes()).containsExactlyInAnyOrder("funnel/FIELD_REQUIRED",
                "funnel/CHECKLIST_UNCONFIRMED");
        assertThat(kernel.opportunities().find(ACME, "o-1").orElseThrow().stageId()).isEqualTo("lead-identification");
        assertThat(drain()).isEmpty();
    }

    @Test
    void a_discount_above_threshold_is_put_to_the_approval_port() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        ok(kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", "a", REP, CNY, List.of())));

        Either<Rejected, Executed<Opportunity>> byRep = kernel.opportunities().updateLines(as("rep-1"), "o-1",
                List.of(line("p", "1", "100.00", "0.30")));
        Opportunity byManager = ok(kernel.opportunities().updateLines(as("manager-1"), "o-1",
                List.of(line("p", "1", "100.00", "0.30"))));
        ok(kernel.opportunities().updateLines(as("rep-1"), "o-1", List.of(line("p", "1", "100.00", "0.20"))));

        assertThat(byRep.getLeft().has(FunnelRejection.DISCOUNT_NEEDS_APPROVAL)).isTrue();
        assertThat(byManager.amount()).isEqualTo(cny("70.00"));
        assertThat(approvalsAsked.get()).isEqualTo(2);
    }

    @Test
    void pipeline_versions_are_stored_in_sequence_and_opportunities_keep_theirs_until_migrated() {
        PipelineDefinition v1 = DefaultPipelines.seeds();
        PipelineDefinition v2 = new PipelineDefinition("seeds", 2, "v2", "", "", v1.stages(), v1.moves(), v1.rules(),
                v1.reopen(), v1.discountThreshold());
        ok(kernel.pipelines().define(as("admin"), v1));
        ok(kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", "a", REP, CNY, List.of())));

        assertThat(kernel.pipelines().define(as("admin"), v1).getLeft().has(SharedRejection.ALREADY_EXISTS)).isTrue();
        ok(kernel.pipelines().define(as("admin"), v2));
        assertThat(kernel.pipelines().latest(ACME, "seeds")).contains(v2);
        assertThat(kernel.opportunities().find(ACME, "o-1").orElseThrow().pipelineVersion()).isEqualTo(1);
        ok(kernel.opportunities().move(as("rep-1"), "o-1", "initial-contact", MoveInput.NONE));
        assertThat(ok(kernel.opportunities().migrateToLatest(as("rep-1"), "o-1")).pipelineVersion()).isEqualTo(2);
    }

    @Test
    void an_invalid_pipeline_is_not_stored_and_unknown_subjects_are_not_found() {
        PipelineDefinition v1 = DefaultPipelines.seeds();
        PipelineDefinition broken = new PipelineDefinition("seeds", 1, "x", "", "", v1.stages().subList(0, 6),
                v1.moves(), v1.rules(), v1.reopen(), v1.discountThreshold());

        assertThat(kernel.pipelines().define(as("admin"), broken).getLeft().codes())
                .containsExactly("funnel/TERMINAL_STAGES", "funnel/TERMINAL_STAGES");
        assertThat(kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", "a", REP, CNY,
                List.of())).getLeft().has(SharedRejection.NOT_FOUND)).isTrue();
        assertThat(kernel.opportunities().lose(as("rep-1"), "nope", "r", "").getLeft().has(SharedRejection.NOT_FOUND)).isTrue();
    }

    @Test
    void running_the_same_command_id_twice_moves_once() {
        ok(kernel.pipelines().define(as("admin"), DefaultPipelines.seeds()));
        ok(kernel.opportunities().create(as("rep-1"), "seeds", OpportunityDraft.of("o-1", "a", REP, CNY, List.of())));
        CommandContext once = as("rep-1");

        ok(kernel.opportunities().move(once, "o-1", "initial-contact", MoveInput.NONE));
        Executed<Opportunity> again = kernel.opportunities().move(once, "o-1", "initial-contact", MoveInput.NONE).get();

        assertThat(again.replayed()).isTrue();
        assertThat(again.state().history()).hasSize(2);
    }
}
