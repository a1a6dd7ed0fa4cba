package dev.saleskernel.org;

import static dev.saleskernel.org.Orgs.AT;
import static dev.saleskernel.org.Orgs.HR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reorganisations never rewrite history: every answer about a day before a change's effective date stays the same. */
class OrgStructureProperties {
    private static final List<String> TEAMS = List.of("sh-1", "sh-2", "hz-1", "hz-2", "cloud");
    private static final List<String> REPS = List.of("ann", "bo", "cai", "dan");

    private static List<String> who(OrgStructure org, String unit, LocalDate day) {
        return org.membersOn(unit, day).stream().map(m -> m.memberId() + ":" + m.role() + ":" + m.from()).toList();
    }

    @Test
    void who_was_in_which_unit_before_a_reorganisation_s_effective_date_never_changes() {
        qt().withExamples(1000).forAll(longs().all(), integers().between(1, 15)).checkAssert((seed, steps) -> {
            Random random = new Random(seed);
            OrgStructure org = Orgs.headOfficeAndTwoBranches();
            LocalDate date = LocalDate.of(2026, 1, 1);
            for (int step = 0; step < steps; step++) {
                date = date.plusDays(1 + random.nextInt(40));
                String rep = REPS.get(random.nextInt(REPS.size()));
                String team = TEAMS.get(random.nextInt(TEAMS.size()));
                Either<Rejected, Change<OrgStructure>> result = switch (random.nextInt(4)) {
                    case 0 -> org.moveUnit(team, random.nextBoolean() ? "sh" : "hz", date, HR, AT);
                    case 1 -> org.endMembership(rep, team, date, HR, AT);
                    case 2 -> org.leave(rep, date, HR, AT);
                    default -> org.assign(rep, team, Role.REP, date, Optional.empty(), HR, AT);
                };
                if (result.isLeft()) {
                    continue;
                }
                OrgStructure after = result.get().state();
                for (LocalDate day = LocalDate.of(2025, 12, 1); day.isBefore(date); day = day.plusDays(11)) {
                    for (String unit : TEAMS) {
                        assertThat(who(after, unit, day)).isEqualTo(who(org, unit, day));
                        assertThat(after.lineageOn(unit, day)).isEqualTo(org.lineageOn(unit, day));
                    }
                }
                org = after;
            }
        });
    }
}
