/**
 * The in-memory {@code RecordStore} and {@code OutboxStore}: the embedded default for
 * single-process hosts and tests, and the reference the TCK compares other stores with.
 * It keeps nothing across restarts.
 */
module dev.saleskernel.store.memory {
    requires transitive dev.saleskernel.persistence.spi;

    exports dev.saleskernel.store.memory;
}
