package dev.saleskernel.compensation;

/**
 * Why a participant holds a credit. Every kind counts toward the holder's own attainment; only
 * {@link #DIRECT} and {@link #SPLIT} count toward team revenue (so overlays and roll-ups never
 * double-count a team's revenue).
 */
public enum CreditKind {
    /** The sole rep on the deal (a 100% split). */
    DIRECT,
    /** One rep's share of a revenue split (shares sum to exactly 100%). */
    SPLIT,
    /** Overlay credit (a specialist), any percentage, on top of the splits. */
    OVERLAY,
    /** Roll-up credit to a manager above a credited rep in the effective-dated hierarchy. */
    ROLLUP,
    /** Credit to a channel partner. */
    PARTNER;

    /** Whether the credit counts toward team revenue. */
    public boolean teamRevenue() {
        return this == DIRECT || this == SPLIT;
    }
}
