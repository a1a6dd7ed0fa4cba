package dev.saleskernel.funnel;

import java.util.List;
import java.util.Objects;

/**
 * A stage's operating norms (操作规范), all checked before an opportunity may enter the stage.
 *
 * @param requiredFields     fields that must be filled (names of {@link OpportunityField})
 * @param requiredActivities activity types (e.g. {@code visit}, {@code demo}) of which at least one
 *                           completed activity must be linked to the opportunity
 * @param checklist          items the mover must confirm in the move command itself
 */
public record EntryCriteria(List<String> requiredFields, List<String> requiredActivities, List<String> checklist) {
    public static final EntryCriteria NONE = new EntryCriteria(List.of(), List.of(), List.of());

    public EntryCriteria {
        requiredFields = List.copyOf(Objects.requireNonNull(requiredFields, "requiredFields"));
        requiredActivities = List.copyOf(Objects.requireNonNull(requiredActivities, "requiredActivities"));
        checklist = List.copyOf(Objects.requireNonNull(checklist, "checklist"));
    }
}
