package dev.saleskernel.compensation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant of a plan for one calculation period.
 *
 * @param id              the rep's or manager's id (as in credit lines)
 * @param annualOteMinor  annual on-target earnings (base + target incentive), minor units, ≥ 0
 * @param quotaMinor      the quota for the calculation period, minor units, &gt; 0; attainment is
 *                        credited ÷ quota
 * @param teamId          the team whose pool the participant shares, if any
 * @param poolWeight      the participant's weight in the team pool, &gt; 0 (e.g. 1 each, or FTE
 *                        in hundredths)
 * @param yearToDateMinor what each component (by id) already earned in earlier periods of the
 *                        same plan year, for plan-year caps; absent means 0
 */
public record Participant(String id, long annualOteMinor, long quotaMinor, Optional<String> teamId, long poolWeight,
                          Map<String, Long> yearToDateMinor) {
    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(teamId, "teamId");
        yearToDateMinor = Map.copyOf(yearToDateMinor);
    }

    /** A participant in no team, with nothing earned earlier in the year. */
    public static Participant of(String id, long annualOteMinor, long quotaMinor) {
        return new Participant(id, annualOteMinor, quotaMinor, Optional.empty(), 1, Map.of());
    }

    /** This participant as a member of a team with a pool weight. */
    public Participant inTeam(String team, long weight) {
        return new Participant(id, annualOteMinor, quotaMinor, Optional.of(team), weight, yearToDateMinor);
    }

    /** This participant with what a component already earned earlier in the plan year. */
    public Participant withYearToDate(String componentId, long earnedMinor) {
        java.util.Map<String, Long> more = new java.util.HashMap<>(yearToDateMinor);
        more.put(componentId, earnedMinor);
        return new Participant(id, annualOteMinor, quotaMinor, teamId, poolWeight, more);
    }

    /** What the component earned earlier in the plan year. */
    public long yearToDate(String componentId) {
        return yearToDateMinor.getOrDefault(componentId, 0L);
    }
}
