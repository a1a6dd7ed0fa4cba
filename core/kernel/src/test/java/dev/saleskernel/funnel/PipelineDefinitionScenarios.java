package dev.saleskernel.funnel;

import static dev.saleskernel.funnel.FunnelFixtures.SEEDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineDefinitionScenarios {

    static PipelineDefinition withStages(List<Stage> stages) {
        return new PipelineDefinition(SEEDS.id(), SEEDS.version(), SEEDS.name(), "", "", stages, SEEDS.moves(),
                SEEDS.rules(), SEEDS.reopen(), SEEDS.discountThreshold());
    }

    static List<String> codes(PipelineDefinition definition) {
        return definition.validated().getError().map(r -> r.code().code()).toJavaList();
    }

    @Test
    void the_seeds_pipeline_is_valid_and_follows_the_standard_sales_process() {
        assertThat(SEEDS.validated().isValid()).isTrue();
        assertThat(SEEDS.stages().stream().map(Stage::id)).containsExactly("lead-identification", "initial-contact",
                "needs-analysis", "proposal", "quotation", "negotiation", "won", "lost");
        assertThat(SEEDS.wonStage().defaultProbability()).isEqualByComparingTo("100");
    }

    @Test
    void a_definition_that_cannot_work_is_refused_with_every_reason_naming_stage_and_field() {
        List<Stage> stages = new ArrayList<>(SEEDS.stages());
        stages.set(1, Stage.open("lead-identification", "dup", "20", ForecastCategory.PIPELINE, 14, EntryCriteria.NONE));
        stages.set(2, Stage.open("needs-analysis", "x", "120", ForecastCategory.PIPELINE, 14, EntryCriteria.NONE));
        stages.set(6, new Stage("won", "Won", StageKind.WON, new BigDecimal("90"), new BigDecimal("90"),
                new BigDecimal("100"), ForecastCategory.CLOSED, 0, EntryCriteria.NONE));

        List<Rejection> reasons = withStages(stages).validated().getError().toJavaList();

        assertThat(reasons).extracting(r -> r.code().code() + " " + r.field()).contains(
                "funnel/DUPLICATE_STAGE_ID stages[1].id",
                "funnel/PROBABILITY_OUT_OF_RANGE stages[2].defaultProbability",
                "funnel/TERMINAL_PROBABILITY stages[6].defaultProbability");
        assertThat(reasons).anySatisfy(r -> assertThat(r.evidence()).containsEntry("stageId", "needs-analysis"));
    }

    @Test
    void a_stage_is_found_at_its_first_position_whichever_instance_of_its_id_is_asked_for() {
        // Given a (refused) definition whose second stage repeats the first one's id in another String instance
        String repeated = new String("lead-identification");
        List<Stage> stages = new ArrayList<>(SEEDS.stages());
        stages.set(1, Stage.open(repeated, "dup", "20", ForecastCategory.PIPELINE, 14, EntryCriteria.NONE));
        PipelineDefinition definition = withStages(stages);

        // Then both instances, and an equal third one, are at the first position; null and unknown ids at none
        assertThat(definition.indexOf(repeated)).isZero();
        assertThat(definition.indexOf(SEEDS.stages().get(0).id())).isZero();
        assertThat(definition.indexOf(new String("lead-identification"))).isZero();
        assertThat(definition.indexOf(SEEDS.stages().get(3).id())).isEqualTo(3);
        assertThat(definition.indexOf(null)).isEqualTo(-1);
        assertThat(definition.indexOf("nowhere")).isEqualTo(-1);
    }

    @Test
    void a_definition_without_a_path_from_entry_to_won_is_refused() {
        PipelineDefinition onlyRules = new PipelineDefinition("p", 1, "P", "", "", SEEDS.stages(),
                new AllowedMoves(false, false, false, "", ""),
                List.of(new TransitionRule("lead-identification", "initial-contact", "", List.of(), List.of())),
                ReopenPolicy.NEVER, BigDecimal.ZERO);

        assertThat(codes(onlyRules)).containsExactly("funnel/NO_PATH_TO_WON");
    }

    @Test
    void explicit_rules_can_make_the_only_path_to_won() {
        PipelineDefinition twoStep = new PipelineDefinition("p", 1, "P", "", "", List.of(
                Stage.open("a", "A", "10", ForecastCategory.PIPELINE, 0, EntryCriteria.NONE),
                Stage.won("w", "W"), Stage.lost("l", "L")),
                new AllowedMoves(false, false, false, "", ""),
                List.of(new TransitionRule("a", "w", "closer", List.of("po-number"), List.of("notify-finance"))),
                ReopenPolicy.NEVER, BigDecimal.ZERO);

        assertThat(twoStep.validated().isValid()).isTrue();
    }

    @Test
    void missing_terminal_stages_misplaced_stages_and_unknown_references_are_each_named() {
        PipelineDefinition broken = new PipelineDefinition("bad id!", 0, "P", "", "", List.of(
                Stage.won("w", "W"),
                Stage.open("a", "A", "10", ForecastCategory.PIPELINE, -1,
                        new EntryCriteria(List.of("colour"), List.of(), List.of()))),
                SEEDS.moves(), List.of(new TransitionRule("w", "nowhere", "", List.of(), List.of())),
                new ReopenPolicy(true, -3, "w", ""), new BigDecimal("1.5"));

        assertThat(codes(broken)).containsExactlyInAnyOrder("funnel/INVALID_PIPELINE_ID", "funnel/INVALID_PIPELINE_ID",
                "funnel/OUT_OF_RANGE", "funnel/OUT_OF_RANGE", "funnel/UNKNOWN_REFERENCE", "funnel/TERMINAL_STAGES",
                "funnel/STAGE_ORDER", "funnel/UNKNOWN_REFERENCE", "funnel/UNKNOWN_REFERENCE", "funnel/OUT_OF_RANGE",
                "funnel/UNKNOWN_REFERENCE");
    }

    @Test
    void moves_follow_the_order_next_skip_back_and_lost_from_every_open_stage() {
        assertThat(SEEDS.move("proposal", "quotation")).hasValueSatisfying(m ->
                assertThat(m.direction()).isEqualTo(PipelineDefinition.Direction.NEXT));
        assertThat(SEEDS.move("negotiation", "won")).hasValueSatisfying(m ->
                assertThat(m.direction()).isEqualTo(PipelineDefinition.Direction.NEXT));
        assertThat(SEEDS.move("initial-contact", "won")).hasValueSatisfying(m ->
                assertThat(m.direction()).isEqualTo(PipelineDefinition.Direction.SKIP_AHEAD));
        assertThat(SEEDS.move("quotation", "initial-contact")).hasValueSatisfying(m ->
                assertThat(m.direction()).isEqualTo(PipelineDefinition.Direction.BACK));
        assertThat(SEEDS.move("won", "negotiation")).isEmpty();
        assertThat(SEEDS.move("lost", "proposal")).isEmpty();
    }

    @Test
    void a_stage_id_breaking_the_id_pattern_is_refused_with_its_path() {
        List<Stage> stages = new ArrayList<>(SEEDS.stages());
        stages.set(0, Stage.open("lead identification", "x", "10", ForecastCategory.PIPELINE, 0, EntryCriteria.NONE));

        assertThat(withStages(stages).validated().getError().map(r -> r.code().code() + "@" + r.field()))
                .containsExactly("funnel/INVALID_STAGE_ID@stages[0].id");
    }
}
