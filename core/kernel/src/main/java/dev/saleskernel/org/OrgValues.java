package dev.saleskernel.org;

import java.time.LocalDate;
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
     * A territory and its assignment rules: named accounts first, otherwise an account matches when
     * its region is among {@code regions} (or none are given) and its industry among
     * {@code industries} (or none are given).
     */
    public record Territory(String id, String name, Set<String> regions, Set<String> industries, Set<String> namedAccounts) {
        public Territory {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            regions = Set.copyOf(regions);
            industries = Set.copyOf(industries);
            namedAccounts = Set.copyOf(namedAccounts);
        }

        boolean matchesByRule(Account account) {
            return (regions.isEmpty() || regions.contains(account.region()))
                    && (industries.isEmpty() || industries.contains(account.industry()))
                    && !(regions.isEmpty() && industries.isEmpty());
        }
    }

    /** The facts about an account that territory rules look at. */
    public record Account(String id, String region, String industry) {
        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(industry, "industry");
        }
    }

    /** A product line. */
    public record ProductLine(String id, String name) {
        public ProductLine {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }
}
