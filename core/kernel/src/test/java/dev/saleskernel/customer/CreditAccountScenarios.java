package dev.saleskernel.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.money.Money;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.testing.Scenario;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditAccountScenarios {
    static final Currency CNY = Currency.getInstance("CNY");
    static final ActorId REP = new ActorId("rep-1");
    static final ActorId MANAGER = new ActorId("manager");
    static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    static Money cny(String amount) {
        return Money.of(amount, CNY);
    }

    static CreditAccount account(CreditPolicy policy) {
        return CreditAccount.of("a-1", cny("10000.00"), policy).withReceivables(cny("3000.00"));
    }

    @Test
    void an_amount_that_exactly_uses_the_headroom_passes_and_one_cent_more_is_refused() {
        Scenario.given(account(CreditPolicy.REFUSE)).when(a -> a.record("so-1", cny("7000.00"), Optional.empty(), REP, AT))
                .thenEvents(CreditEvents.CreditExposureRecorded.class);
        var rejected = Scenario.given(account(CreditPolicy.REFUSE))
                .when(a -> a.record("so-1", cny("7000.01"), Optional.empty(), REP, AT))
                .thenRejected(CustomerRejection.CREDIT_LIMIT_EXCEEDED);
        assertThat(rejected.reasons().get(0).evidence()).containsEntry("headroom", "7000.00").containsEntry("amount", "7000.01");
    }

    @Test
    void under_warn_the_amount_is_recorded_and_flagged() {
        var event = Scenario.given(account(CreditPolicy.WARN))
                .when(a -> a.record("so-1", cny("8000.00"), Optional.empty(), REP, AT))
                .thenSingleEvent(CreditEvents.CreditExposureRecorded.class);
        assertThat(event.overLimit()).isTrue();
        assertThat(event.headroom()).isEqualTo(cny("-1000.00"));
    }

    @Test
    void under_require_approval_only_someone_else_can_approve_going_over() {
        Scenario.given(account(CreditPolicy.REQUIRE_APPROVAL))
                .when(a -> a.record("so-1", cny("8000.00"), Optional.of(REP), REP, AT))
                .thenRejected(CustomerRejection.CREDIT_APPROVAL_REQUIRED);
        var event = Scenario.given(account(CreditPolicy.REQUIRE_APPROVAL))
                .when(a -> a.record("so-1", cny("8000.00"), Optional.of(MANAGER), REP, AT))
                .thenSingleEvent(CreditEvents.CreditExposureRecorded.class);
        assertThat(event.approvedBy()).contains(MANAGER);
    }

    @Test
    void closing_and_reopening_a_document_does_not_bypass_the_check() {
        CreditAccount withOrder = account(CreditPolicy.REFUSE).record("so-1", cny("6000.00"), Optional.empty(), REP, AT).get().state();
        CreditAccount closed = withOrder.close("so-1", REP, AT).get().state();
        CreditAccount refilled = closed.record("so-2", cny("5000.00"), Optional.empty(), REP, AT).get().state();

        Scenario.given(refilled).when(a -> a.reopen("so-1", Optional.empty(), REP, AT))
                .thenRejected(CustomerRejection.CREDIT_LIMIT_EXCEEDED);
        Scenario.given(closed).when(a -> a.reopen("so-1", Optional.empty(), REP, AT))
                .thenEvents(CreditEvents.CreditExposureRecorded.class);
    }

    @Test
    void re_recording_an_open_document_is_checked_for_its_new_amount_only() {
        CreditAccount withOrder = account(CreditPolicy.REFUSE).record("so-1", cny("6000.00"), Optional.empty(), REP, AT).get().state();
        Scenario.given(withOrder).when(a -> a.record("so-1", cny("7000.00"), Optional.empty(), REP, AT))
                .thenEvents(CreditEvents.CreditExposureRecorded.class);
        Scenario.given(withOrder).when(a -> a.record("so-1", cny("7000.01"), Optional.empty(), REP, AT))
                .thenRejected(CustomerRejection.CREDIT_LIMIT_EXCEEDED);
    }
}
