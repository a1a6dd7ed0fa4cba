package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saleskernel.compensation.PlanComponent;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.internal.json.CompensationPlanReader;
import dev.saleskernel.shared.Rejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CompensationPlanDocumentTest {
    private static final Path REFERENCE = Path.of("..", "..", "docs", "reference");

    @Test
    void the_bundled_example_plans_load_with_every_component() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(REFERENCE.resolve("compensation-plans"))) {
            examples = files.sorted().toList();
        }
        assertThat(examples).hasSize(2);
        for (Path example : examples) {
            var read = JsonDocuments.compensationPlan(Files.readString(example));
            assertThat(read.isRight()).as(example + " " + read).isTrue();
        }
        PlanVersion fieldSales = JsonDocuments.compensationPlan(Files.readString(examples.get(0))).get();
        assertThat(fieldSales.components()).extracting(PlanComponent::type)
                .containsExactly("base-salary", "tiered", "breakthrough", "team-pool");
        assertThat(fieldSales.settlement()).hasValueSatisfying(terms -> assertThat(JsonDocuments.settlementTerms(terms).isRight()).isTrue());
    }

    @Test
    void the_schema_lists_exactly_the_properties_the_reader_knows() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(REFERENCE.resolve("compensation-plan.schema.json")));
        JsonNode defs = schema.path("$defs");
        assertThat(names(schema.path("properties"))).isEqualTo(CompensationPlanReader.PROPERTIES.get("plan"));
        assertThat(names(schema.path("properties").path("effective").path("properties")))
                .isEqualTo(CompensationPlanReader.PROPERTIES.get("effective"));
        assertThat(names(schema.path("properties").path("payMix").path("properties")))
                .isEqualTo(CompensationPlanReader.PROPERTIES.get("payMix"));
        for (String kind : List.of("limit", "tier", "point")) {
            assertThat(names(defs.path(kind).path("properties"))).as(kind).isEqualTo(CompensationPlanReader.PROPERTIES.get(kind));
        }
        Set<String> componentProperties = new HashSet<>(CompensationPlanReader.PROPERTIES.get("component"));
        PlanComponent.TYPES.forEach(type -> componentProperties.addAll(CompensationPlanReader.PROPERTIES.get(type)));
        assertThat(names(defs.path("component").path("properties"))).isEqualTo(componentProperties);
        Set<String> types = new HashSet<>();
        defs.path("component").path("properties").path("type").path("enum").forEach(t -> types.add(t.textValue()));
        assertThat(types).isEqualTo(Set.copyOf(PlanComponent.TYPES));
    }

    @Test
    void a_plan_is_refused_with_every_problem_and_its_json_path() {
        var refused = JsonDocuments.compensationPlan("""
                {"id": "field-sales", "version": 1, "name": "x", "currency": "CNY", "creditOn": "booking",
                 "effective": {"from": "2026-01-01", "until": "2027-01-01"},
                 "payMix": {"base": "40", "incentive": "50"},
                 "components": [
                   {"id": "commission", "type": "tiered", "colour": "red", "cap": {"amount": "-1.00"},
                    "tiers": [{"from": "0", "to": "5000.00", "rate": "0.05"},
                              {"from": "6000.00", "to": "10000.00", "rate": "1.5"},
                              {"from": "9000.00", "rate": "0.15"}]}
                 ]}""").getLeft();
        assertThat(refused.reasons()).extracting(r -> r.code().code() + " " + r.field()).containsExactlyInAnyOrder(
                "shared/NOT_ALLOWED components[0].colour",
                "compensation/PAY_MIX_NOT_100 payMix",
                "compensation/NEGATIVE_AMOUNT components[0].cap",
                "compensation/TIER_GAP components[0].tiers[1].from",
                "compensation/RATE_OUT_OF_RANGE components[0].tiers[1].rate",
                "compensation/TIER_OVERLAP components[0].tiers[2].from");
    }

    @Test
    void an_unknown_component_type_and_malformed_figures_are_named_by_path() {
        var refused = JsonDocuments.compensationPlan("""
                {"id": "p", "version": 0, "name": "x", "currency": "XYZ", "creditOn": "return",
                 "effective": {"from": "2026-01-01", "until": "2025-01-01"},
                 "payMix": {"base": "40.00001", "incentive": "sixty"},
                 "components": [{"id": "a", "type": "lottery"}, {"id": "b", "type": "flat-rate", "rate": "0.1234567"}]}""")
                .getLeft();
        assertThat(refused.reasons()).extracting(Rejection::field).contains("currency", "creditOn", "effective.until",
                "payMix.base", "payMix.incentive", "components[0].type", "components[1].rate");
    }

    @Test
    void the_settlement_terms_of_a_plan_are_checked_with_the_plan_and_named_under_settlement() {
        var refused = JsonDocuments.compensationPlan("""
                {"id": "p", "version": 1, "name": "x", "currency": "CNY", "creditOn": "booking",
                 "effective": {"from": "2026-01-01", "until": "2027-01-01"},
                 "payMix": {"base": "40", "incentive": "60"},
                 "components": [{"id": "flat", "type": "flat-rate", "rate": "0.05"}],
                 "settlement": {"advances": "monthly"}}""").getLeft();

        assertThat(refused.reasons()).extracting(Rejection::field).allMatch(field -> field.startsWith("settlement"))
                .contains("settlement.advances", "settlement.clawback");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
