package dev.saleskernel.org;

import static dev.saleskernel.org.Orgs.AT;
import static dev.saleskernel.org.Orgs.HR;
import static dev.saleskernel.org.Orgs.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.org.OrgValues.Account;
import dev.saleskernel.org.OrgValues.OverlapPolicy;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.org.OrgValues.TerritoryRules;
import dev.saleskernel.testing.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TerritoryScenarios {
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate JUL = LocalDate.of(2026, 7, 1);
    private final OrgStructure org = Orgs.headOfficeAndTwoBranches();

    static Territory territory(String id, int priority, Set<String> regions, Set<String> industries, Set<String> sizes,
                               Set<String> named) {
        return new Territory(id, id, Optional.empty(), priority, List.of(TerritoryRules.from(JAN, regions, industries, sizes, named)));
    }

    private OrgStructure withEastAndManufacturing() {
        return ok(ok(org.addTerritory(territory("east", 2, Set.of("shanghai", "zhejiang"), Set.of(), Set.of(), Set.of()), HR, AT))
                .addTerritory(territory("mfg-enterprise", 1, Set.of(), Set.of("manufacturing"), Set.of("enterprise"), Set.of()),
                        HR, AT));
    }

    @Test
    void a_size_rule_matches_only_accounts_of_that_size_segment() {
        OrgStructure o = withEastAndManufacturing();

        assertThat(o.territoriesFor(new Account("a", "beijing", "manufacturing", "enterprise"), JAN))
                .extracting(Territory::id).containsExactly("mfg-enterprise");
        assertThat(o.territoriesFor(new Account("a", "beijing", "manufacturing", "smb"), JAN)).isEmpty();
    }

    @Test
    void every_criterion_of_a_rule_must_hold_region_and_industry_and_size() {
        OrgStructure o = ok(org.addTerritory(territory("t", 0, Set.of("shanghai"), Set.of("retail"), Set.of("smb"), Set.of()), HR, AT));

        assertThat(o.territoriesFor(new Account("a", "shanghai", "retail", "smb"), JAN)).hasSize(1);
        assertThat(o.territoriesFor(new Account("a", "shanghai", "retail", "enterprise"), JAN)).isEmpty();
        assertThat(o.territoriesFor(new Account("a", "shanghai", "finance", "smb"), JAN)).isEmpty();
        assertThat(o.territoriesFor(new Account("a", "beijing", "retail", "smb"), JAN)).isEmpty();
    }

    @Test
    void a_named_account_goes_to_the_territory_naming_it_even_when_rules_of_others_match() {
        OrgStructure o = ok(withEastAndManufacturing().addTerritory(territory("key", 9, Set.of(), Set.of(), Set.of(),
                Set.of("acct-geely")), HR, AT));

        assertThat(o.assignTerritory(new Account("acct-geely", "zhejiang", "manufacturing", "enterprise"), JAN,
                OverlapPolicy.EXCLUSIVE).get()).extracting(Territory::id).containsExactly("key");
    }

    @Test
    void an_account_matching_two_territories_gets_both_under_all_the_top_priority_under_priority_and_a_refusal_under_exclusive() {
        OrgStructure o = withEastAndManufacturing();
        Account both = new Account("a", "zhejiang", "manufacturing", "enterprise");

        assertThat(o.assignTerritory(both, JAN, OverlapPolicy.ALL).get()).extracting(Territory::id)
                .containsExactly("east", "mfg-enterprise");
        assertThat(o.assignTerritory(both, JAN, OverlapPolicy.PRIORITY).get()).extracting(Territory::id)
                .containsExactly("mfg-enterprise");
        assertThat(o.assignTerritory(both, JAN, OverlapPolicy.EXCLUSIVE).getLeft().codes())
                .containsExactly(OrgRejection.TERRITORY_OVERLAP.code());
    }

    @Test
    void a_tie_at_the_top_priority_is_refused_rather_than_broken_silently() {
        OrgStructure o = ok(ok(org.addTerritory(territory("a", 1, Set.of("shanghai"), Set.of(), Set.of(), Set.of()), HR, AT))
                .addTerritory(territory("b", 1, Set.of(), Set.of("retail"), Set.of(), Set.of()), HR, AT));

        var refused = o.assignTerritory(new Account("x", "shanghai", "retail"), JAN, OverlapPolicy.PRIORITY);

        assertThat(refused.getLeft().codes()).containsExactly(OrgRejection.TERRITORY_OVERLAP.code());
        assertThat(refused.getLeft().reasons().get(0).evidence().get("territories")).isEqualTo("[a, b]");
    }

    @Test
    void an_account_matching_nothing_is_unassigned_not_refused() {
        assertThat(withEastAndManufacturing().assignTerritory(new Account("a", "tibet", "mining"), JAN, OverlapPolicy.EXCLUSIVE)
                .get()).isEmpty();
    }

    @Test
    void redefined_rules_apply_from_their_date_and_earlier_dates_keep_the_old_assignment() {
        OrgStructure o = withEastAndManufacturing();
        Account zhejiang = new Account("a", "zhejiang", "retail");

        OrgStructure redefined = Scenario.given(o).when(x -> x.redefineTerritory("east", TerritoryRules.from(JUL,
                Set.of("shanghai"), Set.of(), Set.of(), Set.of()), HR, AT)).thenEvents(OrgEvents.TerritoryRedefined.class).state();

        assertThat(redefined.territoriesFor(zhejiang, JUL.minusDays(1))).extracting(Territory::id).containsExactly("east");
        assertThat(redefined.territoriesFor(zhejiang, JUL)).isEmpty();
        assertThat(redefined.territory("east").orElseThrow().rules()).hasSize(2);
    }

    @Test
    void a_retired_territory_covers_nothing_from_its_retirement_and_cannot_change_any_more() {
        OrgStructure retired = ok(withEastAndManufacturing().retireTerritory("east", JUL, HR, AT));
        Account zhejiang = new Account("a", "zhejiang", "retail");

        assertThat(retired.territoriesFor(zhejiang, JUL.minusDays(1))).extracting(Territory::id).containsExactly("east");
        assertThat(retired.territoriesFor(zhejiang, JUL)).isEmpty();
        assertThat(retired.territoriesFor(zhejiang)).isEmpty();
        Scenario.given(retired).when(o -> o.retireTerritory("east", JUL.plusDays(1), HR, AT)).thenRejected(OrgRejection.RETIRED);
        Scenario.given(retired).when(o -> o.redefineTerritory("east", TerritoryRules.from(JUL.plusDays(1), Set.of("x"), Set.of(),
                Set.of(), Set.of()), HR, AT)).thenRejected(OrgRejection.RETIRED);
    }

    @Test
    void a_territory_with_an_unknown_owner_no_criteria_a_blank_name_and_a_taken_id_is_refused_with_every_reason() {
        OrgStructure o = withEastAndManufacturing();
        Territory bad = new Territory("east", " ", Optional.of("nowhere"), 0,
                List.of(TerritoryRules.from(JAN, Set.of(), Set.of(), Set.of(), Set.of())));

        Scenario.given(o).when(x -> x.addTerritory(bad, HR, AT)).thenRejected(OrgRejection.DUPLICATE_ID,
                OrgRejection.NAME_INVALID, OrgRejection.UNKNOWN_UNIT, OrgRejection.TERRITORY_RULES_EMPTY);
    }

    @Test
    void rules_versions_that_overlap_in_time_are_refused() {
        Territory overlapping = new Territory("t", "t", Optional.empty(), 0, List.of(
                TerritoryRules.from(JAN, Set.of("a"), Set.of(), Set.of(), Set.of()),
                TerritoryRules.from(JUL, Set.of("b"), Set.of(), Set.of(), Set.of())));

        Scenario.given(org).when(x -> x.addTerritory(overlapping, HR, AT)).thenRejected(OrgRejection.BEFORE_HISTORY);
    }

    @Test
    void a_redefinition_dated_on_or_before_the_current_rules_and_one_for_an_unknown_territory_are_refused() {
        OrgStructure o = withEastAndManufacturing();
        TerritoryRules sameDay = TerritoryRules.from(JAN, Set.of("x"), Set.of(), Set.of(), Set.of());

        Scenario.given(o).when(x -> x.redefineTerritory("east", sameDay, HR, AT)).thenRejected(OrgRejection.BEFORE_HISTORY);
        Scenario.given(o).when(x -> x.redefineTerritory("nope", TerritoryRules.from(JUL, Set.of(), Set.of(), Set.of(), Set.of()),
                HR, AT)).thenRejected(OrgRejection.UNKNOWN_TERRITORY, OrgRejection.TERRITORY_RULES_EMPTY);
    }
}
