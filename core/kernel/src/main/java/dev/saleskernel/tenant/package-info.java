/**
 * Tenant settings: the per-tenant facts every other context reads — display name, base
 * currency, fiscal-year start and the default rounding mode — changed only through a
 * four-eyes approval once configured.
 */
@SalesStyle
package dev.saleskernel.tenant;

import dev.saleskernel.shared.SalesStyle;
