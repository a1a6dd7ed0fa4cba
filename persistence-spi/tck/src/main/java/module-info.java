/**
 * The storage contract test kit: extend {@code RecordStoreContract} in an adapter's tests and
 * every clause of the storage SPI runs against the adapter. Open so that JUnit can reach the
 * inherited test methods on the module path.
 */
open module dev.saleskernel.persistence.tck {
    requires transitive dev.saleskernel.persistence.spi;
    requires transitive org.junit.jupiter.api;
    requires dev.saleskernel.store.memory;
    requires org.assertj.core;
    // QuickTheories 0.26 declares no Automatic-Module-Name; this is its file-derived automatic name.
    requires quicktheories;

    exports dev.saleskernel.persistence.tck;
}
