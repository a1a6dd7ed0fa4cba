package dev.saleskernel.org;

import dev.saleskernel.org.OrgValues.Account;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.OrgUnit;
import dev.saleskernel.org.OrgValues.Placement;
import dev.saleskernel.org.OrgValues.ProductLine;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sales organisation of one tenant (one document per tenant): units whose placement in the
 * tree is effective-dated, members with hire and leave dates, and effective-dated memberships
 * with roles. A member may hold several memberships at once in different units (matrix: a
 * product-line unit and a region unit). Reorganisations close the current placement or
 * membership and open a new one from the effective date; nothing is overwritten, so
 * {@link #membersOn(String, LocalDate)} answers for any past date.
 */
public final class OrgStructure {
    private final TenantId tenantId;
    private final Map<String, OrgUnit> units;
    private final Map<String, Member> members;
    private final List<Membership> memberships;
    private final List<Territory> territories;
    private final List<ProductLine> productLines;

    private OrgStructure(TenantId tenantId, Map<String, OrgUnit> units, Map<String, Member> members,
                         List<Membership> memberships, List<Territory> territories, List<ProductLine> productLines) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        this.memberships = List.copyOf(memberships);
        this.territories = List.copyOf(territories);
        this.productLines = List.copyOf(productLines);
    }

    /** An empty organisation. */
    public static OrgStructure empty(TenantId tenantId) {
        return new OrgStructure(tenantId, Map.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /**
     * Builds a structure from its parts at once (bulk loads, the persistence codec), checking only
     * that memberships and placements name known members and units.
     */
    public static OrgStructure of(TenantId tenantId, List<OrgUnit> units, List<Member> members, List<Membership> memberships,
                                  List<Territory> territories, List<ProductLine> productLines) {
        Map<String, OrgUnit> unitMap = new LinkedHashMap<>();
        units.forEach(u -> unitMap.put(u.id(), u));
        Map<String, Member> memberMap = new LinkedHashMap<>();
        members.forEach(m -> memberMap.put(m.id(), m));
        for (Membership m : memberships) {
            if (!memberMap.containsKey(m.memberId()) || !unitMap.containsKey(m.unitId())) {
                throw new IllegalArgumentException("membership names an unknown member or unit: " + m);
            }
        }
        for (OrgUnit u : units) {
            for (Placement p : u.placements()) {
                if (p.parentId().isPresent() && !unitMap.containsKey(p.parentId().get())) {
                    throw new IllegalArgumentException("unit " + u.id() + " is placed under unknown unit " + p.parentId().get());
                }
            }
        }
        return new OrgStructure(tenantId, unitMap, memberMap, memberships, territories, productLines);
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public Optional<OrgUnit> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(members.get(id));
    }

    public List<Membership> memberships() {
        return memberships;
    }

    public List<ProductLine> productLines() {
        return productLines;
    }

    private String subject() {
        return "org-structure:" + tenantId.value();
    }

    // ---------------------------------------------------------------- queries

    /** The memberships of unit {@code unitId} in force on {@code date}: who was in it that day, with which role. */
    public List<Membership> membersOn(String unitId, LocalDate date) {
        return memberships.stream().filter(m -> m.unitId().equals(unitId) && m.covers(date)).toList();
    }

    /** The units a member belonged to on a date (more than one in a matrix structure). */
    public List<Membership> unitsOf(String memberId, LocalDate date) {
        return memberships.stream().filter(m -> m.memberId().equals(memberId) && m.covers(date)).toList();
    }

    /** The unit's parent on a date; empty for a root, or a unit not placed that day. */
    public Optional<String> parentOn(String unitId, LocalDate date) {
        return unit(unitId).flatMap(u -> u.placementOn(date)).flatMap(Placement::parentId);
    }

    /** The unit and its ancestors on a date, nearest first. */
    public List<String> lineageOn(String unitId, LocalDate date) {
        List<String> lineage = new ArrayList<>();
        Optional<String> current = Optional.of(unitId);
        while (current.isPresent() && !lineage.contains(current.get())) {
            lineage.add(current.get());
            current = parentOn(current.get(), date);
        }
        return lineage;
    }

    /** Whether {@code unitId} lies under (or is) {@code ancestorId} on a date. */
    public boolean isWithinOn(String unitId, String ancestorId, LocalDate date) {
        return lineageOn(unitId, date).contains(ancestorId);
    }

    /** Territories an account falls in: the ones naming it, or else those whose rules match it. */
    public List<Territory> territoriesFor(Account account) {
        List<Territory> named = territories.stream().filter(t -> t.namedAccounts().contains(account.id())).toList();
        return named.isEmpty() ? territories.stream().filter(t -> t.matchesByRule(account)).toList() : named;
    }

    // ---------------------------------------------------------------- commands

    /** Adds a unit under {@code parentId} (empty for a root) from {@code from}. */
    public Either<Rejected, Change<OrgStructure>> addUnit(String id, String name, UnitKind kind, Optional<String> parentId,
                                                          LocalDate from, ActorId actor, Instant at) {
        return Checks.start()
                .require(!units.containsKey(id), () -> Rejection.of(OrgRejection.DUPLICATE_ID, subject(), "id", "unit " + id + " exists"))
                .require(parentId.map(p -> units.containsKey(p)).orElse(true), () -> Rejection.of(OrgRejection.UNKNOWN_UNIT,
                        subject(), "parentId", "no unit " + parentId.orElse("")))
                .thenRight(() -> {
                    OrgUnit unit = new OrgUnit(id, name, kind, List.of(new Placement(parentId, from, Optional.empty())));
                    Map<String, OrgUnit> next = new LinkedHashMap<>(units);
                    next.put(id, unit);
                    return Change.of(new OrgStructure(tenantId, next, members, memberships, territories, productLines),
                            new OrgEvents.UnitAdded(unit, actor, at));
                });
    }

    /** Moves a unit under another parent from {@code effective}; the old placement ends that day and stays on record. */
    public Either<Rejected, Change<OrgStructure>> moveUnit(String id, String newParentId, LocalDate effective, ActorId actor,
                                                           Instant at) {
        Optional<OrgUnit> unit = unit(id);
        Optional<Placement> current = unit.flatMap(u -> u.placements().stream().filter(p -> p.until().isEmpty()).findFirst());
        return Checks.start()
                .require(unit.isPresent(), () -> Rejection.of(OrgRejection.UNKNOWN_UNIT, subject(), "id", "no unit " + id))
                .require(units.containsKey(newParentId), () -> Rejection.of(OrgRejection.UNKNOWN_UNIT, subject(), "newParentId",
                        "no unit " + newParentId))
                .require(current.map(p -> effective.isAfter(p.from())).orElse(true), () -> Rejection.of(
                        OrgRejection.BEFORE_HISTORY, subject(), "effective", "a move takes effect after the current placement began"))
                .require(!lineageOn(newParentId, effective).contains(id), () -> Rejection.of(OrgRejection.CYCLE, subject(),
                        "newParentId", "a unit cannot move under itself or its descendants"))
                .thenRight(() -> {
                    List<Placement> placements = new ArrayList<>();
                    for (Placement p : unit.get().placements()) {
                        placements.add(p.until().isEmpty() ? new Placement(p.parentId(), p.from(), Optional.of(effective)) : p);
                    }
                    placements.add(new Placement(Optional.of(newParentId), effective, Optional.empty()));
                    Map<String, OrgUnit> next = new LinkedHashMap<>(units);
                    next.put(id, new OrgUnit(id, unit.get().name(), unit.get().kind(), placements));
                    return Change.of(new OrgStructure(tenantId, next, members, memberships, territories, productLines),
                            new OrgEvents.UnitMoved(id, newParentId, effective, actor, at));
                });
    }

    public Either<Rejected, Change<OrgStructure>> hire(Member member, ActorId actor, Instant at) {
        return Checks.start()
                .require(!members.containsKey(member.id()), () -> Rejection.of(OrgRejection.DUPLICATE_ID, subject(), "id",
                        "member " + member.id() + " exists"))
                .require(member.left().map(l -> l.isAfter(member.hired())).orElse(true), () -> Rejection.of(
                        OrgRejection.EMPTY_RANGE, subject(), "left", "a member leaves after being hired"))
                .thenRight(() -> {
                    Map<String, Member> next = new LinkedHashMap<>(members);
                    next.put(member.id(), member);
                    return Change.of(new OrgStructure(tenantId, units, next, memberships, territories, productLines),
                            new OrgEvents.MemberHired(member, actor, at));
                });
    }

    /**
     * Puts a member in a unit with a role for a period. Refused when the unit or member is
     * unknown, the range is empty, it reaches outside the member's employment, or it overlaps
     * another membership of the same member in the same unit.
     */
    public Either<Rejected, Change<OrgStructure>> assign(String memberId, String unitId, Role role, LocalDate from,
                                                         Optional<LocalDate> until, ActorId actor, Instant at) {
        Optional<Member> member = member(memberId);
        return Checks.start()
                .require(member.isPresent(), () -> Rejection.of(OrgRejection.UNKNOWN_MEMBER, subject(), "memberId", "no member " + memberId))
                .require(units.containsKey(unitId), () -> Rejection.of(OrgRejection.UNKNOWN_UNIT, subject(), "unitId", "no unit " + unitId))
                .require(until.map(u -> u.isAfter(from)).orElse(true), () -> Rejection.of(OrgRejection.EMPTY_RANGE, subject(),
                        "until", "a membership ends after it starts"))
                .require(member.map(m -> !from.isBefore(m.hired()) && m.left().map(l -> until.map(u -> !u.isAfter(l)).orElse(false))
                        .orElse(true)).orElse(true), () -> Rejection.of(OrgRejection.OUTSIDE_EMPLOYMENT, subject(), "from",
                        "a membership lies within the member's employment"))
                .require(memberships.stream().noneMatch(m -> m.memberId().equals(memberId) && m.unitId().equals(unitId)
                        && m.overlaps(from, until)), () -> Rejection.of(OrgRejection.MEMBERSHIP_OVERLAPS, subject(), "from",
                        memberId + " is in " + unitId + " already for part of that time"))
                .thenRight(() -> {
                    Membership membership = new Membership(memberId, unitId, role, from, until);
                    List<Membership> next = new ArrayList<>(memberships);
                    next.add(membership);
                    return Change.of(new OrgStructure(tenantId, units, members, next, territories, productLines),
                            new OrgEvents.MemberAssigned(membership, actor, at));
                });
    }

    /** Ends a member's open membership in a unit on {@code effective} (exclusive). */
    public Either<Rejected, Change<OrgStructure>> endMembership(String memberId, String unitId, LocalDate effective,
                                                                ActorId actor, Instant at) {
        Optional<Membership> open = memberships.stream()
                .filter(m -> m.memberId().equals(memberId) && m.unitId().equals(unitId) && m.until().isEmpty()).findFirst();
        return Checks.start()
                .require(open.isPresent(), () -> Rejection.of(OrgRejection.UNKNOWN_MEMBER, subject(), "memberId",
                        memberId + " has no open membership in " + unitId))
                .require(open.map(m -> effective.isAfter(m.from())).orElse(true), () -> Rejection.of(
                        OrgRejection.BEFORE_HISTORY, subject(), "effective", "a membership ends after it began"))
                .thenRight(() -> Change.of(closing(memberId, m -> m.unitId().equals(unitId), effective, Optional.empty()),
                        new OrgEvents.MembershipEnded(memberId, unitId, effective, actor, at)));
    }

    /** A member leaves on {@code effective}: every open membership ends that day. */
    public Either<Rejected, Change<OrgStructure>> leave(String memberId, LocalDate effective, ActorId actor, Instant at) {
        Optional<Member> member = member(memberId);
        return Checks.start()
                .require(member.isPresent(), () -> Rejection.of(OrgRejection.UNKNOWN_MEMBER, subject(), "memberId", "no member " + memberId))
                .require(member.map(m -> effective.isAfter(m.hired())).orElse(true) && memberships.stream()
                        .filter(m -> m.memberId().equals(memberId) && m.until().isEmpty()).allMatch(m -> effective.isAfter(m.from())),
                        () -> Rejection.of(OrgRejection.BEFORE_HISTORY, subject(), "effective",
                                "a member leaves after being hired and after their open memberships began"))
                .thenRight(() -> {
                    Member m = member.get();
                    return Change.of(closing(memberId, x -> true, effective,
                                    Optional.of(new Member(m.id(), m.name(), m.hired(), Optional.of(effective)))),
                            new OrgEvents.MemberLeft(memberId, effective, actor, at));
                });
    }

    private OrgStructure closing(String memberId, java.util.function.Predicate<Membership> which, LocalDate effective,
                                 Optional<Member> updated) {
        List<Membership> next = new ArrayList<>();
        for (Membership m : memberships) {
            boolean close = m.memberId().equals(memberId) && m.until().isEmpty() && which.test(m);
            next.add(close ? new Membership(m.memberId(), m.unitId(), m.role(), m.from(), Optional.of(effective)) : m);
        }
        Map<String, Member> nextMembers = new LinkedHashMap<>(members);
        updated.ifPresent(u -> nextMembers.put(u.id(), u));
        return new OrgStructure(tenantId, units, nextMembers, next, territories, productLines);
    }

    public Either<Rejected, Change<OrgStructure>> addTerritory(Territory territory, ActorId actor, Instant at) {
        return Checks.start()
                .require(territories.stream().noneMatch(t -> t.id().equals(territory.id())), () -> Rejection.of(
                        OrgRejection.DUPLICATE_ID, subject(), "id", "territory " + territory.id() + " exists"))
                .thenRight(() -> {
                    List<Territory> next = new ArrayList<>(territories);
                    next.add(territory);
                    return Change.of(new OrgStructure(tenantId, units, members, memberships, next, productLines),
                            new OrgEvents.TerritoryAdded(territory, actor, at));
                });
    }

    /** Adds a product line (reference data; no event). */
    public OrgStructure withProductLine(ProductLine line) {
        List<ProductLine> next = new ArrayList<>(productLines);
        next.add(line);
        return new OrgStructure(tenantId, units, members, memberships, territories, next);
    }

    @Override
    public String toString() {
        return "OrgStructure[" + tenantId.value() + " units=" + units.values() + " members=" + members.values()
                + " memberships=" + memberships + " territories=" + territories + "]";
    }
}
