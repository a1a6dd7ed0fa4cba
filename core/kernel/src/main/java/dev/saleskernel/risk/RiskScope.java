package dev.saleskernel.risk;

/** What a rule looks at, and so what kind of subject its findings name. */
public enum RiskScope {
    OPPORTUNITY, ACCOUNT, REP, TEAM, TARGET, PRODUCT_LINE, PORTFOLIO
}
