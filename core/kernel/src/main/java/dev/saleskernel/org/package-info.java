/**
 * The sales organisation: an {@link dev.saleskernel.org.OrgStructure} per tenant with a tree of
 * org units whose placement is effective-dated, members with hire and leave dates, and
 * effective-dated memberships with roles (several at once for matrix structures), territories
 * with assignment rules, channels and product lines. Reorganisations add dated facts; history is
 * never rewritten, so "who was in unit X on date D" is always answerable.
 */
@SalesStyle
package dev.saleskernel.org;

import dev.saleskernel.shared.SalesStyle;
