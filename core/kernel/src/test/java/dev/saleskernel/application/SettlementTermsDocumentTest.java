package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.compensation.settlement.SettlementTerms;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.internal.json.SettlementTermsReader;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettlementTermsDocumentTest {

    @Test
    void a_valid_settlement_object_gives_every_term() {
        SettlementTerms terms = JsonDocuments.settlementTerms("""
                {"advances": {"rate": "0.80"}, "annualComponents": ["annual-bonus"],
                 "draw": {"kind": "recoverable", "amount": 1500.00, "yearEnd": "carry-forward"},
                 "hold": {"share": "0.25", "until": "clawback-window-passed"},
                 "clawback": {"windowDays": 90, "mode": "prorated", "reducesAttainment": true}}""").get();

        assertThat(terms.advances().get().rate()).isEqualByComparingTo("0.80");
        assertThat(terms.annualComponents()).isEqualTo(Set.of("annual-bonus"));
        assertThat(terms.draw().get().kind()).isEqualTo(SettlementTerms.DrawKind.RECOVERABLE);
        assertThat(terms.draw().get().amount()).isEqualByComparingTo(new BigDecimal("1500.00"));
        assertThat(terms.draw().get().yearEnd()).isEqualTo(SettlementTerms.YearEndPolicy.CARRY_FORWARD);
        assertThat(terms.hold().get().until()).isEqualTo(SettlementTerms.HoldCondition.CLAWBACK_WINDOW_PASSED);
        assertThat(terms.clawback()).isEqualTo(new SettlementTerms.Clawback(90, SettlementTerms.ClawbackMode.PRORATED, true));
    }

    @Test
    void only_the_clawback_policy_is_required() {
        SettlementTerms terms = JsonDocuments.settlementTerms("""
                {"clawback": {"windowDays": 30, "mode": "full", "reducesAttainment": false}}""").get();

        assertThat(terms.advances()).isEmpty();
        assertThat(terms.draw()).isEmpty();
        assertThat(terms.hold()).isEmpty();
    }

    @Test
    void every_shape_problem_is_reported_with_its_json_path_under_the_plans_settlement_member() {
        JsonNode plan = SafeJson.withDefaultLimits().parse("plan", """
                {"settlement": {"advances": {"rate": "abc"}, "annualComponents": ["", 3],
                 "draw": {"kind": "sometimes", "amount": "1500.00"},
                 "hold": {"shares": "0.25", "until": "payment-received"},
                 "clawback": {"windowDays": "90", "mode": "full", "reducesAttainment": "no"}}}""").get();

        var problems = SettlementTermsReader.read(plan.path("settlement"), "settlement").getError();

        assertThat(problems.map(Rejection::field).toJavaList()).containsExactly(
                "settlement.advances.rate", "settlement.annualComponents[0]", "settlement.annualComponents[1]",
                "settlement.draw.kind", "settlement.draw.yearEnd", "settlement.hold.shares", "settlement.hold.share",
                "settlement.clawback.windowDays", "settlement.clawback.reducesAttainment");
    }

    @Test
    void well_shaped_terms_out_of_range_are_refused_with_every_reason() {
        Rejected rejected = JsonDocuments.settlementTerms("""
                {"advances": {"rate": "1.2"}, "draw": {"kind": "non-recoverable", "amount": "-5", "yearEnd": "forgive"},
                 "hold": {"share": "0.1234567", "until": "payment-received"},
                 "clawback": {"windowDays": 0, "mode": "full", "reducesAttainment": false}}""").getLeft();

        assertThat(rejected.codes()).containsOnly("settlement/TERMS_INVALID");
        assertThat(rejected.reasons()).extracting(Rejection::field)
                .containsExactly("advances.rate", "draw.amount", "hold.share", "clawback.windowDays");
    }

    @Test
    void a_document_that_is_not_an_object_is_refused() {
        assertThat(JsonDocuments.settlementTerms("[]").getLeft().codes()).containsExactly("input/JSON_WRONG_TYPE");
        assertThat(JsonDocuments.settlementTerms("{}").getLeft().codes()).containsExactly("input/JSON_REQUIRED");
    }
}
