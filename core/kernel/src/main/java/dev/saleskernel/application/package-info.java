/**
 * The host's entry point: the {@link dev.saleskernel.application.SalesKernel} facade and its
 * builder, the ports the host answers (authorisation, ids, clock, storage) and the use cases,
 * each of which loads, decides and commits.
 */
package dev.saleskernel.application;
