package dev.saleskernel.shared;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A refusal carrying every reason at once, never only the first. A refused command changes
 * nothing.
 *
 * @param reasons at least one reason, in the order the rules were checked
 */
public record Rejected(List<Rejection> reasons) {
    public Rejected {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal has at least one reason");
        }
    }

    public static Rejected of(Rejection first, Rejection... more) {
        java.util.ArrayList<Rejection> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        return new Rejected(all);
    }

    public static Rejected of(Seq<Rejection> reasons) {
        return new Rejected(reasons.asJava());
    }

    /** Turns an accumulating validation into the aggregate-boundary form. */
    public static <T> io.vavr.control.Either<Rejected, T> toEither(Validation<Seq<Rejection>, T> validation) {
        return validation.toEither().mapLeft(Rejected::of);
    }

    /** The stable codes of every reason, in order. */
    public List<String> codes() {
        return reasons.stream().map(r -> r.code().code()).collect(Collectors.toList());
    }

    /** Whether any reason has this code. */
    public boolean has(RejectionCode code) {
        return reasons.stream().anyMatch(r -> r.code().code().equals(code.code()));
    }

    @Override
    public String toString() {
        return "Rejected" + reasons;
    }
}
