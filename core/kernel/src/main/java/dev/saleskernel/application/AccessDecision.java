package dev.saleskernel.application;

import java.util.Objects;

/** The host's answer to an {@link AccessRequest}. */
public sealed interface AccessDecision {

    /** The actor may do the action on the subject. */
    record Granted() implements AccessDecision {
    }

    /** The actor may not; {@code reason} is shown in the refusal (no personal data, please). */
    record Denied(String reason) implements AccessDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static AccessDecision granted() {
        return new Granted();
    }

    static AccessDecision denied(String reason) {
        return new Denied(reason);
    }
}
