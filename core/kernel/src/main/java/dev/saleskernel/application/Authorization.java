package dev.saleskernel.application;

/**
 * The authorisation port the host answers: may this actor do this action on this subject?
 * Consulted by every use case before anything is loaded; a denial becomes a
 * {@code shared/NOT_AUTHORISED} refusal that changes nothing. Segregation of duties (a proposer
 * never approves) is enforced by the model on top of whatever this port answers.
 */
@FunctionalInterface
public interface Authorization {

    AccessDecision decide(AccessRequest request);

    /**
     * Grants everything: for single-user tools and tests. Must be chosen explicitly; the kernel
     * never falls back to it.
     */
    static Authorization allowEverything() {
        return request -> AccessDecision.granted();
    }
}
