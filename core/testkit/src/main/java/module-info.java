/**
 * Generators and ready-made properties for hosts that property-test their own compensation plans
 * with QuickTheories.
 */
module dev.saleskernel.testkit {
    requires transitive dev.saleskernel.core;
    // QuickTheories 0.26 declares no Automatic-Module-Name; this is its file-derived automatic name.
    requires transitive quicktheories;

    exports dev.saleskernel.testkit;
}
