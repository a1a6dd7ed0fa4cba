package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Account;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.org.OrgValues.TerritoryRules;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrgStructureCodecTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final OrgStructureCodec codec = new OrgStructureCodec(json);

    private static OrgStructure ok(Either<Rejected, Change<OrgStructure>> result) {
        return result.getOrElseThrow(r -> new AssertionError(r.toString())).state();
    }

    /** Every kind of fact the document holds: a moved unit, a leaver, a matrix member, redefined and retired territories, renamed and retired product lines. */
    static OrgStructure sampleOrg() {
        ActorId hr = ActorId.of("hr");
        Instant at = Instant.parse("2026-01-05T09:00:00.123456Z");
        LocalDate start = LocalDate.of(2025, 1, 1);
        OrgStructure org = OrgStructure.empty(TenantId.of("acme"));
        org = ok(org.addUnit("hq", "Head office 总部", UnitKind.COMPANY, Optional.empty(), start, hr, at));
        org = ok(org.addUnit("sh", "Shanghai branch", UnitKind.BRANCH_OFFICE, Optional.of("hq"), start, hr, at));
        org = ok(org.addUnit("hz", "Hangzhou branch", UnitKind.BRANCH_OFFICE, Optional.of("hq"), start, hr, at));
        org = ok(org.addUnit("sh-1", "Shanghai team 1", UnitKind.TEAM, Optional.of("sh"), start, hr, at));
        org = ok(org.addUnit("cloud", "Cloud", UnitKind.PRODUCT_LINE, Optional.of("hq"), start, hr, at));
        org = ok(org.moveUnit("sh-1", "hz", LocalDate.of(2026, 7, 1), hr, at));
        org = ok(org.hire(new Member("ann", "Ann", start, Optional.empty()), hr, at));
        org = ok(org.hire(new Member("bo", "Bo", start, Optional.empty()), hr, at));
        org = ok(org.assign("ann", "sh-1", Role.REP, start, Optional.empty(), hr, at));
        org = ok(org.assign("ann", "cloud", Role.REP, LocalDate.of(2026, 1, 1), Optional.empty(), hr, at));
        org = ok(org.assign("bo", "sh", Role.MANAGER, start, Optional.empty(), hr, at));
        org = ok(org.leave("bo", LocalDate.of(2026, 5, 1), hr, at));
        org = ok(org.addTerritory(new Territory("east-mfg", "East manufacturing", Optional.of("sh"), 1, List.of(
                TerritoryRules.from(start, Set.of("zhejiang", "shanghai"), Set.of("manufacturing"), Set.of(), Set.of()))), hr, at));
        org = ok(org.redefineTerritory("east-mfg", TerritoryRules.from(LocalDate.of(2026, 1, 1), Set.of("shanghai"),
                Set.of("manufacturing"), Set.of("enterprise"), Set.of("acct-geely")), hr, at));
        org = ok(org.addTerritory(new Territory("west", "West", Set.of("sichuan"), Set.of(), Set.of()), hr, at));
        org = ok(org.retireTerritory("west", LocalDate.of(2026, 4, 1), hr, at));
        org = ok(org.addProductLine("erp", "ERP suite", start, hr, at));
        org = ok(org.renameProductLine("erp", "ERP cloud 云", LocalDate.of(2026, 3, 1), hr, at));
        org = ok(org.addProductLine("hw", "Hardware", start, hr, at));
        return ok(org.retireProductLine("hw", LocalDate.of(2026, 6, 1), hr, at));
    }

    @Test
    void the_version_1_golden_document_loads_the_organisation_it_describes_and_re_saves_to_the_same_json() throws IOException {
        String stored = TenantSettingsCodecTest.golden("org-structure/v1.json");

        OrgStructure org = codec.decode(1, stored);

        assertThat(org.lineageOn("sh-1", LocalDate.of(2026, 6, 30))).containsExactly("sh-1", "sh", "hq");
        assertThat(org.lineageOn("sh-1", LocalDate.of(2026, 7, 1))).containsExactly("sh-1", "hz", "hq");
        assertThat(org.unitsOf("ann", LocalDate.of(2026, 2, 1))).extracting(Membership::unitId).containsExactly("sh-1", "cloud");
        assertThat(org.member("bo").orElseThrow().left()).contains(LocalDate.of(2026, 5, 1));
        assertThat(org.territoriesFor(new Account("a1", "zhejiang", "manufacturing", "smb"), LocalDate.of(2025, 6, 1)))
                .extracting(Territory::id).containsExactly("east-mfg");
        assertThat(org.territoriesFor(new Account("a1", "zhejiang", "manufacturing", "smb"), LocalDate.of(2026, 6, 1))).isEmpty();
        assertThat(org.territory("west").orElseThrow().retired()).isTrue();
        assertThat(org.productLine("erp").orElseThrow().nameOn(LocalDate.of(2026, 2, 28))).isEqualTo("ERP suite");
        assertThat(org.productLine("erp").orElseThrow().name()).isEqualTo("ERP cloud 云");
        assertThat(org.productLinesOn(LocalDate.of(2026, 6, 1))).extracting(p -> p.id()).containsExactly("erp");
        JsonNode expected = json.parse("golden", stored).get();
        assertThat(json.parse("resaved", codec.encode(org)).get()).isEqualTo(expected);
    }

    @Test
    void the_sample_organisation_encodes_to_the_golden_document() throws IOException {
        assertThat(json.parse("encoded", codec.encode(sampleOrg())).get())
                .isEqualTo(json.parse("golden", TenantSettingsCodecTest.golden("org-structure/v1.json")).get());
    }

    @Test
    void a_stored_membership_naming_an_unknown_unit_is_refused_as_corrupt() throws IOException {
        String golden = TenantSettingsCodecTest.golden("org-structure/v1.json");
        String broken = golden.replace("\"unitId\" : \"cloud\"", "\"unitId\" : \"nowhere\"");

        assertThat(broken).isNotEqualTo(golden);
        assertThatThrownBy(() -> codec.decode(1, broken)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("unknown member or unit");
    }

    @Test
    void a_document_of_a_newer_schema_version_is_refused() throws IOException {
        String golden = TenantSettingsCodecTest.golden("org-structure/v1.json");

        assertThatThrownBy(() -> codec.decode(2, golden)).isInstanceOf(UnsupportedSchemaVersionException.class);
    }
}
