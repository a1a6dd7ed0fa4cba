package dev.saleskernel.funnel;

import dev.saleskernel.funnel.LeadEvents.RoundRobinAdvanced;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The round-robin cursor of one team's lead assignment: the next lead goes to the member at
 * {@code next mod size} of the team as given at that moment (the team's order), then the cursor
 * moves on by one. Kept as its own small record so that the pick and the lead's assignment are
 * committed together.
 *
 * @param team   the team id (the id pattern of {@link Ids})
 * @param tenant its tenant
 * @param next   how many leads the round robin has handed out so far; never negative
 */
public record LeadRoundRobin(String team, TenantId tenant, long next) {
    public LeadRoundRobin {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(tenant, "tenant");
        if (next < 0) {
            throw new IllegalArgumentException("next is not negative, got " + next);
        }
    }

    /** A cursor that has handed out nothing yet. */
    public static LeadRoundRobin start(TenantId tenant, String team) {
        return new LeadRoundRobin(team, tenant, 0);
    }

    /**
     * Picks the next member of {@code members} and moves on. Refused with
     * {@link FunnelRejection#NO_ASSIGNEE} for an empty team and {@link SharedRejection#NOT_ALLOWED}
     * for an invalid team id.
     */
    public Either<Rejected, Change<LeadRoundRobin>> pick(List<ActorId> members, ActorId actor, Instant at) {
        String subject = "lead-round-robin:" + team;
        return Checks.start()
                .require(Ids.isValid(team), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject, "team",
                        "a team id is 1–200 characters from [A-Za-z0-9._:@-]"))
                .require(!members.isEmpty(), () -> Rejection.of(FunnelRejection.NO_ASSIGNEE, subject, "members",
                        "round robin needs at least one team member"))
                .thenRight(() -> {
                    LeadAssignment.Pick pick = LeadAssignment.roundRobin(members, next).orElseThrow();
                    return Change.of(new LeadRoundRobin(team, tenant, pick.nextCursor()),
                            new RoundRobinAdvanced(team, pick.owner(), pick.nextCursor(), actor, at));
                });
    }
}
