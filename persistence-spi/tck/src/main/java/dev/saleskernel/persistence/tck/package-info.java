/**
 * The contract test kit (TCK) of the storage SPI. An adapter author extends
 * {@link dev.saleskernel.persistence.tck.RecordStoreContract}, implements
 * {@link dev.saleskernel.persistence.tck.RecordStoreContract#newStores()}, and declares the optional
 * capabilities the adapter has. Every test names the SPI clause it checks, such as
 * {@code RS-4.2} or {@code OB-3.1}, in its display name.
 */
package dev.saleskernel.persistence.tck;
