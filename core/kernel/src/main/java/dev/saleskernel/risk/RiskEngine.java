package dev.saleskernel.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Portfolio evaluation: runs every rule over a snapshot. A pure function, so a host can run it
 * in a batch job and hand the result to the {@link FindingLedger}.
 */
public final class RiskEngine {
    private RiskEngine() {
    }

    /**
     * Runs the rules in order. Two rules with one id are a programming error; a custom rule
     * reporting the same subject twice keeps its first finding (the built-in rules report each
     * subject once per distinct id in the snapshot, so they skip that check; the
     * {@link FindingLedger} also deduplicates).
     */
    public static RiskEvaluation evaluate(PortfolioSnapshot snapshot, List<? extends RiskRule> rules, LocalDate asOf) {
        Set<String> ruleIds = new LinkedHashSet<>();
        List<Finding> findings = new ArrayList<>(snapshot.opportunities().size() + snapshot.accounts().size());
        BuiltInRules.Subjects shared = new BuiltInRules.Subjects(snapshot);
        for (RiskRule rule : rules) {
            if (!ruleIds.add(rule.definition().id())) {
                throw new IllegalArgumentException("rule " + rule.definition().id() + " is given twice");
            }
            if (rule instanceof BuiltInRules.OncePerSubject builtIn) {
                builtIn.evaluate(snapshot, asOf, findings::add, shared);
            } else {
                Set<String> subjects = new HashSet<>();
                rule.evaluate(snapshot, asOf, finding -> {
                    if (subjects.add(finding.subject())) {
                        findings.add(finding);
                    }
                });
            }
        }
        return new RiskEvaluation(asOf, ruleIds, findings);
    }
}
