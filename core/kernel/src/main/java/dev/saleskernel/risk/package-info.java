/**
 * Risk: rules as data (plus custom rules in Java), a pure portfolio evaluation over a
 * {@link dev.saleskernel.risk.PortfolioSnapshot}, and the finding ledger that deduplicates
 * findings and carries them through open → acknowledged → resolved or expired.
 */
@SalesStyle
package dev.saleskernel.risk;

import dev.saleskernel.shared.SalesStyle;
