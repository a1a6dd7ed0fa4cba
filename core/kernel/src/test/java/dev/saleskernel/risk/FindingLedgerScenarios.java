package dev.saleskernel.risk;

import static dev.saleskernel.risk.Portfolios.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.testing.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingLedgerScenarios {
    static final ActorId BATCH = new ActorId("risk-batch");
    static final ActorId MANAGER = new ActorId("manager");
    static final Instant AT = Instant.parse("2026-06-30T02:00:00Z");

    static Finding stalled(String subject, String days) {
        return new Finding("process.stalled", 1, RiskScope.OPPORTUNITY, subject, new Severity(3, 3),
                Map.of("daysInStage", days), "review the deal", AS_OF);
    }

    static RiskEvaluation evaluation(Finding... findings) {
        return new RiskEvaluation(AS_OF, Set.of("process.stalled"), List.of(findings));
    }

    static FindingLedger after(RiskEvaluation evaluation) {
        return FindingLedger.empty().record(evaluation, BATCH, AT).state();
    }

    @Test
    void a_new_finding_is_raised_open() {
        var change = FindingLedger.empty().record(evaluation(stalled("opportunity:o-1", "31")), BATCH, AT);
        assertThat(change.events()).singleElement().isInstanceOf(FindingEvents.FindingRaised.class);
        assertThat(change.state().open().values()).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(FindingStatus.OPEN))
                .satisfies(t -> assertThat(t.findingId()).isEqualTo("F-1"));
    }

    @Test
    void the_same_rule_on_the_same_subject_updates_the_open_finding_instead_of_raising_another() {
        FindingLedger ledger = after(evaluation(stalled("opportunity:o-1", "31")));
        var change = ledger.record(evaluation(stalled("opportunity:o-1", "32")), BATCH, AT);
        assertThat(change.events()).singleElement().isInstanceOf(FindingEvents.FindingUpdated.class);
        assertThat(change.state().open()).hasSize(1);
        assertThat(change.state().open().values().iterator().next().finding().evidence()).containsEntry("daysInStage", "32");
        assertThat(change.state().open().values().iterator().next().findingId()).isEqualTo("F-1");
    }

    @Test
    void an_unchanged_finding_raises_no_event() {
        FindingLedger ledger = after(evaluation(stalled("opportunity:o-1", "31")));
        assertThat(ledger.record(evaluation(stalled("opportunity:o-1", "31")), BATCH, AT).changedNothing()).isTrue();
    }

    @Test
    void an_open_finding_its_rule_no_longer_finds_expires() {
        FindingLedger ledger = after(evaluation(stalled("opportunity:o-1", "31")));
        var change = ledger.record(evaluation(), BATCH, AT);
        assertThat(change.events()).singleElement().isInstanceOf(FindingEvents.FindingExpired.class);
        assertThat(change.state().open()).isEmpty();
        assertThat(change.state().closed()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(FindingStatus.EXPIRED));
    }

    @Test
    void findings_of_rules_that_did_not_run_stay_open() {
        FindingLedger ledger = after(evaluation(stalled("opportunity:o-1", "31")));
        assertThat(ledger.record(new RiskEvaluation(AS_OF, Set.of("other.rule"), List.of()), BATCH, AT).changedNothing()).isTrue();
    }

    @Test
    void an_acknowledged_finding_stays_acknowledged_when_updated_and_then_is_resolved() {
        FindingLedger ledger = after(evaluation(stalled("opportunity:o-1", "31")));
        FindingLedger acknowledged = Scenario.given(ledger).when(l -> l.acknowledge("F-1", "on it", MANAGER, AT, AS_OF))
                .thenEvents(FindingEvents.FindingAcknowledged.class).state();
        FindingLedger updated = acknowledged.record(evaluation(stalled("opportunity:o-1", "40")), BATCH, AT).state();
        assertThat(updated.find("F-1").orElseThrow().status()).isEqualTo(FindingStatus.ACKNOWLEDGED);

        Scenario.given(updated).when(l -> l.acknowledge("F-1", "again", MANAGER, AT, AS_OF)).thenRejected(RiskRejection.ALREADY_ACKNOWLEDGED);
        FindingLedger resolved = Scenario.given(updated).when(l -> l.resolve("F-1", "deal moved to negotiation", MANAGER, AT, AS_OF))
                .thenEvents(FindingEvents.FindingResolved.class).state();
        Scenario.given(resolved).when(l -> l.resolve("F-1", "again", MANAGER, AT, AS_OF)).thenRejected(RiskRejection.FINDING_CLOSED);
        Scenario.given(resolved).when(l -> l.acknowledge("F-9", "?", MANAGER, AT, AS_OF)).thenRejected(RiskRejection.FINDING_NOT_FOUND);
    }

    @Test
    void a_condition_that_returns_after_resolution_raises_a_new_finding() {
        FindingLedger resolved = after(evaluation(stalled("opportunity:o-1", "31")))
                .resolve("F-1", "escalated", MANAGER, AT, AS_OF).get().state();
        var change = resolved.record(evaluation(stalled("opportunity:o-1", "31")), BATCH, AT);
        assertThat(change.events()).singleElement().isInstanceOf(FindingEvents.FindingRaised.class);
        assertThat(change.state().open().values().iterator().next().findingId()).isEqualTo("F-2");
    }

    @Test
    void resolving_needs_a_resolution() {
        Scenario.given(after(evaluation(stalled("opportunity:o-1", "31"))))
                .when(l -> l.resolve("F-1", " ", MANAGER, AT, AS_OF)).thenRejected(dev.saleskernel.shared.SharedRejection.REQUIRED);
    }
}
