/**
 * Sales Kernel core: the pure sales-management domain, its use cases and the facade.
 * Exports API packages only; {@code dev.saleskernel.internal.*} stays hidden.
 */
module dev.saleskernel.core {
    requires transitive io.vavr;
    requires transitive dev.saleskernel.persistence.spi;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static org.immutables.value.annotations;

    exports dev.saleskernel.shared;
    exports dev.saleskernel.money;
    exports dev.saleskernel.period;
}
