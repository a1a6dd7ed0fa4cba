package dev.saleskernel.funnel;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the mover gives during a move: the checklist items of the target stage they confirm and
 * the inputs the transition asks for.
 */
public record MoveInput(Set<String> confirmed, Map<String, String> inputs) {
    public static final MoveInput NONE = new MoveInput(Set.of(), Map.of());

    public MoveInput {
        confirmed = Set.copyOf(Objects.requireNonNull(confirmed, "confirmed"));
        inputs = Map.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }

    public static MoveInput confirming(String... items) {
        return new MoveInput(Set.of(items), Map.of());
    }
}
