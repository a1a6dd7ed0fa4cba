package dev.saleskernel.funnel;

import dev.saleskernel.shared.ActorId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assignment rules for leads: pure functions; the caller keeps the round-robin cursor. */
public final class LeadAssignment {
    private LeadAssignment() {
    }

    /** The next owner in a round robin: the member at {@code cursor mod size}, and the cursor to keep. */
    public record Pick(ActorId owner, long nextCursor) {
    }

    /** Round robin within a team, in the team's order. Empty for an empty team. */
    public static Optional<Pick> roundRobin(List<ActorId> team, long cursor) {
        if (team.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pick(team.get((int) Math.floorMod(cursor, (long) team.size())), cursor + 1));
    }

    /**
     * The assignment rules of a tenant's leads: a lead whose territory has an owner goes to that
     * owner; any other lead goes round robin within {@code team}'s {@code members}, in their order.
     *
     * @param ownerByTerritory the owner of each territory
     * @param team             the id of the round-robin team (its cursor is stored under this id)
     * @param members          the team's members, in round-robin order
     */
    public record Rules(Map<String, ActorId> ownerByTerritory, String team, List<ActorId> members) {
        public Rules {
            ownerByTerritory = Map.copyOf(ownerByTerritory);
            java.util.Objects.requireNonNull(team, "team");
            members = List.copyOf(members);
        }
    }

    /** The owner of the lead's territory, if the territory has one. */
    public static Optional<ActorId> byTerritory(Lead lead, Map<String, ActorId> ownerByTerritory) {
        return Optional.ofNullable(ownerByTerritory.get(lead.territory()));
    }
}
