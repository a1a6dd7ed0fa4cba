package dev.saleskernel.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one evaluation found: the rules it ran (by id) and their findings, rule by rule in the
 * order given, each rule's findings in snapshot order.
 */
public record RiskEvaluation(LocalDate asOf, Set<String> rulesRun, List<Finding> findings) {
    public RiskEvaluation {
        Objects.requireNonNull(asOf, "asOf");
        rulesRun = Set.copyOf(rulesRun);
        findings = List.copyOf(findings);
    }
}
