package dev.saleskernel.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.testing.Scenario;
import dev.saleskernel.period.FiscalYearNaming;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Month;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class TenantSettingsScenarios {
    static final TenantId ACME = TenantId.of("acme");
    static final ActorId ALICE = ActorId.of("alice");
    static final ActorId BOB = ActorId.of("bob");
    static final Instant MONDAY = Instant.parse("2026-04-06T09:00:00Z");
    static final Instant TUESDAY = Instant.parse("2026-04-07T09:00:00Z");
    static final SettingsValues CNY_APRIL = new SettingsValues("Acme Sales", Currency.getInstance("CNY"), Month.APRIL, FiscalYearNaming.END_YEAR,
            RoundingMode.HALF_EVEN);
    static final SettingsValues CNY_JANUARY = new SettingsValues("Acme Sales", Currency.getInstance("CNY"), Month.JANUARY, FiscalYearNaming.END_YEAR,
            RoundingMode.HALF_EVEN);

    static TenantSettings configured() {
        return TenantSettings.configure(ACME, CNY_APRIL, ALICE, MONDAY).get().state();
    }

    static TenantSettings withPendingChangeByAlice() {
        return configured().proposeChange(CNY_JANUARY, "align with group reporting", ALICE, MONDAY).get().state();
    }

    @Test
    void configuring_a_tenant_records_who_did_it_and_when() {
        Change<TenantSettings> change = Scenario.Outcome.of(TenantSettings.configure(ACME, CNY_APRIL, ALICE, MONDAY))
                .thenEvents(TenantEvents.TenantConfigured.class);

        TenantEvents.TenantConfigured event = (TenantEvents.TenantConfigured) change.events().get(0);
        assertThat(event.actor()).isEqualTo(ALICE);
        assertThat(event.occurredAt()).isEqualTo(MONDAY);
        assertThat(change.state().values()).isEqualTo(CNY_APRIL);
        assertThat(change.state().effectiveSince()).isEqualTo(MONDAY);
    }

    @Test
    void configuring_with_bad_values_names_every_reason_with_its_field() {
        SettingsValues bad = new SettingsValues(" ", Currency.getInstance("CNY"), Month.APRIL, FiscalYearNaming.END_YEAR, RoundingMode.UNNECESSARY);

        var rejected = Scenario.Outcome.of(TenantSettings.configure(ACME, bad, ALICE, MONDAY))
                .thenRejected(SharedRejection.REQUIRED, SharedRejection.NOT_ALLOWED);

        assertThat(rejected.reasons()).extracting(Rejection::field).containsExactly("displayName", "roundingMode");
        assertThat(rejected.reasons()).extracting(Rejection::subject).containsOnly("tenant-settings:acme");
    }

    @Test
    void a_display_name_over_the_limit_is_refused_with_its_length_as_evidence() {
        SettingsValues longName = new SettingsValues("x".repeat(SettingsValues.MAX_NAME_LENGTH + 1),
                Currency.getInstance("CNY"), Month.APRIL, FiscalYearNaming.END_YEAR, RoundingMode.HALF_EVEN);

        var rejected = Scenario.Outcome.of(TenantSettings.configure(ACME, longName, ALICE, MONDAY))
                .thenRejected(SharedRejection.TOO_LONG);

        assertThat(rejected.reasons().get(0).evidence()).containsEntry("length", "201");
    }

    @Test
    void a_proposed_change_does_not_take_effect_before_approval() {
        Change<TenantSettings> change = Scenario.given(configured())
                .when(s -> s.proposeChange(CNY_JANUARY, "align with group reporting", ALICE, TUESDAY))
                .thenEvents(TenantEvents.SettingsChangeProposed.class);

        assertThat(change.state().values()).isEqualTo(CNY_APRIL);
        assertThat(change.state().pendingChange()).hasValueSatisfying(p -> {
            assertThat(p.proposal()).isEqualTo(CNY_JANUARY);
            assertThat(p.proposedBy()).isEqualTo(ALICE);
        });
    }

    @Test
    void the_proposer_cannot_approve_their_own_change() {
        var rejected = Scenario.given(withPendingChangeByAlice())
                .when(s -> s.approveChange(ALICE, TUESDAY))
                .thenRejected(SharedRejection.PROPOSER_CANNOT_APPROVE);

        assertThat(rejected.reasons().get(0).evidence()).containsEntry("proposedBy", "alice").containsEntry("approver", "alice");
    }

    @Test
    void another_actor_approving_puts_the_change_in_force() {
        Change<TenantSettings> change = Scenario.given(withPendingChangeByAlice())
                .when(s -> s.approveChange(BOB, TUESDAY))
                .thenEvents(TenantEvents.SettingsChangeApproved.class);

        assertThat(change.state().values()).isEqualTo(CNY_JANUARY);
        assertThat(change.state().pendingChange()).isEmpty();
        assertThat(change.state().effectiveSince()).isEqualTo(TUESDAY);
        var approved = (TenantEvents.SettingsChangeApproved) change.events().get(0);
        assertThat(approved.proposedBy()).isEqualTo(ALICE);
        assertThat(approved.actor()).isEqualTo(BOB);
        assertThat(approved.previous()).isEqualTo(CNY_APRIL);
    }

    @Test
    void a_second_proposal_while_one_is_pending_is_refused() {
        Scenario.given(withPendingChangeByAlice())
                .when(s -> s.proposeChange(new SettingsValues("Acme Global", Currency.getInstance("USD"), Month.JULY, FiscalYearNaming.END_YEAR,
                        RoundingMode.HALF_UP), "another idea", BOB, TUESDAY))
                .thenRejected(SharedRejection.CHANGE_ALREADY_PENDING);
    }

    @Test
    void a_proposal_that_changes_nothing_and_has_no_reason_is_refused_for_both() {
        Scenario.given(configured())
                .when(s -> s.proposeChange(CNY_APRIL, "  ", ALICE, TUESDAY))
                .thenRejected(SharedRejection.NOT_ALLOWED, SharedRejection.REQUIRED);
    }

    @Test
    void approving_or_rejecting_with_nothing_pending_is_refused() {
        Scenario.given(configured()).when(s -> s.approveChange(BOB, TUESDAY)).thenRejected(SharedRejection.NOTHING_PENDING);
        Scenario.given(configured()).when(s -> s.rejectChange("no", BOB, TUESDAY)).thenRejected(SharedRejection.NOTHING_PENDING);
    }

    @Test
    void rejecting_a_change_keeps_the_values_in_force() {
        Change<TenantSettings> change = Scenario.given(withPendingChangeByAlice())
                .when(s -> s.rejectChange("group reporting stays on April", BOB, TUESDAY))
                .thenEvents(TenantEvents.SettingsChangeRejected.class);

        assertThat(change.state().values()).isEqualTo(CNY_APRIL);
        assertThat(change.state().pendingChange()).isEmpty();
        assertThat(change.state().effectiveSince()).isEqualTo(MONDAY);
    }
}
