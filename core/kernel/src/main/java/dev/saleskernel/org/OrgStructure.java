package dev.saleskernel.org;

import dev.saleskernel.org.OrgValues.Account;
import dev.saleskernel.org.OrgValues.DatedName;
import dev.saleskernel.org.OrgValues.OverlapPolicy;
import dev.saleskernel.org.OrgValues.TerritoryRules;
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
    /** The record id of the one org document per tenant. */
    public static final String RECORD_ID = "org";
    /** Longest name of a unit, territory or product line, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

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

    /** Every product line ever added, retired ones included, in the order added. */
    public List<ProductLine> productLines() {
        return productLines;
    }

    /** Every unit, in the order added. */
    public List<OrgUnit> units() {
        return List.copyOf(units.values());
    }

    /** Every member ever hired, leavers included, in the order hired. */
    public List<Member> members() {
        return List.copyOf(members.values());
    }

    /** Every territory ever added, retired ones included, in the order added. */
    public List<Territory> territories() {
        return territories;
    }

    public Optional<Territory> territory(String id) {
        return territories.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<ProductLine> productLine(String id) {
        return productLines.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The product lines offered on a date. */
    public List<ProductLine> productLinesOn(LocalDate date) {
        return productLines.stream().filter(p -> p.activeOn(date)).toList();
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

    /**
     * Territories an account falls in by the current rules of territories not retired: the ones
     * naming it, or else those whose rules match it.
     */
    public List<Territory> territoriesFor(Account account) {
        List<Territory> live = territories.stream().filter(t -> !t.retired()).toList();
        List<Territory> named = live.stream().filter(t -> t.currentRules().names(account)).toList();
        return named.isEmpty() ? live.stream().filter(t -> t.matchesByRule(account)).toList() : named;
    }

    /**
     * Territories an account falls in on a date, by the rules in force that day: the ones naming
     * it, or else those whose rules match it (in the order the territories were added).
     */
    public List<Territory> territoriesFor(Account account, LocalDate date) {
        List<Territory> named = new ArrayList<>();
        List<Territory> byRule = new ArrayList<>();
        for (Territory t : territories) {
            Optional<TerritoryRules> rules = t.rulesOn(date);
            if (rules.isPresent() && rules.get().names(account)) {
                named.add(t);
            } else if (rules.isPresent() && rules.get().matchesByRule(account)) {
                byRule.add(t);
            }
        }
        return named.isEmpty() ? List.copyOf(byRule) : List.copyOf(named);
    }

    /**
     * Assigns an account to territories on a date under an overlap policy: {@code ALL} gives
     * every match of {@link #territoriesFor(Account, LocalDate)}; {@code PRIORITY} the match with
     * the lowest priority number (refused with {@code TERRITORY_OVERLAP} if several share it);
     * {@code EXCLUSIVE} the single match (refused if there are several). No match is an empty list
     * (the account is unassigned), not a refusal.
     */
    public Either<Rejected, List<Territory>> assignTerritory(Account account, LocalDate date, OverlapPolicy policy) {
        List<Territory> matches = territoriesFor(account, date);
        List<Territory> chosen = switch (policy) {
            case ALL -> matches;
            case EXCLUSIVE -> matches;
            case PRIORITY -> {
                int best = matches.stream().mapToInt(Territory::priority).min().orElse(0);
                yield matches.stream().filter(t -> t.priority() == best).toList();
            }
        };
        String subject = "account:" + account.id();
        return Checks.start()
                .require(policy == OverlapPolicy.ALL || chosen.size() <= 1, () -> Rejection.of(OrgRejection.TERRITORY_OVERLAP,
                                subject, "territory", "the account matches several territories and the policy " + policy
                                        + " allows one")
                        .withEvidence("territories", chosen.stream().map(Territory::id).toList())
                        .withEvidence("date", date))
                .thenRight(() -> chosen);
    }

    // ---------------------------------------------------------------- commands

    /** Adds a unit under {@code parentId} (empty for a root) from {@code from}. */
    public Either<Rejected, Change<OrgStructure>> addUnit(String id, String name, UnitKind kind, Optional<String> parentId,
                                                          LocalDate from, ActorId actor, Instant at) {
        return checkName(Checks.start(), name, "name")
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

    /**
     * Adds a territory. Refused, with every reason, when the id is taken, the name is blank or too
     * long, the owner unit is unknown, it has no rules, a rules version gives no criterion, a
     * rules version ends on or before it starts, or two versions overlap in time.
     */
    public Either<Rejected, Change<OrgStructure>> addTerritory(Territory territory, ActorId actor, Instant at) {
        Checks checks = checkName(Checks.start(), territory.name(), "name")
                .require(territories.stream().noneMatch(t -> t.id().equals(territory.id())), () -> Rejection.of(
                        OrgRejection.DUPLICATE_ID, subject(), "id", "territory " + territory.id() + " exists"))
                .require(territory.ownerUnitId().map(units::containsKey).orElse(true), () -> Rejection.of(
                        OrgRejection.UNKNOWN_UNIT, subject(), "ownerUnitId", "no unit " + territory.ownerUnitId().orElse("")))
                .require(!territory.rules().isEmpty(), () -> Rejection.of(OrgRejection.TERRITORY_RULES_EMPTY, subject(), "rules",
                        "a territory needs assignment rules"));
        List<TerritoryRules> rules = territory.rules();
        for (int i = 0; i < rules.size(); i++) {
            checks = checkRules(checks, rules.get(i), "rules[" + i + "]");
            TerritoryRules previous = i > 0 ? rules.get(i - 1) : null;
            TerritoryRules current = rules.get(i);
            String field = "rules[" + i + "].from";
            checks = checks.require(previous == null || previous.until().map(u -> !current.from().isBefore(u)).orElse(false),
                    () -> Rejection.of(OrgRejection.BEFORE_HISTORY, subject(), field,
                            "rules versions follow each other in time without overlapping"));
        }
        return checks.thenRight(() -> {
            List<Territory> next = new ArrayList<>(territories);
            next.add(territory);
            return Change.of(new OrgStructure(tenantId, units, members, memberships, next, productLines),
                    new OrgEvents.TerritoryAdded(territory, actor, at));
        });
    }

    /**
     * Replaces a territory's rules from {@code rules.from()}: the rules in force end that day and
     * stay on record, so assignments on earlier dates are unchanged. Refused when the territory is
     * unknown or retired, the new rules give no criterion or end on or before they start, or they
     * would start on or before the current rules began (history is never rewritten).
     */
    public Either<Rejected, Change<OrgStructure>> redefineTerritory(String territoryId, TerritoryRules rules, ActorId actor,
                                                                    Instant at) {
        Optional<Territory> found = territory(territoryId);
        Checks checks = checkLiveTerritory(territoryId, found);
        checks = checkRules(checks, rules, "rules")
                .require(found.map(t -> rules.from().isAfter(t.currentRules().from())).orElse(true), () -> Rejection.of(
                        OrgRejection.BEFORE_HISTORY, subject(), "rules.from", "new rules take effect after the current rules began")
                        .withEvidence("currentFrom", found.get().currentRules().from()));
        return checks.thenRight(() -> {
            Territory t = found.get();
            List<TerritoryRules> versions = new ArrayList<>(t.rules().subList(0, t.rules().size() - 1));
            versions.add(t.currentRules().endingOn(rules.from()));
            versions.add(rules);
            return Change.of(replacing(new Territory(t.id(), t.name(), t.ownerUnitId(), t.priority(), versions)),
                    new OrgEvents.TerritoryRedefined(territoryId, rules, actor, at));
        });
    }

    /** Retires a territory from {@code effective}: its last rules end that day; it covers no account from then on. */
    public Either<Rejected, Change<OrgStructure>> retireTerritory(String territoryId, LocalDate effective, ActorId actor,
                                                                  Instant at) {
        Optional<Territory> found = territory(territoryId);
        return checkLiveTerritory(territoryId, found)
                .require(found.map(t -> effective.isAfter(t.currentRules().from())).orElse(true), () -> Rejection.of(
                        OrgRejection.BEFORE_HISTORY, subject(), "effective", "a territory retires after its current rules began"))
                .thenRight(() -> {
                    Territory t = found.get();
                    List<TerritoryRules> versions = new ArrayList<>(t.rules().subList(0, t.rules().size() - 1));
                    versions.add(t.currentRules().endingOn(effective));
                    return Change.of(replacing(new Territory(t.id(), t.name(), t.ownerUnitId(), t.priority(), versions)),
                            new OrgEvents.TerritoryRetired(territoryId, effective, actor, at));
                });
    }

    private Checks checkLiveTerritory(String territoryId, Optional<Territory> found) {
        return Checks.start()
                .require(found.isPresent(), () -> Rejection.of(OrgRejection.UNKNOWN_TERRITORY, subject(), "territoryId",
                        "no territory " + territoryId))
                .require(found.map(t -> !t.retired()).orElse(true), () -> Rejection.of(OrgRejection.RETIRED, subject(),
                        "territoryId", "territory " + territoryId + " is retired"));
    }

    private Checks checkRules(Checks checks, TerritoryRules rules, String field) {
        return checks
                .require(rules.hasCriteria(), () -> Rejection.of(OrgRejection.TERRITORY_RULES_EMPTY, subject(), field,
                        "rules need a named account, region, industry or size to match anything"))
                .require(rules.until().map(u -> u.isAfter(rules.from())).orElse(true), () -> Rejection.of(
                        OrgRejection.EMPTY_RANGE, subject(), field + ".until", "rules end after they start"));
    }

    private OrgStructure replacing(Territory territory) {
        List<Territory> next = new ArrayList<>();
        for (Territory t : territories) {
            next.add(t.id().equals(territory.id()) ? territory : t);
        }
        return new OrgStructure(tenantId, units, members, memberships, next, productLines);
    }

    /** Adds a product line (reference data; no event, no checks; the original form kept for bulk set-up). */
    public OrgStructure withProductLine(ProductLine line) {
        List<ProductLine> next = new ArrayList<>(productLines);
        next.add(line);
        return new OrgStructure(tenantId, units, members, memberships, territories, next);
    }

    /** Adds a product line offered from {@code introduced}; refused when the id is taken or the name blank or too long. */
    public Either<Rejected, Change<OrgStructure>> addProductLine(String id, String name, LocalDate introduced, ActorId actor,
                                                                 Instant at) {
        return checkName(Checks.start(), name, "name")
                .require(productLine(id).isEmpty(), () -> Rejection.of(OrgRejection.DUPLICATE_ID, subject(), "id",
                        "product line " + id + " exists"))
                .thenRight(() -> {
                    ProductLine line = new ProductLine(id, List.of(new DatedName(name, introduced)), introduced, Optional.empty());
                    return Change.of(withProductLine(line), new OrgEvents.ProductLineAdded(line, actor, at));
                });
    }

    /**
     * Renames a product line from {@code effective}; the earlier name stays answerable for earlier
     * dates ({@link ProductLine#nameOn}). Refused when the line is unknown or retired, the name is
     * blank, too long or unchanged, or the date is not after the current name took effect.
     */
    public Either<Rejected, Change<OrgStructure>> renameProductLine(String id, String name, LocalDate effective, ActorId actor,
                                                                    Instant at) {
        Optional<ProductLine> found = productLine(id);
        return checkName(checkLiveLine(id, found), name, "name")
                .require(found.map(p -> !p.name().equals(name)).orElse(true), () -> Rejection.of(OrgRejection.NAME_INVALID,
                        subject(), "name", "the product line carries this name already"))
                .require(found.map(p -> effective.isAfter(p.names().get(p.names().size() - 1).from())).orElse(true),
                        () -> Rejection.of(OrgRejection.BEFORE_HISTORY, subject(), "effective",
                                "a rename takes effect after the current name began"))
                .thenRight(() -> {
                    ProductLine p = found.get();
                    List<DatedName> names = new ArrayList<>(p.names());
                    names.add(new DatedName(name, effective));
                    return Change.of(replacing(new ProductLine(p.id(), names, p.introduced(), p.retired())),
                            new OrgEvents.ProductLineRenamed(id, p.name(), name, effective, actor, at));
                });
    }

    /** Retires a product line from {@code effective} (exclusive end); refused when unknown, retired, or not after its introduction. */
    public Either<Rejected, Change<OrgStructure>> retireProductLine(String id, LocalDate effective, ActorId actor, Instant at) {
        Optional<ProductLine> found = productLine(id);
        return checkLiveLine(id, found)
                .require(found.map(p -> effective.isAfter(p.introduced())).orElse(true), () -> Rejection.of(
                        OrgRejection.BEFORE_HISTORY, subject(), "effective", "a product line retires after it was introduced"))
                .thenRight(() -> {
                    ProductLine p = found.get();
                    return Change.of(replacing(new ProductLine(p.id(), p.names(), p.introduced(), Optional.of(effective))),
                            new OrgEvents.ProductLineRetired(id, effective, actor, at));
                });
    }

    private Checks checkLiveLine(String id, Optional<ProductLine> found) {
        return Checks.start()
                .require(found.isPresent(), () -> Rejection.of(OrgRejection.UNKNOWN_PRODUCT_LINE, subject(), "productLineId",
                        "no product line " + id))
                .require(found.map(p -> p.retired().isEmpty()).orElse(true), () -> Rejection.of(OrgRejection.RETIRED, subject(),
                        "productLineId", "product line " + id + " is retired"));
    }

    private OrgStructure replacing(ProductLine line) {
        List<ProductLine> next = new ArrayList<>();
        for (ProductLine p : productLines) {
            next.add(p.id().equals(line.id()) ? line : p);
        }
        return new OrgStructure(tenantId, units, members, memberships, territories, next);
    }

    private Checks checkName(Checks checks, String name, String field) {
        return checks.require(name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH, () -> Rejection.of(
                OrgRejection.NAME_INVALID, subject(), field, "a name is 1-" + MAX_NAME_LENGTH + " characters, not blank"));
    }

    @Override
    public String toString() {
        return "OrgStructure[" + tenantId.value() + " units=" + units.values() + " members=" + members.values()
                + " memberships=" + memberships + " territories=" + territories + " productLines=" + productLines + "]";
    }
}
