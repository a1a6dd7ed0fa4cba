package dev.saleskernel.shared;

/**
 * A stable, machine-readable reason for refusing a command. Each bounded context declares one
 * enum of codes; {@link #code()} is {@code context/NAME}, e.g. {@code money/AMOUNT_TOO_LARGE},
 * and never changes once released.
 */
public interface RejectionCode {
    /** The bounded context that owns the code, e.g. {@code "money"}. */
    String context();

    /** The enum constant's name. */
    String name();

    /** The stable code, {@code context() + "/" + name()}. */
    default String code() {
        return context() + "/" + name();
    }
}
