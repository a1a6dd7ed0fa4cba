package dev.saleskernel.compensation;

import java.util.List;
import java.util.Objects;

/**
 * Why a statement line has its amount: the rule that produced it, the formula in words and
 * symbols, and the named inputs the formula was evaluated with, in the order they appear in it.
 *
 * <p>Example: rule {@code tiered-commission/marginal}, formula
 * {@code 5,000.00 × 5% + 5,000.00 × 10% + 1,000.00 × 15%}, inputs
 * {@code credited=11000.00, attainment=110.00%, tier=3}.
 *
 * @param rule    the stable name of the rule that produced the line (component type and mode)
 * @param formula the formula with the figures substituted, as a reader would check it by hand
 * @param inputs  the named inputs, each rendered exactly (amounts at their minor-unit scale,
 *                percentages with their declared scale)
 */
public record Explanation(String rule, String formula, List<Input> inputs) {
    public Explanation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(formula, "formula");
        // a tiered explanation's inputs are already an immutable list; anything else is copied
        inputs = inputs instanceof TieredInputs ? inputs : List.copyOf(inputs);
    }

    /** One named input of a formula, e.g. {@code split share = 40%}. */
    public record Input(String name, String value) {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
