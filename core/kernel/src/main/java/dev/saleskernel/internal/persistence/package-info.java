/**
 * Internal: codecs from aggregates to JSON documents over DTOs, schema versions and upcasters,
 * typed repositories over the {@link dev.saleskernel.persistence.spi.RecordStore}, the event
 * envelope written to the outbox. Not exported.
 */
package dev.saleskernel.internal.persistence;
