package dev.saleskernel.internal.persistence;

/** A stored document could not be read back into its aggregate: the storage holds something the codec never wrote. */
public final class CorruptRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }
}
