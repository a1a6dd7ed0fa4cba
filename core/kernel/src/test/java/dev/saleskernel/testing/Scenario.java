package dev.saleskernel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.RejectionCode;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Given/when/then for immutable aggregates: {@code Scenario.given(state).when(s -> s.command(..))}
 * then either {@code .thenEvents(..)} or {@code .thenRejected(CODES...)}. It also checks the
 * given state is unchanged by the command, refused or not.
 */
public final class Scenario<A> {
    private final A given;
    private final String givenText;

    private Scenario(A given) {
        this.given = given;
        this.givenText = String.valueOf(given);
    }

    public static <A> Scenario<A> given(A state) {
        return new Scenario<>(state);
    }

    public Outcome<A> when(Function<A, Either<Rejected, Change<A>>> command) {
        Either<Rejected, Change<A>> result = command.apply(given);
        assertThat(String.valueOf(given)).as("the given state is immutable").isEqualTo(givenText);
        return new Outcome<>(result);
    }

    /** What the command returned. */
    public static final class Outcome<A> {
        private final Either<Rejected, Change<A>> result;

        Outcome(Either<Rejected, Change<A>> result) {
            this.result = result;
        }

        public static <A> Outcome<A> of(Either<Rejected, Change<A>> result) {
            return new Outcome<>(result);
        }

        public Change<A> thenAccepted() {
            assertThat(result.isRight()).as("accepted, but was %s", result.isLeft() ? result.getLeft() : "").isTrue();
            return result.get();
        }

        public Change<A> thenEvents(Class<?>... eventTypes) {
            Change<A> change = thenAccepted();
            assertThat(change.events().stream().map(Object::getClass).toList()).containsExactly(eventTypes);
            return change;
        }

        public <E extends DomainEvent> E thenSingleEvent(Class<E> type) {
            Change<A> change = thenEvents(type);
            return type.cast(change.events().get(0));
        }

        public Rejected thenRejected(RejectionCode... codes) {
            assertThat(result.isLeft()).as("rejected, but was accepted: %s", result.isRight() ? result.get() : "").isTrue();
            List<String> expected = Arrays.stream(codes).map(RejectionCode::code).toList();
            assertThat(result.getLeft().codes()).containsExactlyInAnyOrderElementsOf(expected);
            return result.getLeft();
        }
    }
}
