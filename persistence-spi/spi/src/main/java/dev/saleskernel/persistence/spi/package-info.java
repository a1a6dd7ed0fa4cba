/**
 * The storage SPI: {@link dev.saleskernel.persistence.spi.RecordStore} and
 * {@link dev.saleskernel.persistence.spi.OutboxStore}.
 *
 * <p>This Javadoc is normative. MUST, MUST NOT and MAY are used as in RFC 2119. Each rule
 * names the clause of the contract test kit ({@code sales-kernel-persistence-tck}) that checks
 * it, for example <b>RS-3.2</b>; an adapter is conformant when its subclass of the TCK's
 * {@code RecordStoreContract} passes every clause.
 *
 * <p>Design rules: the tenant is part of every key; conflicts are values, never exceptions;
 * a replayed commit id is a no-op that reports {@code Committed}; the only exception an adapter
 * throws for a failing backend is {@link dev.saleskernel.persistence.spi.StoreUnavailableException};
 * the SPI grows by new optional capability interfaces, never by default methods.
 */
package dev.saleskernel.persistence.spi;
