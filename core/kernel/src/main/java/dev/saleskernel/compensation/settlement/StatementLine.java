package dev.saleskernel.compensation.settlement;

import dev.saleskernel.compensation.Explanation;
import java.util.Objects;

/**
 * One line of a statement: what it pays (negative: takes back), for which component and period,
 * under which rule and plan version, and why ({@link Explanation}: inputs and formula).
 *
 * @param number        1, 2, … within its statement, in the order lines were added
 * @param kind          what the line is
 * @param componentId   the plan component, or {@code draw} / {@code manual} for lines of the ledger itself
 * @param planVersion   the plan version whose earnings or terms the line applies
 * @param forPeriod     the label of the period whose earnings the line settles (its own period for
 *                      draw, hold and manual lines)
 * @param dealId        the deal the line concerns (clawbacks), or empty
 * @param amountMinor   the amount in minor units of the ledger's currency
 * @param explanation   the rule, the formula with its figures and the named inputs
 */
public record StatementLine(int number, LineKind kind, String componentId, int planVersion, String forPeriod,
                            String dealId, long amountMinor, Explanation explanation) {
    public StatementLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(forPeriod, "forPeriod");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The rule that produced the line (the explanation's rule). */
    public String rule() {
        return explanation.rule();
    }
}
