package dev.saleskernel.org;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of the org context; {@link #code()} is {@code org/NAME}. */
public enum OrgRejection implements RejectionCode {
    /** The unit, member or parent named does not exist. */
    UNKNOWN_UNIT,
    UNKNOWN_MEMBER,
    /** An id is used already. */
    DUPLICATE_ID,
    /** A membership overlaps another of the same member in the same unit. */
    MEMBERSHIP_OVERLAPS,
    /** A membership reaches outside the member's employment (hire to leave). */
    OUTSIDE_EMPLOYMENT,
    /** A date range ends on or before it starts. */
    EMPTY_RANGE,
    /** A move would put a unit under itself or one of its descendants. */
    CYCLE,
    /** Effective dates must not go back before the latest recorded change: history is never rewritten. */
    BEFORE_HISTORY,
    /** The territory named does not exist. */
    UNKNOWN_TERRITORY,
    /** Territory rules give no criterion at all (no named account, region, industry or size), so they would match nothing. */
    TERRITORY_RULES_EMPTY,
    /** An account matches more than one territory and the overlap policy allows only one (or the top priority is tied). */
    TERRITORY_OVERLAP,
    /** The product line named does not exist. */
    UNKNOWN_PRODUCT_LINE,
    /** The territory or product line is retired already; it cannot change any more. */
    RETIRED,
    /** A name is blank or longer than {@link OrgStructure#MAX_NAME_LENGTH} characters. */
    NAME_INVALID;

    @Override
    public String context() {
        return "org";
    }
}
