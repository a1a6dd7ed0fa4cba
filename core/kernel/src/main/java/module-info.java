/**
 * Sales Kernel core: the pure sales-management domain, its use cases and the facade.
 * Exports API packages only; {@code dev.saleskernel.internal.*} stays hidden.
 */
module dev.saleskernel.core {
    requires transitive io.vavr;
    requires transitive dev.saleskernel.persistence.spi;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    requires static org.immutables.value.annotations;

    exports dev.saleskernel.shared;
    exports dev.saleskernel.money;
    exports dev.saleskernel.period;
    exports dev.saleskernel.tenant;
    exports dev.saleskernel.funnel;
    exports dev.saleskernel.funnel.analytics;
    exports dev.saleskernel.org;
    exports dev.saleskernel.target;
    exports dev.saleskernel.customer;
    exports dev.saleskernel.risk;
    exports dev.saleskernel.compensation;
    exports dev.saleskernel.compensation.settlement;
    exports dev.saleskernel.budget;
    exports dev.saleskernel.kpi;
    exports dev.saleskernel.forecast;
    exports dev.saleskernel.application;

    opens dev.saleskernel.internal.persistence to com.fasterxml.jackson.databind;
}
