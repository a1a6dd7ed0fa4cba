/**
 * {@link dev.saleskernel.store.memory.InMemoryStore}: a thread-safe, non-durable implementation of
 * the storage SPI for single-process hosts and tests. Everything is lost when the process ends.
 */
package dev.saleskernel.store.memory;
