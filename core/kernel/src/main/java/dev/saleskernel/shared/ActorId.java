package dev.saleskernel.shared;

/**
 * Identifies the user or system account acting; recorded on every event.
 *
 * @param value 1–200 characters from {@code [A-Za-z0-9._:@-]}
 */
public record ActorId(String value) {
    public ActorId {
        Ids.requireValid(value, "ActorId");
    }

    public static ActorId of(String value) {
        return new ActorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
