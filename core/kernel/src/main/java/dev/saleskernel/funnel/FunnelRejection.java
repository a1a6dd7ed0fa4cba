package dev.saleskernel.funnel;

import dev.saleskernel.shared.RejectionCode;

/** Refusal codes of the funnel context ({@code funnel/NAME}). */
public enum FunnelRejection implements RejectionCode {
    /** A pipeline definition's id or version is invalid. */
    INVALID_PIPELINE_ID,
    /** Two stages share an id. */
    DUPLICATE_STAGE_ID,
    /** A stage id breaks the id pattern. */
    INVALID_STAGE_ID,
    /** A probability lies outside 0–100%, or a stage's default lies outside its own bounds. */
    PROBABILITY_OUT_OF_RANGE,
    /** The won stage has a probability below 100% (or the lost stage above 0%). */
    TERMINAL_PROBABILITY,
    /** The definition has no won stage, no lost stage, more than one of either, or no open stage. */
    TERMINAL_STAGES,
    /** Terminal stages must come after every open stage. */
    STAGE_ORDER,
    /** No allowed sequence of moves leads from the entry stage to won. */
    NO_PATH_TO_WON,
    /** A rule, policy or criterion names a stage, field or value that does not exist or is not allowed. */
    UNKNOWN_REFERENCE,
    /** A number in the definition is out of its range (days, discount threshold). */
    OUT_OF_RANGE,
    /** The move between these two stages is not allowed by the pipeline. */
    MOVE_NOT_ALLOWED,
    /** The mover does not hold the role the move requires. */
    ROLE_REQUIRED,
    /** An entry criterion of the target stage is not met: a field is empty. */
    FIELD_REQUIRED,
    /** An entry criterion of the target stage is not met: no completed activity of a required type. */
    ACTIVITY_REQUIRED,
    /** A checklist item of the target stage was not confirmed in the move. */
    CHECKLIST_UNCONFIRMED,
    /** An input the transition requires during the move is missing. */
    INPUT_REQUIRED,
    /** The opportunity is won or lost and the command needs an open one. */
    CLOSED,
    /** A won deal's amount and lines are frozen. */
    FROZEN,
    /** Reopening is not allowed by the pipeline's policy (not lost, not allowed, or too late). */
    REOPEN_NOT_ALLOWED,
    /** The command names another pipeline or version than the one the opportunity runs on. */
    PIPELINE_MISMATCH,
    /** Credit split percentages do not sum exactly to 100, or a split is not positive, or a member repeats. */
    SPLITS_INVALID,
    /** A line item is invalid (quantity, price, discount, currency). */
    LINE_INVALID,
    /** A line's discount is above the pipeline's threshold and was not approved. */
    DISCOUNT_NEEDS_APPROVAL,
    /** A probability override lies outside the current stage's bounds. */
    PROBABILITY_OUTSIDE_STAGE_BOUNDS,
    /** The lead's status does not allow the command (e.g. qualifying a new lead before working it). */
    LEAD_STATUS,
    /** Converting the lead would duplicate an existing account and the policy is to refuse. */
    DUPLICATE_ACCOUNT,
    /** The lead was converted already, into other records than the command names. */
    ALREADY_CONVERTED,
    /** A lead's contact detail is malformed (an e-mail without exactly one {@code @} between two non-empty parts). */
    LEAD_CONTACT_INVALID,
    /** No assignment rule yields an owner for the lead (no territory owner and an empty team). */
    NO_ASSIGNEE;

    @Override
    public String context() {
        return "funnel";
    }
}
