package dev.saleskernel.kpi;

/** What a KPI cube can be cut by besides the period. */
public enum CutDimension {
    /** The org unit, effective-dated: a row counts for its unit and each ancestor on the row's date. */
    ORG_UNIT,
    TERRITORY,
    CHANNEL,
    PRODUCT_LINE
}
