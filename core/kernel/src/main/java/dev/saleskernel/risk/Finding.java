package dev.saleskernel.risk;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One risk a rule found on one subject: the rule (id and version), the subject (e.g.
 * {@code opportunity:o-17}), the severity, the evidence (the figures that triggered it, in the
 * order the rule gives them, as text so that money and shares keep their exact digits) and the
 * suggested response.
 */
public record Finding(String ruleId, int ruleVersion, RiskScope scope, String subject, Severity severity,
                      Map<String, String> evidence, String suggestedResponse, LocalDate asOf) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(suggestedResponse, "suggestedResponse");
        Objects.requireNonNull(asOf, "asOf");
        evidence = Evidence.copyOf(Objects.requireNonNull(evidence, "evidence"));
    }

    /** A finding of {@code rule} on {@code subject}. */
    public static Finding of(RuleDefinition rule, RiskScope scope, String subject, Map<String, String> evidence, LocalDate asOf) {
        return new Finding(rule.id(), rule.version(), scope, subject, rule.severity(), evidence, rule.suggestedResponse(), asOf);
    }

    /** The deduplication key: one open finding per rule and subject. */
    public String key() {
        return ruleId + "|" + subject;
    }

    /** Whether this finding says the same as {@code other}, the day it was found aside. */
    public boolean sameAs(Finding other) {
        return ruleId.equals(other.ruleId) && ruleVersion == other.ruleVersion && subject.equals(other.subject)
                && severity.equals(other.severity) && evidence.equals(other.evidence)
                && suggestedResponse.equals(other.suggestedResponse);
    }
}
