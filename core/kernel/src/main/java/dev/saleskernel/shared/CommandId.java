package dev.saleskernel.shared;

/**
 * Identifies the idempotency key of a command: the same id twice does nothing the second time.
 *
 * @param value 1–200 characters from {@code [A-Za-z0-9._:@-]}
 */
public record CommandId(String value) {
    public CommandId {
        Ids.requireValid(value, "CommandId");
    }

    public static CommandId of(String value) {
        return new CommandId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
