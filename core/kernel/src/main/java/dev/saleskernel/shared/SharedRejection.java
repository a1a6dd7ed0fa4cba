package dev.saleskernel.shared;

/** Refusal codes that every bounded context shares. */
public enum SharedRejection implements RejectionCode {
    /** The authorisation port said no; nothing was changed. */
    NOT_AUTHORISED,
    /** Segregation of duties: the actor who proposed a change cannot approve it. */
    PROPOSER_CANNOT_APPROVE,
    /** An approval, rejection or withdrawal was asked for but nothing is waiting for one. */
    NOTHING_PENDING,
    /** A second change was proposed while one is still waiting for a decision. */
    CHANGE_ALREADY_PENDING,
    /** The aggregate the command addresses does not exist in this tenant. */
    NOT_FOUND,
    /** The aggregate a create command addresses exists already. */
    ALREADY_EXISTS,
    /** A command id that already ran was sent again with another action or subject; ids are one per command. */
    COMMAND_ID_REUSED,
    /** The record kept changing under the command: the retry budget ran out. Nothing was changed. */
    CONCURRENT_MODIFICATION,
    /** A required text is missing or blank. */
    REQUIRED,
    /** A text is longer than allowed. */
    TOO_LONG,
    /** A value is outside its allowed set or range. */
    NOT_ALLOWED;

    @Override
    public String context() {
        return "shared";
    }
}
