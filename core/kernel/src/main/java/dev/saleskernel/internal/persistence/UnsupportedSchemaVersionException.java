package dev.saleskernel.internal.persistence;

/**
 * A stored document was written by a newer version of Sales Kernel than the one reading it.
 * Reading it would silently drop what the newer version wrote, so it is refused: upgrade
 * before reading.
 */
public final class UnsupportedSchemaVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedSchemaVersionException(String recordType, int stored, int supported) {
        super(recordType + " record has schema version " + stored + ", newer than the supported " + supported
                + "; upgrade Sales Kernel before reading it");
    }
}
