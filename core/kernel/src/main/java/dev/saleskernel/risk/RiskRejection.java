package dev.saleskernel.risk;

import dev.saleskernel.shared.RejectionCode;

/** Refusal codes of the risk context ({@code risk/NAME}). */
public enum RiskRejection implements RejectionCode {
    /** No finding with this id is in the ledger. */
    FINDING_NOT_FOUND,
    /** The finding is resolved or expired; it cannot change any more. */
    FINDING_CLOSED,
    /** The finding was acknowledged already. */
    ALREADY_ACKNOWLEDGED,
    /** A rule document is malformed or breaks a rule (each problem names its JSON path). */
    RULE_INVALID;

    @Override
    public String context() {
        return "risk";
    }
}
