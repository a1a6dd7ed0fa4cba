package dev.saleskernel.risk;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * One risk check. The built-in checks implement it, and so does a host's custom rule in Java.
 * An implementation must be a pure function of the snapshot and the day: no clock, no I/O, and
 * at most one finding per subject per evaluation.
 */
public interface RiskRule {

    /** The data that identifies the rule and parametrises it (id, version, severity, response). */
    RuleDefinition definition();

    /** What the rule's findings are about. */
    RiskScope scope();

    /** Reports each finding to {@code findings}. */
    void evaluate(PortfolioSnapshot snapshot, LocalDate asOf, Consumer<Finding> findings);
}
