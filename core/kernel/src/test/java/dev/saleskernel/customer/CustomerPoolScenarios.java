package dev.saleskernel.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.testing.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerPoolScenarios {
    static final ActorId ADMIN = new ActorId("admin");
    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    static final PoolPolicy POLICY = new PoolPolicy(2, 3, 30, 90, 0, 7);

    static CustomerPool poolWith(PoolPolicy policy, String... accounts) {
        CustomerPool pool = CustomerPool.open("east", "region:east", policy);
        for (String account : accounts) {
            pool = pool.add(account, ADMIN, AT).get().state();
        }
        return pool;
    }

    static CustomerPool claimed(CustomerPool pool, String account, String rep, LocalDate day) {
        return pool.claim(account, rep, pool.holdingsOf(rep), day, ADMIN, AT).get().state();
    }

    @Test
    void a_rep_claims_an_unheld_account() {
        Scenario.given(poolWith(POLICY, "a1"))
                .when(p -> p.claim("a1", "rep-1", 0, DAY, ADMIN, AT))
                .thenEvents(PoolEvents.AccountClaimed.class);
    }

    @Test
    void a_held_account_cannot_be_claimed() {
        Scenario.given(claimed(poolWith(POLICY, "a1"), "a1", "rep-1", DAY))
                .when(p -> p.claim("a1", "rep-2", 0, DAY, ADMIN, AT))
                .thenRejected(CustomerRejection.ALREADY_HELD);
    }

    @Test
    void the_pool_cap_stops_a_claim_at_the_cap_but_not_one_below() {
        CustomerPool pool = claimed(poolWith(POLICY, "a1", "a2", "a3"), "a1", "rep-1", DAY);
        Scenario.given(pool).when(p -> p.claim("a2", "rep-1", 1, DAY, ADMIN, AT)).thenEvents(PoolEvents.AccountClaimed.class);
        Scenario.given(claimed(pool, "a2", "rep-1", DAY))
                .when(p -> p.claim("a3", "rep-1", 2, DAY, ADMIN, AT))
                .thenRejected(CustomerRejection.POOL_CAP_REACHED);
    }

    @Test
    void the_lower_cap_applies_and_both_broken_caps_are_reported() {
        CustomerPool pool = claimed(claimed(poolWith(POLICY, "a1", "a2", "a3"), "a1", "rep-1", DAY), "a2", "rep-1", DAY);
        Scenario.given(pool).when(p -> p.claim("a3", "rep-1", 3, DAY, ADMIN, AT))
                .thenRejected(CustomerRejection.POOL_CAP_REACHED, CustomerRejection.GLOBAL_CAP_REACHED);
        Scenario.given(poolWith(POLICY, "a1")).when(p -> p.claim("a1", "rep-1", 3, DAY, ADMIN, AT))
                .thenRejected(CustomerRejection.GLOBAL_CAP_REACHED);
    }

    @Test
    void an_admin_assigns_beyond_the_caps() {
        CustomerPool pool = claimed(claimed(poolWith(POLICY, "a1", "a2", "a3"), "a1", "rep-1", DAY), "a2", "rep-1", DAY);
        Scenario.given(pool).when(p -> p.assign("a3", "rep-1", DAY, ADMIN, AT)).thenEvents(PoolEvents.AccountAssigned.class);
    }

    @Test
    void a_returned_account_cannot_be_reclaimed_by_the_same_rep_during_the_cooldown() {
        CustomerPool returned = claimed(poolWith(POLICY, "a1"), "a1", "rep-1", DAY)
                .giveBack("a1", "rep-1", "no budget this year", DAY, ADMIN, AT).get().state();

        Scenario.given(returned).when(p -> p.claim("a1", "rep-1", 0, DAY.plusDays(6), ADMIN, AT))
                .thenRejected(CustomerRejection.IN_COOLDOWN);
        Scenario.given(returned).when(p -> p.claim("a1", "rep-1", 0, DAY.plusDays(7), ADMIN, AT))
                .thenEvents(PoolEvents.AccountClaimed.class);
        Scenario.given(returned).when(p -> p.claim("a1", "rep-2", 0, DAY, ADMIN, AT))
                .thenEvents(PoolEvents.AccountClaimed.class);
    }

    @Test
    void only_the_holder_returns_an_account_and_only_with_a_reason() {
        Scenario.given(claimed(poolWith(POLICY, "a1"), "a1", "rep-1", DAY))
                .when(p -> p.giveBack("a1", "rep-2", " ", DAY, ADMIN, AT))
                .thenRejected(CustomerRejection.NOT_HELD_BY_REP, dev.saleskernel.shared.SharedRejection.REQUIRED);
    }

    @Test
    void sweep_reclaims_on_the_day_follow_up_lapses_and_not_the_day_before() {
        CustomerPool pool = claimed(poolWith(POLICY, "a1"), "a1", "rep-1", DAY).recordFollowUp("a1", DAY.plusDays(10), ADMIN, AT).get().state();

        assertThat(pool.sweep(DAY.plusDays(39), ADMIN, AT).changedNothing()).isTrue();
        PoolEvents.AccountReclaimed reclaimed = (PoolEvents.AccountReclaimed) pool.sweep(DAY.plusDays(40), ADMIN, AT).events().get(0);
        assertThat(reclaimed.reasons()).isEqualTo(Set.of(ReclaimReason.NO_FOLLOW_UP));
        assertThat(reclaimed.formerOwner()).isEqualTo("rep-1");
    }

    @Test
    void sweep_reclaims_when_no_deal_was_won_for_the_period() {
        PoolPolicy dealsOnly = new PoolPolicy(2, 3, 0, 90, 0, 0);
        CustomerPool pool = claimed(poolWith(dealsOnly, "a1"), "a1", "rep-1", DAY).recordDealWon("a1", DAY.minusDays(500), ADMIN, AT).get().state();

        assertThat(pool.sweep(DAY.plusDays(89), ADMIN, AT).changedNothing()).isTrue();
        CustomerPool after = pool.sweep(DAY.plusDays(90), ADMIN, AT).state();
        assertThat(after.accounts().get("a1").owner()).isEmpty();
        assertThat(after.accounts().get("a1").cooldown()).isEmpty();
    }

    @Test
    void protection_shields_until_its_last_day_and_then_reclaims_without_a_deal() {
        PoolPolicy protecting = new PoolPolicy(2, 3, 5, 0, 15, 7);
        CustomerPool pool = claimed(poolWith(protecting, "a1", "a2"), "a1", "rep-1", DAY);
        pool = claimed(pool, "a2", "rep-1", DAY).recordDealWon("a2", DAY.plusDays(3), ADMIN, AT).get().state()
                .recordFollowUp("a2", DAY.plusDays(12), ADMIN, AT).get().state();

        assertThat(pool.accounts().get("a1").protectedUntil()).contains(DAY.plusDays(14));
        assertThat(pool.sweep(DAY.plusDays(14), ADMIN, AT).changedNothing()).isTrue();
        var change = pool.sweep(DAY.plusDays(15), ADMIN, AT);
        assertThat(change.events()).hasSize(1);
        assertThat(((PoolEvents.AccountReclaimed) change.events().get(0)).reasons())
                .containsExactlyInAnyOrder(ReclaimReason.PROTECTION_EXPIRED, ReclaimReason.NO_FOLLOW_UP);
        assertThat(pool.accounts().get("a2").protectedUntil()).isEmpty();
        assertThat(change.state().accounts().get("a1").cooldown()).contains(new PoolAccount.Cooldown("rep-1", DAY.plusDays(22)));
    }

    @Test
    void sweeping_twice_on_the_same_day_changes_nothing_the_second_time() {
        CustomerPool pool = claimed(poolWith(POLICY, "a1", "a2"), "a1", "rep-1", DAY);
        CustomerPool once = pool.sweep(DAY.plusDays(30), ADMIN, AT).state();

        var twice = once.sweep(DAY.plusDays(30), ADMIN, AT);
        assertThat(twice.changedNothing()).isTrue();
        assertThat(twice.state()).isEqualTo(once);
    }
}
