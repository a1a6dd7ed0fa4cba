package dev.saleskernel.org;

import static dev.saleskernel.org.Orgs.AT;
import static dev.saleskernel.org.Orgs.HR;
import static dev.saleskernel.org.Orgs.START;
import static dev.saleskernel.org.Orgs.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.org.OrgValues.Account;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.testing.Scenario;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrgStructureScenarios {
    private final OrgStructure org = Orgs.headOfficeAndTwoBranches();

    @Test
    void a_rep_moving_teams_mid_quarter_is_in_the_old_team_before_and_the_new_team_after() {
        LocalDate move = LocalDate.of(2026, 2, 15);
        OrgStructure moved = ok(ok(org.endMembership("ann", "sh-1", move, HR, AT))
                .assign("ann", "hz-1", Role.REP, move, Optional.empty(), HR, AT));

        assertThat(moved.membersOn("sh-1", move.minusDays(1))).extracting(Membership::memberId).containsExactly("ann");
        assertThat(moved.membersOn("sh-1", move)).isEmpty();
        assertThat(moved.membersOn("hz-1", move)).extracting(Membership::memberId).containsExactly("cai", "ann");
        assertThat(moved.membersOn("hz-1", move.minusDays(1))).extracting(Membership::memberId).containsExactly("cai");
    }

    @Test
    void a_matrix_rep_belongs_to_a_region_team_and_a_product_line_at_once() {
        OrgStructure matrix = ok(org.assign("ann", "cloud", Role.REP, LocalDate.of(2026, 1, 1), Optional.empty(), HR, AT));

        assertThat(matrix.unitsOf("ann", LocalDate.of(2026, 3, 1))).extracting(Membership::unitId).containsExactly("sh-1", "cloud");
        assertThat(matrix.unitsOf("ann", LocalDate.of(2025, 12, 31))).extracting(Membership::unitId).containsExactly("sh-1");
    }

    @Test
    void a_reorganisation_is_effective_dated_and_the_old_lineage_stays_answerable() {
        OrgStructure reorganised = ok(org.moveUnit("sh-2", "hz", LocalDate.of(2026, 7, 1), HR, AT));

        assertThat(reorganised.lineageOn("sh-2", LocalDate.of(2026, 6, 30))).containsExactly("sh-2", "sh", "hq");
        assertThat(reorganised.lineageOn("sh-2", LocalDate.of(2026, 7, 1))).containsExactly("sh-2", "hz", "hq");
        Scenario.given(reorganised).when(o -> o.moveUnit("sh-2", "sh", LocalDate.of(2026, 6, 1), HR, AT))
                .thenRejected(OrgRejection.BEFORE_HISTORY);
        Scenario.given(org).when(o -> o.moveUnit("hq", "sh-1", LocalDate.of(2026, 6, 1), HR, AT))
                .thenRejected(OrgRejection.CYCLE);
    }

    @Test
    void overlapping_memberships_in_one_unit_and_memberships_outside_employment_are_refused_with_every_reason() {
        OrgStructure withLeaver = ok(org.hire(new Member("eve", "eve", LocalDate.of(2026, 3, 1), Optional.of(LocalDate.of(2026, 9, 1))), HR, AT));

        Scenario.given(withLeaver).when(o -> o.assign("ann", "sh-1", Role.MANAGER, LocalDate.of(2026, 1, 1), Optional.empty(), HR, AT))
                .thenRejected(OrgRejection.MEMBERSHIP_OVERLAPS);
        Scenario.given(withLeaver).when(o -> o.assign("eve", "sh-1", Role.REP, LocalDate.of(2026, 2, 1), Optional.empty(), HR, AT))
                .thenRejected(OrgRejection.OUTSIDE_EMPLOYMENT);
        Scenario.given(withLeaver).when(o -> o.assign("nobody", "nowhere", Role.REP, START, Optional.of(START), HR, AT))
                .thenRejected(OrgRejection.UNKNOWN_MEMBER, OrgRejection.UNKNOWN_UNIT, OrgRejection.EMPTY_RANGE);
    }

    @Test
    void a_leaver_s_open_memberships_end_on_the_leaving_date_and_stay_on_record() {
        OrgStructure left = ok(org.leave("bo", LocalDate.of(2026, 5, 1), HR, AT));

        assertThat(left.membersOn("sh-2", LocalDate.of(2026, 4, 30))).extracting(Membership::memberId).containsExactly("bo");
        assertThat(left.membersOn("sh-2", LocalDate.of(2026, 5, 1))).isEmpty();
        assertThat(left.member("bo").orElseThrow().left()).contains(LocalDate.of(2026, 5, 1));
    }

    @Test
    void territories_assign_named_accounts_first_then_by_geography_and_industry_rules() {
        OrgStructure withTerritories = ok(ok(org.addTerritory(new Territory("east-mfg", "East manufacturing",
                        Set.of("shanghai", "zhejiang"), Set.of("manufacturing"), Set.of()), HR, AT))
                .addTerritory(new Territory("key-accounts", "Key accounts", Set.of(), Set.of(), Set.of("acct-geely")), HR, AT));

        assertThat(withTerritories.territoriesFor(new Account("acct-1", "zhejiang", "manufacturing")))
                .extracting(Territory::id).containsExactly("east-mfg");
        assertThat(withTerritories.territoriesFor(new Account("acct-geely", "zhejiang", "manufacturing")))
                .extracting(Territory::id).containsExactly("key-accounts");
        assertThat(withTerritories.territoriesFor(new Account("acct-2", "beijing", "manufacturing"))).isEmpty();
    }
}
