package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.risk.RuleDefinition;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskRulesDocumentTest {

    @Test
    void a_valid_document_gives_the_rule_definitions() {
        List<RuleDefinition> rules = JsonDocuments.riskRules("""
                {"rules": [
                  {"id": "process.stalled-deal", "version": 2, "kind": "stalled-deal", "parameters": {"graceDays": "5"},
                   "severity": {"impact": 3, "likelihood": 4}, "response": "Review the deal with its owner."},
                  {"id": "process.discount", "version": 1, "kind": "discount-beyond-policy", "parameters": {"maxDiscount": 0.15},
                   "severity": {"impact": 2, "likelihood": 5}, "response": "Ask for the discount approval."}
                ]}""").get();

        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).version()).isEqualTo(2);
        assertThat(rules.get(0).whole("graceDays", 0)).isEqualTo(5);
        assertThat(rules.get(0).severity().score()).isEqualTo(12);
        assertThat(rules.get(1).decimal("maxDiscount", null)).isEqualByComparingTo("0.15");
    }

    @Test
    void every_problem_is_reported_with_its_json_path() {
        Rejected rejected = JsonDocuments.riskRules("""
                {"rules": [
                  {"id": "Bad Id", "version": 0, "kind": "no-such", "severity": {"impact": 6}, "response": ""},
                  {"id": "ok", "version": 1, "kind": "stalled-deal", "parameters": {"graceDay": "5"},
                   "severity": {"impact": 1, "likelihood": 1}, "response": "x"},
                  {"id": "ok", "version": 1, "kind": "no-activity", "parameters": {"days": "-1"},
                   "severity": {"impact": 1, "likelihood": 1}, "response": "x"}
                ]}""").getLeft();

        assertThat(rejected.reasons()).extracting(Rejection::field).containsExactly(
                "rules[0].id", "rules[0].version", "rules[0].kind", "rules[0].response", "rules[0].severity.impact",
                "rules[0].severity.likelihood", "rules[1].parameters.graceDay", "rules[2].parameters.days", "rules[2].id");
    }

    @Test
    void a_document_without_rules_is_refused() {
        assertThat(JsonDocuments.riskRules("{}").getLeft().codes()).containsExactly("input/JSON_REQUIRED");
    }
}
