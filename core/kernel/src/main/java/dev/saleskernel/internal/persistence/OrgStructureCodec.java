package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.org.OrgEvents;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.DatedName;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.OrgUnit;
import dev.saleskernel.org.OrgValues.Placement;
import dev.saleskernel.org.OrgValues.ProductLine;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.org.OrgValues.TerritoryRules;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.shared.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Schema version 1 of the {@code org-structure} record (one document per tenant, record id
 * {@link OrgStructure#RECORD_ID}), and the payloads of its events. Dates are ISO local dates; an
 * open end is {@code null}; sets are written sorted so the document is stable.
 */
public final class OrgStructureCodec extends DocumentCodec<OrgStructure, OrgStructureCodec.OrgDocument> {

    public static final String RECORD_TYPE = "org-structure";

    public record PlacementDocument(@JsonProperty("parentId") String parentId, @JsonProperty("from") String from,
                                    @JsonProperty("until") String until) {
        static PlacementDocument of(Placement p) {
            return new PlacementDocument(p.parentId().orElse(null), p.from().toString(), text(p.until()));
        }

        Placement toPlacement() {
            return new Placement(Optional.ofNullable(parentId), LocalDate.parse(from), date(until));
        }
    }

    public record UnitDocument(@JsonProperty("id") String id, @JsonProperty("name") String name,
                               @JsonProperty("kind") String kind,
                               @JsonProperty("placements") List<PlacementDocument> placements) {
        static UnitDocument of(OrgUnit u) {
            return new UnitDocument(u.id(), u.name(), u.kind().name(), u.placements().stream().map(PlacementDocument::of).toList());
        }

        OrgUnit toUnit() {
            return new OrgUnit(id, name, UnitKind.valueOf(kind), list(placements).stream().map(PlacementDocument::toPlacement).toList());
        }
    }

    public record MemberDocument(@JsonProperty("id") String id, @JsonProperty("name") String name,
                                 @JsonProperty("hired") String hired, @JsonProperty("left") String left) {
        static MemberDocument of(Member m) {
            return new MemberDocument(m.id(), m.name(), m.hired().toString(), text(m.left()));
        }

        Member toMember() {
            return new Member(id, name, LocalDate.parse(hired), date(left));
        }
    }

    public record MembershipDocument(@JsonProperty("memberId") String memberId, @JsonProperty("unitId") String unitId,
                                     @JsonProperty("role") String role, @JsonProperty("from") String from,
                                     @JsonProperty("until") String until) {
        static MembershipDocument of(Membership m) {
            return new MembershipDocument(m.memberId(), m.unitId(), m.role().name(), m.from().toString(), text(m.until()));
        }

        Membership toMembership() {
            return new Membership(memberId, unitId, Role.valueOf(role), LocalDate.parse(from), date(until));
        }
    }

    public record RulesDocument(@JsonProperty("regions") List<String> regions, @JsonProperty("industries") List<String> industries,
                                @JsonProperty("sizes") List<String> sizes,
                                @JsonProperty("namedAccounts") List<String> namedAccounts,
                                @JsonProperty("from") String from, @JsonProperty("until") String until) {
        static RulesDocument of(TerritoryRules r) {
            return new RulesDocument(sorted(r.regions()), sorted(r.industries()), sorted(r.sizes()), sorted(r.namedAccounts()),
                    r.from().toString(), text(r.until()));
        }

        TerritoryRules toRules() {
            return new TerritoryRules(Set.copyOf(list(regions)), Set.copyOf(list(industries)), Set.copyOf(list(sizes)),
                    Set.copyOf(list(namedAccounts)), LocalDate.parse(from), date(until));
        }
    }

    public record TerritoryDocument(@JsonProperty("id") String id, @JsonProperty("name") String name,
                                    @JsonProperty("ownerUnitId") String ownerUnitId, @JsonProperty("priority") int priority,
                                    @JsonProperty("rules") List<RulesDocument> rules) {
        static TerritoryDocument of(Territory t) {
            return new TerritoryDocument(t.id(), t.name(), t.ownerUnitId().orElse(null), t.priority(),
                    t.rules().stream().map(RulesDocument::of).toList());
        }

        Territory toTerritory() {
            return new Territory(id, name, Optional.ofNullable(ownerUnitId), priority,
                    list(rules).stream().map(RulesDocument::toRules).toList());
        }
    }

    public record NameDocument(@JsonProperty("name") String name, @JsonProperty("from") String from) {
    }

    public record ProductLineDocument(@JsonProperty("id") String id, @JsonProperty("names") List<NameDocument> names,
                                      @JsonProperty("introduced") String introduced, @JsonProperty("retired") String retired) {
        static ProductLineDocument of(ProductLine p) {
            return new ProductLineDocument(p.id(), p.names().stream().map(n -> new NameDocument(n.name(), n.from().toString()))
                    .toList(), p.introduced().toString(), text(p.retired()));
        }

        ProductLine toProductLine() {
            return new ProductLine(id, list(names).stream().map(n -> new DatedName(n.name(), LocalDate.parse(n.from()))).toList(),
                    LocalDate.parse(introduced), date(retired));
        }
    }

    public record OrgDocument(@JsonProperty("tenantId") String tenantId, @JsonProperty("units") List<UnitDocument> units,
                              @JsonProperty("members") List<MemberDocument> members,
                              @JsonProperty("memberships") List<MembershipDocument> memberships,
                              @JsonProperty("territories") List<TerritoryDocument> territories,
                              @JsonProperty("productLines") List<ProductLineDocument> productLines) {
    }

    public OrgStructureCodec(SafeJson json) {
        super(json, RECORD_TYPE, 1, OrgDocument.class, List.of());
    }

    @Override
    public String recordId(OrgStructure org) {
        return OrgStructure.RECORD_ID;
    }

    @Override
    protected OrgDocument toDocument(OrgStructure org) {
        return new OrgDocument(org.tenantId().value(), org.units().stream().map(UnitDocument::of).toList(),
                org.members().stream().map(MemberDocument::of).toList(),
                org.memberships().stream().map(MembershipDocument::of).toList(),
                org.territories().stream().map(TerritoryDocument::of).toList(),
                org.productLines().stream().map(ProductLineDocument::of).toList());
    }

    @Override
    protected OrgStructure fromDocument(OrgDocument d) {
        return OrgStructure.of(TenantId.of(d.tenantId()), list(d.units()).stream().map(UnitDocument::toUnit).toList(),
                list(d.members()).stream().map(MemberDocument::toMember).toList(),
                list(d.memberships()).stream().map(MembershipDocument::toMembership).toList(),
                list(d.territories()).stream().map(TerritoryDocument::toTerritory).toList(),
                list(d.productLines()).stream().map(ProductLineDocument::toProductLine).toList());
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    private static List<String> sorted(Set<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }

    private static String text(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }

    private static Optional<LocalDate> date(String text) {
        return Optional.ofNullable(text).map(LocalDate::parse);
    }

    /** Registers the payloads of the org events (logical types {@code org.<event>}). */
    public static EventCodec registerEvents(EventCodec events) {
        record UnitMoved(@JsonProperty("unitId") String unitId, @JsonProperty("newParentId") String newParentId,
                         @JsonProperty("effective") String effective) {
        }
        record MembershipEnded(@JsonProperty("memberId") String memberId, @JsonProperty("unitId") String unitId,
                               @JsonProperty("effective") String effective) {
        }
        record MemberLeft(@JsonProperty("memberId") String memberId, @JsonProperty("effective") String effective) {
        }
        record TerritoryRedefined(@JsonProperty("territoryId") String territoryId, @JsonProperty("rules") RulesDocument rules) {
        }
        record Retired(@JsonProperty("id") String id, @JsonProperty("effective") String effective) {
        }
        record Renamed(@JsonProperty("productLineId") String productLineId, @JsonProperty("previousName") String previousName,
                       @JsonProperty("name") String name, @JsonProperty("effective") String effective) {
        }
        return events
                .register(OrgEvents.UnitAdded.class, "org.unit-added", e -> UnitDocument.of(e.unit()))
                .register(OrgEvents.UnitMoved.class, "org.unit-moved",
                        e -> new UnitMoved(e.unitId(), e.newParentId(), e.effective().toString()))
                .register(OrgEvents.MemberHired.class, "org.member-hired", e -> MemberDocument.of(e.member()))
                .register(OrgEvents.MemberAssigned.class, "org.member-assigned", e -> MembershipDocument.of(e.membership()))
                .register(OrgEvents.MembershipEnded.class, "org.membership-ended",
                        e -> new MembershipEnded(e.memberId(), e.unitId(), e.effective().toString()))
                .register(OrgEvents.MemberLeft.class, "org.member-left", e -> new MemberLeft(e.memberId(), e.effective().toString()))
                .register(OrgEvents.TerritoryAdded.class, "org.territory-added", e -> TerritoryDocument.of(e.territory()))
                .register(OrgEvents.TerritoryRedefined.class, "org.territory-redefined",
                        e -> new TerritoryRedefined(e.territoryId(), RulesDocument.of(e.rules())))
                .register(OrgEvents.TerritoryRetired.class, "org.territory-retired",
                        e -> new Retired(e.territoryId(), e.effective().toString()))
                .register(OrgEvents.ProductLineAdded.class, "org.product-line-added", e -> ProductLineDocument.of(e.productLine()))
                .register(OrgEvents.ProductLineRenamed.class, "org.product-line-renamed",
                        e -> new Renamed(e.productLineId(), e.previousName(), e.name(), e.effective().toString()))
                .register(OrgEvents.ProductLineRetired.class, "org.product-line-retired",
                        e -> new Retired(e.productLineId(), e.effective().toString()));
    }
}
