package dev.saleskernel.shared;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.function.Supplier;

/**
 * Accumulates every broken rule of one command or input, so that a refusal names all of its
 * reasons at once. Immutable: each call returns a new instance.
 *
 * <pre>{@code
 * Checks.start()
 *     .require(name != null && !name.isBlank(), () -> Rejection.of(NAME_MISSING, subject, "name", "a name is required"))
 *     .require(scale <= 4, () -> ...)
 *     .thenValid(() -> new Thing(name, scale));
 * }</pre>
 */
public final class Checks {
    private static final Checks NONE = new Checks(List.empty());

    private final List<Rejection> reasons;

    private Checks(List<Rejection> reasons) {
        this.reasons = reasons;
    }

    /** No reasons yet. */
    public static Checks start() {
        return NONE;
    }

    /** Adds the reason when {@code rule} does not hold. */
    public Checks require(boolean rule, Supplier<Rejection> reasonIfBroken) {
        return rule ? this : new Checks(reasons.append(reasonIfBroken.get()));
    }

    /** Adds the reasons of another validation, if it failed. */
    public Checks include(Validation<? extends Seq<Rejection>, ?> other) {
        return other.isValid() ? this : new Checks(reasons.appendAll(other.getError()));
    }

    /** Adds a reason unconditionally. */
    public Checks refuse(Rejection reason) {
        return new Checks(reasons.append(reason));
    }

    public boolean passed() {
        return reasons.isEmpty();
    }

    public Seq<Rejection> reasons() {
        return reasons;
    }

    /** Valid with the value built by {@code onSuccess} (only called when every rule held), or every reason. */
    public <T> Validation<Seq<Rejection>, T> thenValid(Supplier<T> onSuccess) {
        return reasons.isEmpty() ? Validation.valid(onSuccess.get()) : Validation.invalid(reasons);
    }

    /** Right with the value built by {@code onSuccess}, or a {@link Rejected} with every reason. */
    public <T> io.vavr.control.Either<Rejected, T> thenRight(Supplier<T> onSuccess) {
        return reasons.isEmpty() ? io.vavr.control.Either.right(onSuccess.get()) : io.vavr.control.Either.left(Rejected.of(reasons));
    }
}
