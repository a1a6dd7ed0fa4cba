package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.funnel.DefaultPipelines;
import dev.saleskernel.funnel.PipelineDefinition;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PipelineDefinitionDocumentTest {

    static String seedsJson() throws IOException {
        try (InputStream in = PipelineDefinitionDocumentTest.class.getResourceAsStream("/funnel/seeds-pipeline.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String fieldsOf(Either<Rejected, ?> result) {
        return String.join(" ", result.getLeft().reasons().stream().map(r -> r.code().code() + "@" + r.field()).toList());
    }

    @Test
    void the_seeds_pipeline_written_as_json_reads_into_the_default_definition() throws IOException {
        Either<Rejected, PipelineDefinition> read = JsonDocuments.pipelineDefinition(seedsJson());

        assertThat(read.isRight()).as("%s", read).isTrue();
        assertThat(read.get()).isEqualTo(DefaultPipelines.seeds());
    }

    @Test
    void every_shape_problem_is_reported_at_once_with_its_json_path() {
        Either<Rejected, PipelineDefinition> read = JsonDocuments.pipelineDefinition("""
                {"version": "one", "stages": [{"id": 7, "probability": "ten", "kind": "maybe",
                  "entry": {"requiredFields": [1]}}], "moves": [], "discountThreshold": true}""");

        assertThat(fieldsOf(read).split(" ")).containsExactlyInAnyOrder(
                "input/JSON_REQUIRED@id", "input/JSON_WRONG_TYPE@version", "input/JSON_REQUIRED@name",
                "input/JSON_WRONG_TYPE@stages[0].id", "input/JSON_WRONG_TYPE@stages[0].kind",
                "money/" + read.getLeft().reasons().stream().filter(r -> r.field().equals("stages[0].probability"))
                        .findFirst().orElseThrow().code().name() + "@stages[0].probability",
                "input/JSON_WRONG_TYPE@stages[0].entry.requiredFields[0]", "input/JSON_WRONG_TYPE@moves",
                "input/JSON_WRONG_TYPE@discountThreshold");
    }

    @Test
    void a_well_shaped_definition_that_cannot_work_is_refused_with_every_reason() throws IOException {
        String broken = seedsJson().replace("\"id\": \"initial-contact\"", "\"id\": \"lead-identification\"")
                .replace("\"probability\": \"100\"", "\"probability\": \"95\"")
                .replace("\"probability\": \"40\"", "\"probability\": \"140\"");

        assertThat(fieldsOf(JsonDocuments.pipelineDefinition(broken))).contains(
                "funnel/DUPLICATE_STAGE_ID@stages[1].id", "funnel/PROBABILITY_OUT_OF_RANGE@stages[2].defaultProbability",
                "funnel/TERMINAL_PROBABILITY@stages[6].defaultProbability");
    }

    @Test
    void malformed_json_is_refused_not_thrown() {
        assertThat(JsonDocuments.pipelineDefinition("{\"id\": ").isLeft()).isTrue();
    }
}
