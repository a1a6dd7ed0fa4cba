package dev.saleskernel.period;

/**
 * Which calendar year gives a fiscal year its number, when the fiscal year does not start in
 * January. With a January start both rules give the calendar year.
 */
public enum FiscalYearNaming {
    /**
     * Named by the calendar year the fiscal year ends in (US and UK corporate practice, e.g. a
     * fiscal year April 2025 – March 2026 is FY2026). The default.
     */
    END_YEAR,
    /**
     * Named by the calendar year the fiscal year starts in (Japanese 年度 practice, e.g. a fiscal
     * year April 2025 – March 2026 is FY2025).
     */
    START_YEAR
}
