package dev.saleskernel.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one classification run: every account's class in rank order, the accounts whose
 * class changed against the previous run, and the Pareto report.
 */
public record AbcRun(AbcPolicy policy, List<AbcAssignment> assignments, List<AbcChange> changes, ParetoReport report) {
    public AbcRun {
        Objects.requireNonNull(policy, "policy");
        assignments = List.copyOf(assignments);
        changes = List.copyOf(changes);
        Objects.requireNonNull(report, "report");
    }

    /** Class by account id, e.g. to pass as the previous classes of the next run. */
    public Map<String, AbcClass> classes() {
        Map<String, AbcClass> classes = new HashMap<>(assignments.size() * 2);
        for (AbcAssignment a : assignments) {
            classes.put(a.accountId(), a.abcClass());
        }
        return classes;
    }

    /** The class of one account, if it was classified in this run. */
    public Optional<AbcClass> classOf(String accountId) {
        return assignments.stream().filter(a -> a.accountId().equals(accountId)).map(AbcAssignment::abcClass).findFirst();
    }
}
