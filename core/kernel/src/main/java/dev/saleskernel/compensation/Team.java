package dev.saleskernel.compensation;

import java.util.Objects;

/**
 * A team for team-pool components.
 *
 * @param id          the team id participants name
 * @param targetMinor the team's target for the calculation period, minor units, ≥ 0; the pool is
 *                    a rate on team revenue above it
 */
public record Team(String id, long targetMinor) {
    public Team {
        Objects.requireNonNull(id, "id");
    }
}
