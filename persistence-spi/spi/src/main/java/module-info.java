/**
 * The storage SPI of Sales Kernel: one generic versioned record store plus an outbox.
 * JDK types only; a host implements it once and every aggregate is stored through it.
 */
module dev.saleskernel.persistence.spi {
    exports dev.saleskernel.persistence.spi;
}
