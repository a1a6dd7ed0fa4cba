package dev.saleskernel.customer;

import static dev.saleskernel.org.Orgs.AT;
import static dev.saleskernel.org.Orgs.HR;
import static dev.saleskernel.org.Orgs.START;
import static dev.saleskernel.org.Orgs.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.Orgs;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class HandoverScenarios {
    static final LocalDate EFFECTIVE = LocalDate.parse("2026-06-01");

    /** ann, eve and fay are reps in sh-1; max manages the Shanghai branch (sh), above sh-1. */
    public static OrgStructure org() {
        OrgStructure org = Orgs.headOfficeAndTwoBranches();
        for (String rep : List.of("eve", "fay")) {
            org = ok(org.hire(new Member(rep, rep, START, Optional.empty()), HR, AT));
            org = ok(org.assign(rep, "sh-1", Role.REP, START, Optional.empty(), HR, AT));
        }
        org = ok(org.hire(new Member("max", "max", START, Optional.empty()), HR, AT));
        return ok(org.assign("max", "sh", Role.MANAGER, START, Optional.empty(), HR, AT));
    }

    @Test
    void to_manager_finds_the_nearest_manager_up_the_lineage_for_accounts_and_deals() {
        var plan = Handover.plan("ann", Handover.Rule.TO_MANAGER, EFFECTIVE, List.of("a-2", "a-1"),
                Map.of("o-1", "a-1"), org()).get();

        assertThat(plan.accounts()).containsExactly(Map.entry("a-1", Optional.of("max")), Map.entry("a-2", Optional.of("max")));
        assertThat(plan.deals()).containsExactly(Map.entry("o-1", "max"));
    }

    @Test
    void round_robin_deals_accounts_in_id_order_to_the_other_reps_and_a_deal_follows_its_account() {
        var plan = Handover.plan("ann", Handover.Rule.ROUND_ROBIN_IN_TEAM, EFFECTIVE, List.of("a-3", "a-1", "a-2"),
                Map.of("o-1", "a-2", "o-2", "elsewhere"), org()).get();

        assertThat(plan.accounts()).containsExactly(Map.entry("a-1", Optional.of("eve")), Map.entry("a-2", Optional.of("fay")),
                Map.entry("a-3", Optional.of("eve")));
        assertThat(plan.deals()).containsExactly(Map.entry("o-1", "fay"), Map.entry("o-2", "fay"));
    }

    @Test
    void to_pool_sends_accounts_to_the_pool_and_deals_to_the_manager() {
        var plan = Handover.plan("ann", Handover.Rule.TO_POOL, EFFECTIVE, List.of("a-1"), Map.of("o-1", "a-1"), org()).get();

        assertThat(plan.accounts()).containsExactly(Map.entry("a-1", Optional.empty()));
        assertThat(plan.deals()).containsExactly(Map.entry("o-1", "max"));
    }

    @Test
    void a_rep_alone_in_a_team_without_any_manager_has_no_successor_under_either_rule() {
        OrgStructure org = Orgs.headOfficeAndTwoBranches();
        assertThat(Handover.plan("bo", Handover.Rule.ROUND_ROBIN_IN_TEAM, EFFECTIVE, List.of("a-1"), Map.of(), org)
                .getLeft().has(CustomerRejection.NO_SUCCESSOR)).isTrue();
        assertThat(Handover.plan("bo", Handover.Rule.TO_MANAGER, EFFECTIVE, List.of("a-1"), Map.of(), org)
                .getLeft().has(CustomerRejection.NO_SUCCESSOR)).isTrue();
    }

    @Test
    void the_team_is_read_on_the_effective_date_so_a_rep_who_left_the_day_before_gets_nothing() {
        OrgStructure org = ok(org().endMembership("fay", "sh-1", EFFECTIVE, HR, AT));
        var plan = Handover.plan("ann", Handover.Rule.ROUND_ROBIN_IN_TEAM, EFFECTIVE, List.of("a-1", "a-2"), Map.of(), org).get();

        assertThat(plan.accounts().values()).containsOnly(Optional.of("eve"));
    }
}
