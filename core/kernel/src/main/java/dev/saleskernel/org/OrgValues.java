package dev.saleskernel.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The values of the org context. */
public final class OrgValues {
    private OrgValues() {
    }

    /** What level of the organisation a unit is. Matrix structures use PRODUCT_LINE units beside REGION units. */
    public enum UnitKind { COMPANY, BRANCH_OFFICE, REGION, DEPARTMENT, TEAM, PRODUCT_LINE }

    /** A member's role in a unit. */
    public enum Role { REP, MANAGER }

    /** Sales channels. */
    public enum Channel { DIRECT, AGENT, DISTRIBUTOR, E_COMMERCE, PARTNER }

    /** Where a unit sits from {@code from} (inclusive) until {@code until} (exclusive), if ended. */
    public record Placement(Optional<String> parentId, LocalDate from, Optional<LocalDate> until) {
        public Placement {
            Objects.requireNonNull(parentId, "parentId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && until.map(date::isBefore).orElse(true);
        }
    }

    /** An org unit with its effective-dated placements, oldest first. */
    public record OrgUnit(String id, String name, UnitKind kind, java.util.List<Placement> placements) {
        public OrgUnit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            placements = java.util.List.copyOf(placements);
        }

        public Optional<Placement> placementOn(LocalDate date) {
            return placements.stream().filter(p -> p.covers(date)).findFirst();
        }
    }

    /** A person in the sales organisation, employed from {@code hired} until {@code left} (exclusive), if gone. */
    public record Member(String id, String name, LocalDate hired, Optional<LocalDate> left) {
        public Member {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(hired, "hired");
            Objects.requireNonNull(left, "left");
        }

        public boolean employedOn(LocalDate date) {
            return !date.isBefore(hired) && left.map(date::isBefore).orElse(true);
        }
    }

    /** A member in a unit with a role from {@code from} until {@code until} (exclusive), if ended. */
    public record Membership(String memberId, String unitId, Role role, LocalDate from, Optional<LocalDate> until) {
        public Membership {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && until.map(date::isBefore).orElse(true);
        }

        boolean overlaps(LocalDate otherFrom, Optional<LocalDate> otherUntil) {
            boolean startsBeforeOtherEnds = otherUntil.map(from::isBefore).orElse(true);
            boolean otherStartsBeforeThisEnds = until.map(otherFrom::isBefore).orElse(true);
            return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
        }
    }

    /**
     * One effective-dated version of a territory's assignment rules, in force from {@code from}
     * (inclusive) until {@code until} (exclusive), if ended. An account matches the rules when it
     * is one of the {@code namedAccounts}, or else when every non-empty criterion holds: its
     * region among {@code regions}, its industry among {@code industries}, its size segment among
     * {@code sizes} (e.g. "enterprise", "smb"). Rules with no criterion at all match nothing.
     */
    public record TerritoryRules(Set<String> regions, Set<String> industries, Set<String> sizes, Set<String> namedAccounts,
                                 LocalDate from, Optional<LocalDate> until) {
        public TerritoryRules {
            regions = Set.copyOf(regions);
            industries = Set.copyOf(industries);
            sizes = Set.copyOf(sizes);
            namedAccounts = Set.copyOf(namedAccounts);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }

        /** Rules in force from {@code from} with no end. */
        public static TerritoryRules from(LocalDate from, Set<String> regions, Set<String> industries, Set<String> sizes,
                                          Set<String> namedAccounts) {
            return new TerritoryRules(regions, industries, sizes, namedAccounts, from, Optional.empty());
        }

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && until.map(date::isBefore).orElse(true);
        }

        /** Whether any criterion is given (named accounts, region, industry or size). */
        public boolean hasCriteria() {
            return !(regions.isEmpty() && industries.isEmpty() && sizes.isEmpty() && namedAccounts.isEmpty());
        }

        boolean names(Account account) {
            return namedAccounts.contains(account.id());
        }

        boolean matchesByRule(Account account) {
            return (regions.isEmpty() || regions.contains(account.region()))
                    && (industries.isEmpty() || industries.contains(account.industry()))
                    && (sizes.isEmpty() || sizes.contains(account.size()))
                    && !(regions.isEmpty() && industries.isEmpty() && sizes.isEmpty());
        }

        TerritoryRules endingOn(LocalDate effective) {
            return new TerritoryRules(regions, industries, sizes, namedAccounts, from, Optional.of(effective));
        }
    }

    /**
     * A territory: its effective-dated assignment rules (oldest first, never overlapping), the
     * org unit that owns it, if any, and a priority used by {@link OverlapPolicy#PRIORITY} (a
     * lower number wins). A retired territory's last rules carry an end date.
     */
    public record Territory(String id, String name, Optional<String> ownerUnitId, int priority, List<TerritoryRules> rules) {
        public Territory {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ownerUnitId, "ownerUnitId");
            rules = List.copyOf(rules);
        }

        /**
         * A territory by region, industry and named accounts, in force at all times, owned by no
         * unit, priority 0 (the original form; kept for callers of the first release).
         */
        public Territory(String id, String name, Set<String> regions, Set<String> industries, Set<String> namedAccounts) {
            this(id, name, Optional.empty(), 0, List.of(new TerritoryRules(regions, industries, Set.of(), namedAccounts,
                    LocalDate.MIN, Optional.empty())));
        }

        /** The rules in force on a date, if the territory exists that day. */
        public Optional<TerritoryRules> rulesOn(LocalDate date) {
            return rules.stream().filter(r -> r.covers(date)).findFirst();
        }

        /** The current (latest) rules. */
        public TerritoryRules currentRules() {
            return rules.get(rules.size() - 1);
        }

        /** The latest rules' regions. */
        public Set<String> regions() {
            return currentRules().regions();
        }

        /** The latest rules' industries. */
        public Set<String> industries() {
            return currentRules().industries();
        }

        /** The latest rules' named accounts. */
        public Set<String> namedAccounts() {
            return currentRules().namedAccounts();
        }

        /** Whether the territory is retired: its latest rules have an end. */
        public boolean retired() {
            return currentRules().until().isPresent();
        }

        boolean matchesByRule(Account account) {
            return currentRules().matchesByRule(account);
        }
    }

    /**
     * What to do when an account matches more than one territory on a date (after named
     * accounts have taken precedence over rule matches).
     */
    public enum OverlapPolicy {
        /** Every matching territory (shared coverage). */
        ALL,
        /** The matching territory with the lowest priority number; a tie at the top is refused. */
        PRIORITY,
        /** Exactly one territory may match; more than one is refused. */
        EXCLUSIVE
    }

    /** The facts about an account that territory rules look at. */
    public record Account(String id, String region, String industry, String size) {
        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(industry, "industry");
            Objects.requireNonNull(size, "size");
        }

        /** An account without a size segment (size rules never match it). */
        public Account(String id, String region, String industry) {
            this(id, region, industry, "");
        }
    }

    /** A name a product line carries from {@code from} (inclusive) on, until its next name. */
    public record DatedName(String name, LocalDate from) {
        public DatedName {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
        }
    }

    /**
     * A product line, offered from {@code introduced} (inclusive) until {@code retired}
     * (exclusive), if retired, with its names over time (oldest first; the first from
     * {@code introduced}). Renames add a dated name; the old names stay answerable by date.
     */
    public record ProductLine(String id, List<DatedName> names, LocalDate introduced, Optional<LocalDate> retired) {
        public ProductLine {
            Objects.requireNonNull(id, "id");
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a product line has a name");
            }
            Objects.requireNonNull(introduced, "introduced");
            Objects.requireNonNull(retired, "retired");
        }

        /** A product line offered at all times under one name (the original form). */
        public ProductLine(String id, String name) {
            this(id, List.of(new DatedName(name, LocalDate.MIN)), LocalDate.MIN, Optional.empty());
        }

        /** The current (latest) name. */
        public String name() {
            return names.get(names.size() - 1).name();
        }

        /** The name in use on a date; the first name before the line was introduced. */
        public String nameOn(LocalDate date) {
            String found = names.get(0).name();
            for (DatedName n : names) {
                if (!date.isBefore(n.from())) {
                    found = n.name();
                }
            }
            return found;
        }

        /** Whether the line is offered on a date. */
        public boolean activeOn(LocalDate date) {
            return !date.isBefore(introduced) && retired.map(date::isBefore).orElse(true);
        }
    }
}
