package dev.saleskernel.persistence.spi;

/**
 * The only exception a store throws for its own failure: the backend could not be reached or a
 * statement failed. The cause MUST be attached. When a commit fails this way, none of its writes
 * or messages may become visible (<b>RS-4.4</b>); the caller may retry the same commit id.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
