package dev.saleskernel.funnel;

import static dev.saleskernel.funnel.FunnelFixtures.ACME;
import static dev.saleskernel.funnel.FunnelFixtures.CNY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Model-based test: random sequences of commands against random valid pipeline definitions. After
 * every step the invariants hold, and a small model (stage, status, frozen amount, history length)
 * predicts the state of every accepted command.
 */
class OpportunityModelProperties {
    static final List<ActorId> ACTORS = List.of(ActorId.of("rep-1"), ActorId.of("rep-2"), ActorId.of("boss"));
    static final List<String> ROLES = List.of("manager", "closer");

    /** A random pipeline; retried until valid, so every generated definition passes {@link PipelineDefinition#validated()}. */
    static PipelineDefinition randomPipeline(Random r) {
        while (true) {
            int open = 1 + r.nextInt(6);
            List<Stage> stages = new ArrayList<>();
            for (int i = 0; i < open; i++) {
                int min = r.nextInt(50);
                int max = min + r.nextInt(101 - min);
                int def = min + r.nextInt(max - min + 1);
                List<String> fields = new ArrayList<>();
                for (OpportunityField f : OpportunityField.values()) {
                    if (r.nextInt(8) == 0) {
                        fields.add(f.jsonName());
                    }
                }
                stages.add(new Stage("s" + i, "S" + i, StageKind.OPEN, BigDecimal.valueOf(def), BigDecimal.valueOf(min),
                        BigDecimal.valueOf(max), ForecastCategory.values()[r.nextInt(3)], r.nextInt(30),
                        new EntryCriteria(fields, r.nextInt(5) == 0 ? List.of("visit") : List.of(),
                                r.nextInt(5) == 0 ? List.of("check") : List.of())));
            }
            stages.add(Stage.won("won", "Won"));
            stages.add(Stage.lost("lost", "Lost"));
            List<TransitionRule> rules = new ArrayList<>();
            for (int i = 0; i < r.nextInt(4); i++) {
                rules.add(new TransitionRule("s" + r.nextInt(open), r.nextBoolean() ? "won" : "s" + r.nextInt(open),
                        r.nextBoolean() ? "" : ROLES.get(r.nextInt(2)), r.nextBoolean() ? List.of() : List.of("note"),
                        List.of("after-" + i)));
            }
            PipelineDefinition definition = new PipelineDefinition("p", 1, "P", "", "", stages,
                    new AllowedMoves(r.nextInt(4) > 0, r.nextBoolean(), r.nextBoolean(),
                            r.nextBoolean() ? "" : "manager", r.nextBoolean() ? "" : "manager"), rules,
                    new ReopenPolicy(r.nextBoolean(), r.nextInt(3) * 10, r.nextBoolean() ? "" : "s" + r.nextInt(open),
                            r.nextBoolean() ? "" : "manager"),
                    new BigDecimal("0.2"));
            if (definition.validated().isValid()) {
                return definition;
            }
        }
    }

    static LineItem randomLine(Random r) {
        return new LineItem("p" + r.nextInt(3), BigDecimal.valueOf(r.nextInt(5) - 1),
                Money.of(BigDecimal.valueOf(r.nextInt(100_000), 2), CNY), BigDecimal.valueOf(r.nextInt(50), 2));
    }

    static List<CreditSplit> randomSplits(Random r) {
        int first = 1 + r.nextInt(99);
        int second = r.nextInt(4) == 0 ? 100 - first + 1 : 100 - first;
        return List.of(new CreditSplit(ACTORS.get(0), BigDecimal.valueOf(first)),
                new CreditSplit(ACTORS.get(1), BigDecimal.valueOf(second)));
    }

    @Test
    void invariants_hold_after_every_step_of_random_command_sequences_on_random_pipelines() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> run(new Random(seed)));
    }

    static void run(Random r) {
        PipelineDefinition p = randomPipeline(r);
        StageRoles roles = (tenant, actor, role) -> actor.value().equals("boss") || (role.equals("closer")
                && actor.value().equals("rep-2"));
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Opportunity o = Opportunity.create(ACME, new OpportunityDraft("o", "acct", ACTORS.get(0), List.of(), CNY,
                List.of(), java.util.Optional.empty(), "", "", "", ""), p, false, ACTORS.get(0), at).get().state();
        check(o, p);
        for (int step = 0; step < 40; step++) {
            at = at.plusSeconds(r.nextInt(5) == 0 ? 0 : r.nextInt(20 * 86_400));
            ActorId actor = ACTORS.get(r.nextInt(ACTORS.size()));
            MoveInput input = new MoveInput(r.nextBoolean() ? Set.of("check") : Set.of(),
                    r.nextBoolean() ? Map.of("note", "n") : Map.of());
            String target = p.stages().get(r.nextInt(p.stages().size())).id();
            int command = r.nextInt(11);
            Either<Rejected, Change<Opportunity>> result = switch (command) {
                case 0, 1, 2 -> o.move(p, target, input, roles, actor, at);
                case 3 -> o.win(p, Money.of(BigDecimal.valueOf(r.nextInt(100_000), 2), CNY), LocalDate.of(2026, 6, 1),
                        input, roles, actor, at);
                case 4 -> o.lose(p, r.nextInt(5) == 0 ? "" : "price", "rival", roles, actor, at);
                case 5 -> o.reopen(p, roles, actor, at);
                case 6 -> o.updateLines(p, List.of(randomLine(r), randomLine(r)), r.nextBoolean(), actor, at);
                case 7 -> o.changeOwner(ACTORS.get(r.nextInt(2)), randomSplits(r), actor, at);
                case 8 -> o.reschedule(LocalDate.of(2026, 1 + r.nextInt(12), 1), actor, at);
                case 9 -> o.overrideProbability(p, BigDecimal.valueOf(r.nextInt(101)), actor, at);
                default -> o.linkActivity(new ActivityRef("a" + r.nextInt(4), r.nextBoolean() ? "visit" : "call", at),
                        actor, at);
            };
            if (command <= 2) {
                assertThat(result.isRight()).as("a move is accepted exactly when every guard holds: %s", result)
                        .isEqualTo(guardsHold(o, p, target, input, roles, actor));
            }
            if (result.isRight()) {
                Opportunity next = result.get().state();
                expectModel(o, next, command, target, p);

                o = next;
            }
            check(o, p);
        }
    }

    /** The reference for a move: open, target not terminal, allowed, roles, during-inputs, entry criteria. */
    static boolean guardsHold(Opportunity before, PipelineDefinition p, String target, MoveInput input,
                              StageRoles roles, ActorId actor) {
        java.util.Optional<PipelineDefinition.MoveRequirements> move = p.move(before.stageId(), target);
        if (before.status() != StageKind.OPEN || p.stage(target).orElseThrow().kind().terminal() || move.isEmpty()) {
            return false;
        }
        boolean hold = move.get().roles().stream().allMatch(role -> roles.holds(ACME, actor, role))
                && move.get().duringInputs().stream().allMatch(n -> !input.inputs().getOrDefault(n, "").isBlank());
        EntryCriteria entry = p.stage(target).orElseThrow().entry();
        hold &= input.confirmed().containsAll(entry.checklist());
        for (String type : entry.requiredActivities()) {
            hold &= before.activities().stream().anyMatch(a -> a.type().equals(type));
        }
        for (String field : entry.requiredFields()) {
            hold &= switch (field) {
                case "amount" -> before.amount().signum() > 0;
                case "expectedCloseDate" -> before.expectedCloseDate().isPresent();
                case "nextStep" -> !before.nextStep().isBlank();
                case "competitor" -> !before.competitor().isBlank();
                case "lines" -> !before.lines().isEmpty();
                default -> !before.team().isEmpty();
            };
        }
        return hold;
    }

    /** What the model predicts for an accepted command. */
    static void expectModel(Opportunity before, Opportunity after, int command, String target, PipelineDefinition p) {
        if (before.status() == StageKind.WON) {
            assertThat(command).as("a won deal accepts only owner changes and activity links").isIn(7, 10);
        }
        if (before.status() == StageKind.LOST) {
            assertThat(command).as("a lost deal accepts only reopen, owner changes and activity links").isIn(5, 7, 10);
        }
        switch (command) {
            case 0, 1, 2 -> {
                assertThat(p.move(before.stageId(), target)).as("moves only as the pipeline allows").isPresent();
                assertThat(after.stageId()).isEqualTo(target);
                assertThat(after.history()).hasSize(before.history().size() + 1);
            }
            case 3 -> {
                assertThat(after.status()).isEqualTo(StageKind.WON);
                assertThat(p.move(before.stageId(), p.wonStage().id())).isPresent();
            }
            case 4 -> assertThat(after.status()).isEqualTo(StageKind.LOST);
            case 5 -> {
                assertThat(before.status()).isEqualTo(StageKind.LOST);
                assertThat(p.reopen().allowed()).isTrue();
                assertThat(after.status()).isEqualTo(StageKind.OPEN);
            }
            default -> {
                assertThat(after.stageId()).isEqualTo(before.stageId());
                assertThat(after.history()).isEqualTo(before.history());
            }
        }
        if (before.status() == StageKind.WON) {
            assertThat(after.status()).as("won deals stay won").isEqualTo(StageKind.WON);
            assertThat(after.amount()).as("a won deal's amount is frozen").isEqualTo(before.amount());
        }
        if (before.status() == StageKind.LOST && command != 5) {
            assertThat(after.status()).as("lost deals stay lost unless reopened").isEqualTo(StageKind.LOST);
        }
    }

    static void check(Opportunity o, PipelineDefinition p) {
        List<StageVisit> history = o.history();
        assertThat(history).isNotEmpty();
        assertThat(history.get(0).enteredAt()).isEqualTo(o.createdAt());
        for (int i = 0; i + 1 < history.size(); i++) {
            assertThat(history.get(i).leftAt()).as("contiguous").contains(history.get(i + 1).enteredAt());
            assertThat(history.get(i).enteredAt()).as("ordered").isBeforeOrEqualTo(history.get(i).leftAt().orElseThrow());
        }
        StageVisit last = history.get(history.size() - 1);
        assertThat(last.leftAt()).isEmpty();
        assertThat(last.stageId()).isEqualTo(o.stageId());
        Stage stage = p.stage(o.stageId()).orElseThrow();
        assertThat(o.status()).isEqualTo(stage.kind());
        assertThat(o.forecastCategory()).isEqualTo(stage.forecastCategory());
        assertThat(o.probability()).isBetween(stage.minProbability(), stage.maxProbability());
        assertThat(o.team().stream().map(CreditSplit::percent).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        if (o.status() != StageKind.WON) {
            assertThat(o.amount()).isEqualTo(Opportunity.amountOf(o.lines(), CNY));
        }
    }
}
