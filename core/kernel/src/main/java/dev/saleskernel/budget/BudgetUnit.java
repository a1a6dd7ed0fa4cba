package dev.saleskernel.budget;

import java.util.Objects;
import java.util.Optional;

/**
 * An org unit of a budget's tree (a copy of the relevant part of the
 * {@link dev.saleskernel.org.OrgStructure} at preparation time, so that the budget's roll-ups do
 * not move when the organisation changes later). Only leaf units hold lines; parents roll up.
 *
 * @param id       the org unit id (no '/', it is part of a line id)
 * @param parentId the parent unit; empty for the root
 * @param name     for people
 */
public record BudgetUnit(String id, Optional<String> parentId, String name) {
    public BudgetUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(name, "name");
    }

    public static BudgetUnit root(String id, String name) {
        return new BudgetUnit(id, Optional.empty(), name);
    }

    public static BudgetUnit child(String id, String parentId, String name) {
        return new BudgetUnit(id, Optional.of(parentId), name);
    }
}
