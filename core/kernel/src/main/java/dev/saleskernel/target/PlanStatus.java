package dev.saleskernel.target;

/** The life of one version of a target plan: draft → proposed → approved (immutable). */
public enum PlanStatus {
    DRAFT, PROPOSED, APPROVED
}
