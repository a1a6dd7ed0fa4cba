/**
 * Internal: the one place JSON is read from outside or from storage, with explicit limits. Not exported.
 */
package dev.saleskernel.internal.json;
