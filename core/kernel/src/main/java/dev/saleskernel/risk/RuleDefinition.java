package dev.saleskernel.risk;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A rule as data: which check ({@code kind}, e.g. {@code stalled-deal}), its parameters, its
 * severity and the response suggested to whoever owns the finding. Versioned: a finding names the
 * id and version of the rule that raised it.
 *
 * @param id                stable rule id, e.g. {@code process.stalled-deal}
 * @param version           1 or more; raise it whenever parameters or meaning change
 * @param kind              the built-in check ({@link BuiltInRules#KINDS}) or a custom rule's kind
 * @param parameters        figures the check reads, by name (days, counts, shares as fractions)
 * @param severity          impact × likelihood of a finding of this rule
 * @param suggestedResponse what to do about a finding (每条风险的应对措施)
 */
public record RuleDefinition(String id, int version, String kind, Map<String, BigDecimal> parameters, Severity severity,
                             String suggestedResponse) {
    public RuleDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(suggestedResponse, "suggestedResponse");
        if (version < 1) {
            throw new IllegalArgumentException("rule versions start at 1: " + id);
        }
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** A decimal parameter, or the default when absent. */
    public BigDecimal decimal(String name, BigDecimal byDefault) {
        return parameters.getOrDefault(name, byDefault);
    }

    /** A whole-number parameter (days, counts), or the default when absent. */
    public int whole(String name, int byDefault) {
        BigDecimal value = parameters.get(name);
        return value == null ? byDefault : value.intValueExact();
    }
}
