package dev.saleskernel.funnel;

import static dev.saleskernel.funnel.FunnelFixtures.ACME;
import static dev.saleskernel.funnel.FunnelFixtures.CNY;
import static dev.saleskernel.funnel.FunnelFixtures.MANAGER;
import static dev.saleskernel.funnel.FunnelFixtures.REP;
import static dev.saleskernel.funnel.FunnelFixtures.SEEDS;
import static dev.saleskernel.funnel.FunnelFixtures.T0;
import static dev.saleskernel.funnel.FunnelFixtures.aQualifiedOpportunity;
import static dev.saleskernel.funnel.FunnelFixtures.accepted;
import static dev.saleskernel.funnel.FunnelFixtures.anOpportunity;
import static dev.saleskernel.funnel.FunnelFixtures.cny;
import static dev.saleskernel.funnel.FunnelFixtures.day;
import static dev.saleskernel.funnel.FunnelFixtures.inStage;
import static dev.saleskernel.funnel.FunnelFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.OpportunityEvents.CloseDateChanged;
import dev.saleskernel.funnel.OpportunityEvents.LinesUpdated;
import dev.saleskernel.funnel.OpportunityEvents.OpportunityCreated;
import dev.saleskernel.funnel.OpportunityEvents.OpportunityLost;
import dev.saleskernel.funnel.OpportunityEvents.OpportunityReopened;
import dev.saleskernel.funnel.OpportunityEvents.OpportunityWon;
import dev.saleskernel.funnel.OpportunityEvents.OwnerChanged;
import dev.saleskernel.funnel.OpportunityEvents.PipelineMigrated;
import dev.saleskernel.funnel.OpportunityEvents.ProbabilityOverridden;
import dev.saleskernel.funnel.OpportunityEvents.StageAdvanced;
import dev.saleskernel.funnel.OpportunityEvents.StageEntered;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.testing.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpportunityScenarios {
    static final StageRoles NOBODY = StageRoles.nobody();
    static final LocalDate JUNE_30 = LocalDate.parse("2026-06-30");

    static PipelineDefinition guarded() {
        return new PipelineDefinition("guarded", 1, "Guarded", "", "", SEEDS.stages(),
                new AllowedMoves(true, true, true, "manager", "manager"),
                List.of(new TransitionRule("negotiation", "won", "closer", List.of("poNumber"), List.of("notify-finance"))),
                new ReopenPolicy(true, 30, "initial-contact", "manager"), SEEDS.discountThreshold());
    }

    static Opportunity onGuarded() {
        return accepted(Opportunity.create(ACME, OpportunityDraft.of("g-1", "acct-1", REP, CNY,
                List.of(line("p", "1", "100.00", "0"))), guarded(), false, REP, T0));
    }

    @Test
    void creating_an_opportunity_enters_the_entry_stage_at_its_default_probability() {
        Opportunity o = anOpportunity();

        assertThat(o.stageId()).isEqualTo("lead-identification");
        assertThat(o.probability()).isEqualByComparingTo("10");
        assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);
        assertThat(o.amount()).isEqualTo(cny("10000.00"));
        assertThat(o.team()).containsExactly(new CreditSplit(REP, BigDecimal.valueOf(100)));
        assertThat(Opportunity.create(ACME, OpportunityDraft.of("o-1", "a", REP, CNY, List.of()), SEEDS, false, REP, T0)
                .get().events()).hasExactlyElementsOfTypes(OpportunityCreated.class, StageEntered.class);
    }

    @Test
    void the_amount_is_rounded_once_at_the_minor_unit_after_summing_exact_lines() {
        Opportunity o = accepted(Opportunity.create(ACME, OpportunityDraft.of("o-2", "a", REP, CNY, List.of(
                line("p", "1", "0.005", "0"), line("q", "1", "0.005", "0"), line("r", "3", "33.33", "0.10"))),
                SEEDS, false, REP, T0));

        assertThat(o.amount()).isEqualTo(cny("90.00"));
    }

    @Test
    void moving_to_the_next_stage_records_the_history_and_resets_the_probability() {
        Opportunity o = anOpportunity();

        StageAdvanced advanced = Scenario.given(o)
                .when(s -> s.move(SEEDS, "initial-contact", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenSingleEvent(StageAdvanced.class);

        Opportunity moved = accepted(o.move(SEEDS, "initial-contact", MoveInput.NONE, NOBODY, MANAGER, day(2)));
        assertThat(advanced.direction()).isEqualTo(PipelineDefinition.Direction.NEXT);
        assertThat(moved.history()).extracting(StageVisit::stageId).containsExactly("lead-identification", "initial-contact");
        assertThat(moved.history().get(0).leftAt()).contains(day(2));
        assertThat(moved.history().get(0).leftBy()).contains(MANAGER);
        assertThat(moved.probability()).isEqualByComparingTo("20");
    }

    @Test
    void a_refused_move_lists_every_unmet_criterion_and_changes_nothing() {
        Opportunity o = accepted(anOpportunity().updateLines(SEEDS, List.of(), false, REP, day(1)));

        Scenario.given(o).when(s -> s.move(SEEDS, "negotiation", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenRejected(FunnelRejection.FIELD_REQUIRED);
        Scenario.given(o).when(s -> s.move(SEEDS, "needs-analysis", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenRejected(FunnelRejection.FIELD_REQUIRED, FunnelRejection.ACTIVITY_REQUIRED);
        Scenario.given(o).when(s -> s.move(SEEDS, "proposal", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenRejected(FunnelRejection.FIELD_REQUIRED, FunnelRejection.CHECKLIST_UNCONFIRMED);
    }

    @Test
    void entry_criteria_met_let_the_deal_skip_ahead_and_move_back() {
        Opportunity o = aQualifiedOpportunity();

        Scenario.given(o).when(s -> s.move(SEEDS, "proposal", MoveInput.confirming("needs-confirmed"), NOBODY, REP, day(3)))
                .thenEvents(StageAdvanced.class);
        Opportunity atProposal = inStage(o, "proposal", 3);
        StageAdvanced back = Scenario.given(atProposal)
                .when(s -> s.move(SEEDS, "initial-contact", MoveInput.NONE, NOBODY, REP, day(4)))
                .thenSingleEvent(StageAdvanced.class);
        assertThat(back.direction()).isEqualTo(PipelineDefinition.Direction.BACK);
    }

    @Test
    void moves_not_allowed_by_the_pipeline_are_refused() {
        PipelineDefinition nextOnly = new PipelineDefinition("seeds", 1, "x", "", "", SEEDS.stages(),
                AllowedMoves.NEXT_ONLY, List.of(), ReopenPolicy.NEVER, SEEDS.discountThreshold());
        Opportunity o = aQualifiedOpportunity();

        Scenario.given(o).when(s -> s.move(nextOnly, "needs-analysis", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenRejected(FunnelRejection.MOVE_NOT_ALLOWED);
        Scenario.given(o).when(s -> s.move(SEEDS, "nowhere", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenRejected(FunnelRejection.MOVE_NOT_ALLOWED);
        Scenario.given(o).when(s -> s.move(SEEDS, "won", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenRejected(FunnelRejection.MOVE_NOT_ALLOWED);
        Scenario.given(o).when(s -> s.move(SEEDS, "lead-identification", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenRejected(FunnelRejection.MOVE_NOT_ALLOWED);
    }

    @Test
    void skipping_and_moving_back_need_the_role_the_pipeline_names_answered_by_the_host() {
        Opportunity o = onGuarded();
        StageRoles managers = (tenant, actor, role) -> actor.equals(MANAGER) && role.equals("manager");

        Scenario.given(o).when(s -> s.move(guarded(), "quotation", MoveInput.NONE, managers, REP, day(1)))
                .thenRejected(FunnelRejection.ROLE_REQUIRED);
        Scenario.given(o).when(s -> s.move(guarded(), "quotation", MoveInput.NONE, managers, MANAGER, day(1)))
                .thenEvents(StageAdvanced.class);
        Opportunity atQuotation = accepted(o.move(guarded(), "quotation", MoveInput.NONE, managers, MANAGER, day(1)));
        Scenario.given(atQuotation).when(s -> s.move(guarded(), "initial-contact", MoveInput.NONE, managers, REP, day(2)))
                .thenRejected(FunnelRejection.ROLE_REQUIRED);
        Scenario.given(atQuotation).when(s -> s.move(guarded(), "negotiation", MoveInput.NONE, managers, REP, day(2)))
                .thenRejected(FunnelRejection.FIELD_REQUIRED);
    }

    @Test
    void a_transition_rule_requires_its_role_and_inputs_during_the_move_and_announces_its_after_actions() {
        Opportunity o = accepted(onGuarded().setNextStep("sign", REP, day(1)));
        o = accepted(o.move(guarded(), "negotiation", MoveInput.NONE, StageRoles.everybody(), MANAGER, day(2)));
        Opportunity atNegotiation = o;

        Scenario.given(atNegotiation).when(s -> s.win(guarded(), cny("100.00"), JUNE_30, MoveInput.NONE, NOBODY, REP, day(3)))
                .thenRejected(FunnelRejection.ROLE_REQUIRED, FunnelRejection.INPUT_REQUIRED);
        OpportunityWon won = Scenario.given(atNegotiation).when(s -> s.win(guarded(), cny("100.00"), JUNE_30,
                        new MoveInput(Set.of(), Map.of("poNumber", "PO-7")), StageRoles.everybody(), REP, day(3)))
                .thenSingleEvent(OpportunityWon.class);
        assertThat(won.afterActions()).containsExactly("notify-finance");
    }

    @Test
    void winning_closes_at_the_closing_amount_and_freezes_it() {
        Opportunity negotiating = inStage(aQualifiedOpportunity(), "negotiation", 5);

        Opportunity won = accepted(negotiating.win(SEEDS, cny("9500.00"), JUNE_30, MoveInput.NONE, NOBODY, REP, day(9)));

        assertThat(won.status()).isEqualTo(StageKind.WON);
        assertThat(won.amount()).isEqualTo(cny("9500.00"));
        assertThat(won.probability()).isEqualByComparingTo("100");
        assertThat(won.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
        Scenario.given(won).when(s -> s.updateLines(SEEDS, List.of(line("p", "1", "1.00", "0")), true, REP, day(10)))
                .thenRejected(FunnelRejection.FROZEN);
        Scenario.given(won).when(s -> s.move(SEEDS, "negotiation", MoveInput.NONE, NOBODY, REP, day(10)))
                .thenRejected(FunnelRejection.CLOSED);
        Scenario.given(won).when(s -> s.lose(SEEDS, "changed mind", "", NOBODY, REP, day(10)))
                .thenRejected(FunnelRejection.CLOSED);
        Scenario.given(won).when(s -> s.reopen(SEEDS, NOBODY, REP, day(10)))
                .thenRejected(FunnelRejection.REOPEN_NOT_ALLOWED);
    }

    @Test
    void a_closing_amount_in_another_currency_or_below_the_minor_unit_is_refused() {
        Opportunity negotiating = inStage(aQualifiedOpportunity(), "negotiation", 5);

        Scenario.given(negotiating).when(s -> s.win(SEEDS, dev.saleskernel.money.Money.of("1.00",
                        java.util.Currency.getInstance("USD")), JUNE_30, MoveInput.NONE, NOBODY, REP, day(9)))
                .thenRejected(FunnelRejection.LINE_INVALID, FunnelRejection.LINE_INVALID);
        Scenario.given(negotiating).when(s -> s.win(SEEDS, cny("1.001"), JUNE_30, MoveInput.NONE, NOBODY, REP, day(9)))
                .thenRejected(FunnelRejection.LINE_INVALID);
    }

    @Test
    void losing_needs_a_reason_and_records_the_competitor() {
        Opportunity o = anOpportunity();

        Scenario.given(o).when(s -> s.lose(SEEDS, " ", "", NOBODY, REP, day(3))).thenRejected(SharedRejection.REQUIRED);
        OpportunityLost lost = Scenario.given(o).when(s -> s.lose(SEEDS, "price", "Globex", NOBODY, REP, day(3)))
                .thenSingleEvent(OpportunityLost.class);
        assertThat(lost.fromStage()).isEqualTo("lead-identification");
        Opportunity closed = accepted(o.lose(SEEDS, "price", "Globex", NOBODY, REP, day(3)));
        assertThat(closed.competitor()).isEqualTo("Globex");
        assertThat(closed.probability()).isEqualByComparingTo("0");
        Scenario.given(closed).when(s -> s.updateLines(SEEDS, List.of(), false, REP, day(4)))
                .thenRejected(FunnelRejection.CLOSED);
    }

    @Test
    void a_lost_deal_reopens_into_the_stage_it_was_lost_from_within_the_policy_window() {
        Opportunity lost = accepted(inStage(aQualifiedOpportunity(), "quotation", 4)
                .lose(SEEDS, "budget", "", NOBODY, REP, day(5)));

        Opportunity reopened = accepted(lost.reopen(SEEDS, NOBODY, REP, day(95)));
        Scenario.given(lost).when(s -> s.reopen(SEEDS, NOBODY, REP, day(95)))
                .thenEvents(OpportunityReopened.class, StageEntered.class);
        assertThat(reopened.stageId()).isEqualTo("quotation");
        assertThat(reopened.status()).isEqualTo(StageKind.OPEN);
        assertThat(reopened.lossReason()).isEmpty();
        Scenario.given(lost).when(s -> s.reopen(SEEDS, NOBODY, REP, day(96)))
                .thenRejected(FunnelRejection.REOPEN_NOT_ALLOWED);
        Scenario.given(reopened).when(s -> s.reopen(SEEDS, NOBODY, REP, day(96)))
                .thenRejected(FunnelRejection.REOPEN_NOT_ALLOWED);
    }

    @Test
    void reopening_follows_the_policy_target_stage_and_role_or_is_refused_when_not_allowed() {
        Opportunity lost = accepted(onGuarded().lose(guarded(), "no budget", "", NOBODY, REP, day(1)));

        Scenario.given(lost).when(s -> s.reopen(guarded(), NOBODY, REP, day(2)))
                .thenRejected(FunnelRejection.ROLE_REQUIRED);
        assertThat(accepted(lost.reopen(guarded(), StageRoles.everybody(), MANAGER, day(2))).stageId())
                .isEqualTo("initial-contact");
        PipelineDefinition never = new PipelineDefinition("guarded", 1, "x", "", "", SEEDS.stages(), SEEDS.moves(),
                List.of(), ReopenPolicy.NEVER, SEEDS.discountThreshold());
        Scenario.given(lost).when(s -> s.reopen(never, StageRoles.everybody(), MANAGER, day(2)))
                .thenRejected(FunnelRejection.REOPEN_NOT_ALLOWED);
    }

    @Test
    void a_discount_above_the_threshold_needs_an_approval() {
        Opportunity o = anOpportunity();
        List<LineItem> deep = List.of(line("p", "1", "100.00", "0.25"), line("q", "1", "100.00", "0.30"));

        Scenario.given(o).when(s -> s.updateLines(SEEDS, deep, false, REP, day(1)))
                .thenRejected(FunnelRejection.DISCOUNT_NEEDS_APPROVAL, FunnelRejection.DISCOUNT_NEEDS_APPROVAL);
        LinesUpdated updated = Scenario.given(o).when(s -> s.updateLines(SEEDS, deep, true, REP, day(1)))
                .thenSingleEvent(LinesUpdated.class);
        assertThat(updated.amount()).isEqualTo(cny("145.00"));
        assertThat(Opportunity.maxDiscount(deep)).isEqualByComparingTo("0.30");
    }

    @Test
    void invalid_lines_are_refused_with_every_reason() {
        Scenario.given(anOpportunity()).when(s -> s.updateLines(SEEDS, List.of(line("p", "0", "-1.00", "1.2"),
                        new LineItem("q", BigDecimal.ONE, dev.saleskernel.money.Money.of("1", java.util.Currency.getInstance("USD")),
                                BigDecimal.ZERO)), true, REP, day(1)))
                .thenRejected(FunnelRejection.LINE_INVALID, FunnelRejection.LINE_INVALID, FunnelRejection.LINE_INVALID,
                        FunnelRejection.LINE_INVALID);
    }

    @Test
    void credit_splits_must_sum_exactly_to_one_hundred_percent() {
        ActorId other = ActorId.of("rep-2");
        Opportunity o = anOpportunity();

        Scenario.given(o).when(s -> s.changeOwner(other, List.of(new CreditSplit(other, new BigDecimal("60")),
                        new CreditSplit(REP, new BigDecimal("39.99"))), REP, day(1)))
                .thenRejected(FunnelRejection.SPLITS_INVALID);
        Scenario.given(o).when(s -> s.changeOwner(other, List.of(new CreditSplit(other, new BigDecimal("100.01")),
                        new CreditSplit(REP, new BigDecimal("-0.01"))), REP, day(1)))
                .thenRejected(FunnelRejection.SPLITS_INVALID);
        OwnerChanged changed = Scenario.given(o).when(s -> s.changeOwner(other, List.of(
                        new CreditSplit(other, new BigDecimal("66.67")), new CreditSplit(REP, new BigDecimal("33.33"))),
                        REP, day(1)))
                .thenSingleEvent(OwnerChanged.class);
        assertThat(changed.previousOwner()).isEqualTo(REP);
    }

    @Test
    void probability_overrides_stay_within_the_stage_bounds() {
        PipelineDefinition bounded = new PipelineDefinition("seeds", 1, "x", "", "", List.of(
                new Stage("a", "A", StageKind.OPEN, new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("30"),
                        ForecastCategory.PIPELINE, 0, EntryCriteria.NONE), Stage.won("won", "W"), Stage.lost("lost", "L")),
                SEEDS.moves(), List.of(), ReopenPolicy.NEVER, SEEDS.discountThreshold());
        Opportunity o = accepted(Opportunity.create(ACME, OpportunityDraft.of("o", "a", REP, CNY, List.of()), bounded,
                false, REP, T0));

        Scenario.given(o).when(s -> s.overrideProbability(bounded, new BigDecimal("31"), REP, day(1)))
                .thenRejected(FunnelRejection.PROBABILITY_OUTSIDE_STAGE_BOUNDS);
        Scenario.given(o).when(s -> s.overrideProbability(bounded, new BigDecimal("12.5"), REP, day(1)))
                .thenEvents(ProbabilityOverridden.class);
    }

    @Test
    void moving_the_close_date_later_counts_a_slip_and_earlier_does_not() {
        Opportunity o = accepted(anOpportunity().reschedule(JUNE_30, REP, day(1)));

        CloseDateChanged later = Scenario.given(o).when(s -> s.reschedule(JUNE_30.plusDays(30), REP, day(2)))
                .thenSingleEvent(CloseDateChanged.class);
        Opportunity slipped = accepted(accepted(o.reschedule(JUNE_30.plusDays(30), REP, day(2)))
                .reschedule(JUNE_30, REP, day(3)));

        assertThat(later.slipped()).isTrue();
        assertThat(o.closeDateSlips()).isZero();
        assertThat(slipped.closeDateSlips()).isEqualTo(1);
    }

    @Test
    void an_opportunity_keeps_its_pipeline_version_until_migrated_explicitly() {
        Opportunity o = anOpportunity();
        PipelineDefinition v2 = new PipelineDefinition("seeds", 2, "v2", "", "", SEEDS.stages(), SEEDS.moves(), List.of(),
                SEEDS.reopen(), SEEDS.discountThreshold());

        Rejected mismatch = Scenario.given(o).when(s -> s.move(v2, "initial-contact", MoveInput.NONE, NOBODY, REP, day(1)))
                .thenRejected(FunnelRejection.PIPELINE_MISMATCH);
        assertThat(mismatch.reasons().get(0).evidence()).containsEntry("given", "seeds@v2");
        Scenario.given(o).when(s -> s.migrateTo(v2, REP, day(1))).thenEvents(PipelineMigrated.class);
        Scenario.given(o).when(s -> s.migrateTo(SEEDS, REP, day(1))).thenRejected(FunnelRejection.PIPELINE_MISMATCH);
        Opportunity migrated = accepted(o.migrateTo(v2, REP, day(1)));
        Scenario.given(migrated).when(s -> s.move(v2, "initial-contact", MoveInput.NONE, NOBODY, REP, day(2)))
                .thenEvents(StageAdvanced.class);
    }

    @Test
    void linking_the_same_activity_twice_changes_nothing() {
        Opportunity o = aQualifiedOpportunity();

        assertThat(o.linkActivity(new ActivityRef("a-1", "visit", day(1)), REP, day(2)).get().changedNothing()).isTrue();
        assertThat(o.activities()).hasSize(1);
        assertThat(o.expectedCloseDate()).isEqualTo(Optional.of(JUNE_30));
    }

    @Test
    void a_move_into_a_stage_requiring_an_unknown_field_is_refused_with_unknown_reference_not_a_crash() {
        java.util.List<Stage> stages = new java.util.ArrayList<>(SEEDS.stages());
        Stage contact = stages.get(1);
        stages.set(1, new Stage(contact.id(), contact.name(), contact.kind(), contact.defaultProbability(),
                contact.minProbability(), contact.maxProbability(), contact.forecastCategory(),
                contact.maxDaysInStage(), new EntryCriteria(List.of("budget"), List.of(), List.of())));
        PipelineDefinition unvalidated = new PipelineDefinition(SEEDS.id(), SEEDS.version(), SEEDS.name(), "", "",
                stages, SEEDS.moves(), SEEDS.rules(), SEEDS.reopen(), SEEDS.discountThreshold());

        Rejected refused = Scenario.given(anOpportunity())
                .when(o -> o.move(unvalidated, "initial-contact", MoveInput.NONE, StageRoles.nobody(), REP, day(1)))
                .thenRejected(FunnelRejection.UNKNOWN_REFERENCE);

        assertThat(refused.reasons().get(0).field()).isEqualTo("budget");
        assertThat(unvalidated.validated().isInvalid()).isTrue();
    }
}
