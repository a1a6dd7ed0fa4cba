package dev.saleskernel.forecast;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of the forecast context; {@link #code()} is {@code forecast/NAME}. */
public enum ForecastRejection implements RejectionCode {
    /** The person is not a member of the team's part of the sales organisation on the snapshot date. */
    OUTSIDE_SALES_HIERARCHY,
    /** Only a manager of the team (or of a unit above it) on the snapshot date may adjust its forecast. */
    NOT_A_MANAGER,
    /** Only commit, best case and pipeline can be adjusted; closed is a fact. */
    CATEGORY_NOT_ADJUSTABLE,
    /** The adjustment would make a category's forecast negative. */
    NEGATIVE_FORECAST,
    /** A deal's amount or probability is out of range (amount not negative, probability 0..10,000 hundredths of a percent). */
    DEAL_INVALID;

    @Override
    public String context() {
        return "forecast";
    }
}
