package dev.saleskernel.customer;

import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who gets a departing or moved rep's accounts and open deals, decided by a {@link Rule} from the
 * org structure on the effective date. A pure function: same inputs, same plan.
 *
 * <ul>
 *   <li>The rep's units are those the rep belonged to the day before {@code effective} (their
 *       last day in role).</li>
 *   <li>{@link Rule#TO_MANAGER}: everything goes to the manager (role MANAGER) of the rep's
 *       first unit (by unit id) on {@code effective}; with none there, the nearest manager up the
 *       unit's lineage that day.</li>
 *   <li>{@link Rule#ROUND_ROBIN_IN_TEAM}: accounts, in account-id order, go in turn to the other
 *       reps (role REP) of the rep's units on {@code effective}, in member-id order; an open deal
 *       follows its account when the account is handed over, otherwise it takes the next turn.</li>
 *   <li>{@link Rule#TO_POOL}: accounts go back to the pool (no owner); open deals cannot sit in a
 *       pool and go to the manager as under TO_MANAGER.</li>
 * </ul>
 * Refused with {@link CustomerRejection#NO_SUCCESSOR} when the rule finds nobody.
 */
public final class Handover {
    private Handover() {
    }

    /** How a rep's book is redistributed. */
    public enum Rule { TO_MANAGER, ROUND_ROBIN_IN_TEAM, TO_POOL }

    /**
     * The plan: the new owner of every account (empty = back to the pool) and of every open deal.
     *
     * @param accounts account id → new owner rep, or empty for the pool
     * @param deals    opportunity id → new owner rep
     */
    public record Plan(String rep, Rule rule, LocalDate effective, Map<String, Optional<String>> accounts,
                       Map<String, String> deals) {
        public Plan {
            Objects.requireNonNull(rep, "rep");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(effective, "effective");
            accounts = Collections.unmodifiableMap(new TreeMap<>(accounts));
            deals = Collections.unmodifiableMap(new TreeMap<>(deals));
        }
    }

    /**
     * Plans the handover of {@code accountIds} and the open deals ({@code dealAccounts}: deal id →
     * its account id) of {@code rep} from {@code effective}.
     */
    public static Either<Rejected, Plan> plan(String rep, Rule rule, LocalDate effective, List<String> accountIds,
                                              Map<String, String> dealAccounts, OrgStructure org) {
        List<String> units = org.unitsOf(rep, effective.minusDays(1)).stream().map(Membership::unitId).sorted().distinct().toList();
        Optional<String> manager = units.stream().map(u -> managerOf(org, u, rep, effective)).flatMap(Optional::stream).findFirst();
        List<String> team = new ArrayList<>(new TreeSet<>(units.stream().flatMap(u -> org.membersOn(u, effective).stream())
                .filter(m -> m.role() == Role.REP && !m.memberId().equals(rep)).map(Membership::memberId).toList()));
        String subject = "rep:" + rep;
        boolean needsManager = rule == Rule.TO_MANAGER && !(accountIds.isEmpty() && dealAccounts.isEmpty())
                || rule == Rule.TO_POOL && !dealAccounts.isEmpty();
        if (needsManager && manager.isEmpty()) {
            return Either.left(Rejected.of(Rejection.of(CustomerRejection.NO_SUCCESSOR, subject, "rule",
                    "no manager over the rep's units on " + effective).withEvidence("units", String.join(",", units))));
        }
        if (rule == Rule.ROUND_ROBIN_IN_TEAM && team.isEmpty() && !(accountIds.isEmpty() && dealAccounts.isEmpty())) {
            return Either.left(Rejected.of(Rejection.of(CustomerRejection.NO_SUCCESSOR, subject, "rule",
                    "no other rep in the rep's units on " + effective).withEvidence("units", String.join(",", units))));
        }
        Map<String, Optional<String>> accounts = new TreeMap<>();
        int turn = 0;
        for (String accountId : new TreeSet<>(accountIds)) {
            accounts.put(accountId, switch (rule) {
                case TO_MANAGER -> manager;
                case TO_POOL -> Optional.empty();
                case ROUND_ROBIN_IN_TEAM -> Optional.of(team.get(turn++ % team.size()));
            });
        }
        Map<String, String> deals = new TreeMap<>();
        for (Map.Entry<String, String> deal : new TreeMap<>(dealAccounts).entrySet()) {
            String to = switch (rule) {
                case TO_MANAGER, TO_POOL -> manager.orElseThrow();
                case ROUND_ROBIN_IN_TEAM -> {
                    Optional<String> followed = accounts.getOrDefault(deal.getValue(), Optional.empty());
                    yield followed.isPresent() ? followed.get() : team.get(turn++ % team.size());
                }
            };
            deals.put(deal.getKey(), to);
        }
        return Either.right(new Plan(rep, rule, effective, accounts, deals));
    }

    /** The manager of {@code unitId} on {@code day}, else the nearest one up its lineage that day (never the rep). */
    static Optional<String> managerOf(OrgStructure org, String unitId, String rep, LocalDate day) {
        for (String unit : org.lineageOn(unitId, day)) {
            Optional<String> manager = org.membersOn(unit, day).stream()
                    .filter(m -> m.role() == Role.MANAGER && !m.memberId().equals(rep))
                    .map(Membership::memberId).sorted().findFirst();
            if (manager.isPresent()) {
                return manager;
            }
        }
        return Optional.empty();
    }
}
