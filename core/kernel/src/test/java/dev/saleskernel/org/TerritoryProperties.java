package dev.saleskernel.org;

import static dev.saleskernel.org.Orgs.AT;
import static dev.saleskernel.org.Orgs.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.org.OrgValues.Account;
import dev.saleskernel.org.OrgValues.OverlapPolicy;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.org.OrgValues.TerritoryRules;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random territories, redefinitions and retirements: an accepted change never alters which
 * territories any account falls in on a day before its effective date, a refused one changes
 * nothing, and PRIORITY and EXCLUSIVE never return more than one territory.
 */
class TerritoryProperties {
    private static final int EXAMPLES = 1000;
    private static final String[] REGIONS = {"shanghai", "zhejiang", "jiangsu"};
    private static final String[] INDUSTRIES = {"retail", "manufacturing"};
    private static final String[] SIZES = {"smb", "enterprise"};
    private static final LocalDate BASE = LocalDate.of(2026, 1, 1);

    private static Set<String> some(Random random, String[] values) {
        Set<String> chosen = new HashSet<>();
        for (String v : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(v);
            }
        }
        return chosen;
    }

    private static TerritoryRules rules(Random random, LocalDate from) {
        Set<String> named = random.nextInt(4) == 0 ? Set.of("acct-" + random.nextInt(3)) : Set.of();
        return TerritoryRules.from(from, some(random, REGIONS), some(random, INDUSTRIES), some(random, SIZES), named);
    }

    private static List<Account> accounts() {
        List<Account> all = new java.util.ArrayList<>();
        int id = 0;
        for (String r : REGIONS) {
            for (String i : INDUSTRIES) {
                for (String s : SIZES) {
                    all.add(new Account("acct-" + (id++ % 4), r, i, s));
                }
            }
        }
        return all;
    }

    @Test
    void a_territory_change_never_alters_assignments_before_its_effective_date() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            OrgStructure org = Orgs.headOfficeAndTwoBranches();
            for (int t = 0; t < 1 + random.nextInt(4); t++) {
                Either<Rejected, Change<OrgStructure>> added = org.addTerritory(new Territory("t" + t, "t" + t, Optional.empty(),
                        random.nextInt(3), List.of(rules(random, BASE))), HR, AT);
                if (added.isRight()) {
                    org = added.get().state();
                }
            }
            for (int step = 0; step < 6; step++) {
                String id = "t" + random.nextInt(4);
                LocalDate effective = BASE.plusDays(random.nextInt(400) - 20);
                String before = org.toString();
                Either<Rejected, Change<OrgStructure>> result = random.nextInt(3) == 0
                        ? org.retireTerritory(id, effective, HR, AT)
                        : org.redefineTerritory(id, rules(random, effective), HR, AT);
                assertThat(org.toString()).as("a command never changes the state it ran on").isEqualTo(before);
                if (result.isLeft()) {
                    continue;
                }
                OrgStructure after = result.get().state();
                for (Account account : accounts()) {
                    for (LocalDate day : List.of(BASE, effective.minusDays(1), BASE.plusDays(random.nextInt(400)))) {
                        if (day.isBefore(effective)) {
                            assertThat(after.territoriesFor(account, day)).as("%s on %s", account, day)
                                    .isEqualTo(org.territoriesFor(account, day).stream()
                                            .map(t -> after.territory(t.id()).orElseThrow()).toList());
                        }
                    }
                    for (OverlapPolicy policy : List.of(OverlapPolicy.PRIORITY, OverlapPolicy.EXCLUSIVE)) {
                        after.assignTerritory(account, effective, policy).peek(chosen -> assertThat(chosen.size()).isLessThanOrEqualTo(1));
                    }
                }
                org = after;
            }
        });
    }
}
